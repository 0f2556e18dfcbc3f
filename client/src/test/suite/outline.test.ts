// Finding one's way in a long card: the Outline view, folding, and clickable links.
import assert from "node:assert/strict";
import { after, before, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX, replaceLines } from "../cards";
import { closeEditors, find, openCheckedCard } from "./helpers";

const PAPER = "- 📙Paper: [Evaluating Large Language Models Trained on Code](https://arxiv.org/pdf/2107.03374.pdf)";
/** A bare URL in free text, beside the 📙Paper link the card already has. */
const HARDWARE = "  + hardware: V100, see https://example.com/codex-hardware";
const CARD = replaceLines(CODEX, { "  + hardware: V100": HARDWARE });

describe("outline and navigation", () => {
  let document: vscode.TextDocument;
  before(async () => {
    document = await openCheckedCard("outline", CARD);
  });
  after(closeEditors);

  test("the Outline lists the front matter and every field, nested as written, with values as details", async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>("vscode.executeDocumentSymbolProvider", document.uri);
    assert.deepEqual(symbols.map((s) => s.name), [
      "Front matter", "📙Paper", "📚Publisher", "🏠Author Affiliation", "🔑Public", "🌐Architecture", "📏Model Size",
      "🗂️Data pre-processing", "🍉Tokenizer", "🧪Hyperparameters (Codex 12B)", "🏃‍♀️Training",
    ]);
    const byName = (list: readonly vscode.DocumentSymbol[], name: string): vscode.DocumentSymbol => {
      const symbol = list.find((s) => s.name === name);
      assert.ok(symbol, `a symbol "${name}" among ${JSON.stringify(list.map((s) => s.name))}`);
      return symbol;
    };
    assert.deepEqual(byName(symbols, "Front matter").children.map((s) => [s.name, s.detail]), [
      ["title", "Codex"], ["author", "coder"], ["date", "2021-07-07 00:00:00 +0800"], ["categories", "[arxiv]"], ["tags", "[models]"],
    ]);
    const hyperparameters = byName(symbols, "🧪Hyperparameters (Codex 12B)");
    assert.equal(byName(hyperparameters.children, "learning rate").detail, "`1e-4`");
    assert.deepEqual(byName(hyperparameters.children, "decay schedule").children.map((s) => [s.name, s.detail]), [
      ["Cosine", "[x]"], ["Linear", "[ ]"], ["Polynomial", "[ ]"], ["Inverse Square", "[ ]"],
    ]);
    // Clicking a symbol selects its label, and the symbol spans the field's whole subtree.
    assert.deepEqual(hyperparameters.selectionRange, find(document, "- 🧪Hyperparameters (Codex 12B)", "🧪Hyperparameters (Codex 12B)"));
    assert.equal(hyperparameters.range.end.line, find(document, "  + precision floating point: /").start.line);
  });

  test("the front matter and every field with lines under it fold", async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>("vscode.executeFoldingRangeProvider", document.uri);
    const line = (text: string): number => find(document, text).start.line;
    const folds = ranges.map((r) => [r.start, r.end]);
    const frontMatter = ranges.find((r) => r.start === 0);
    // From the opening `---` to the closing one.
    assert.deepEqual([frontMatter?.end, frontMatter?.kind], [CARD.split("\n").indexOf("---", 1), vscode.FoldingRangeKind.Region]);
    for (const [from, to] of [
      ["- 🗂️Data pre-processing", "    * contain a small percentage of alphaunmeric characters"],
      ["  + Filter Strategies", "    * contain a small percentage of alphaunmeric characters"],
      ["  + optimizer: Adam", "    * eps: /"],
      ["- 🏃‍♀️Training", "  + training time: /"],
    ] as const) {
      assert.ok(folds.some(([start, end]) => start === line(from) && end === line(to)), `a fold from "${from}" to "${to}" among ${JSON.stringify(folds)}`);
    }
  });

  test("the 📙Paper link and a bare URL in a value are links to follow", async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>("vscode.executeLinkProvider", document.uri);
    const place = (range: vscode.Range, target: string | undefined): string => `${range.start.line + 1}:${range.start.character + 1}-${range.end.character + 1} ${String(target)}`;
    // Markdown's own link provider may find the paper's link too: each place and target counts once.
    const found = new Set(links.map((link) => place(link.range, link.target?.toString())));
    const expected = [PAPER, HARDWARE].map((line) => {
      const url = /https:\S+?(?=\)|$)/.exec(line)![0];
      return place(find(document, line, url), url);
    });
    assert.deepEqual([...found], expected);
  });
});
