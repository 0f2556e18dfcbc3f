import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SymbolKind, type DocumentSymbol, type TextEdit } from "vscode-languageserver-types";
import type { Analysis } from "../../src/core/analysis";
import { toggleAction, toggleCheckboxes } from "../../src/core/features/checkboxes";
import { completeness, fillMissingEdits } from "../../src/core/features/completeness";
import { documentLinks, documentSymbols, foldingRanges } from "../../src/core/features/outline";
import { cardSymbols, ValueTally } from "../../src/core/features/workspace";
import { applyEdits } from "../../src/core/rules/problem";
import { analyzeCard } from "./helpers";

const FRONT = "---\ntitle: TinyCoder\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [models]\n---\n";

/** Applies LSP edits the way the editor does (from the end, so earlier offsets stay valid). */
function applyLsp(analysis: Analysis, edits: readonly TextEdit[]): string {
  let text = analysis.parsed.text;
  const spans = edits.map((e) => ({ span: analysis.positions.span(e.range), newText: e.newText })).sort((a, b) => b.span.start - a.span.start);
  for (const { span, newText } of spans) text = text.slice(0, span.start) + newText + text.slice(span.end);
  return text;
}

const lineOf = (text: string, fragment: string): number => text.slice(0, text.indexOf(fragment)).split("\n").length - 1;

describe("checkbox toggling", () => {
  const card = FRONT + "- 🌐Architecture\n  + [ ] Encoder-Decoder\n  * [x]   Decoder-Only\n- 🏃‍♀️Training\n  + training strategies\n    * [X] left-to-right\n    *  [ ] fill-in-the-middle\n";

  test("checking an option of a single-choice group unchecks the others, whatever the marker or spacing", () => {
    const a = analyzeCard(card);
    const out = applyLsp(a, toggleCheckboxes(a, [lineOf(card, "Encoder-Decoder")]));
    assert.equal(out, card.replace("[ ] Encoder", "[x] Encoder").replace("[x]   Decoder", "[ ]   Decoder"));
  });

  test("in a multiple-choice group each box toggles on its own, over a multi-line selection", () => {
    const a = analyzeCard(card);
    const lines = [lineOf(card, "left-to-right"), lineOf(card, "fill-in-the-middle")];
    const out = applyLsp(a, toggleCheckboxes(a, lines));
    assert.equal(out, card.replace("[X] left", "[ ] left").replace("[ ] fill", "[x] fill"));
  });

  test("selecting two options of a single-choice group leaves exactly one checked", () => {
    const a = analyzeCard(card);
    const out = applyLsp(a, toggleCheckboxes(a, [lineOf(card, "Encoder-Decoder"), lineOf(card, "Decoder-Only")]));
    const checked = analyzeCard(out).parsed.items.filter((i) => i.checkbox?.state === "checked" && out.slice(i.content.start, i.content.end).includes("coder"));
    assert.equal(checked.length, 1);
  });

  test("a box written without its space gets one, so it becomes a task item", () => {
    const text = FRONT + "- 🌐Architecture\n  + [ ]Encoder-Decoder\n  + [ ] Decoder-Only\n";
    const a = analyzeCard(text);
    assert.equal(applyLsp(a, toggleCheckboxes(a, [lineOf(text, "Encoder")])), text.replace("[ ]Encoder", "[x] Encoder"));
  });

  test("lines without a checkbox are left alone, and the code action appears only on checkbox lines", () => {
    const a = analyzeCard(card);
    assert.deepEqual(toggleCheckboxes(a, [lineOf(card, "🌐Architecture")]), []);
    const at = (fragment: string) => ({ start: card.indexOf(fragment), end: card.indexOf(fragment) });
    assert.equal(toggleAction(a, at("🌐Architecture")), undefined);
    const action = toggleAction(a, at("Encoder-Decoder"));
    assert.ok(action);
    assert.equal(action.title, "Toggle checkbox");
    assert.equal(action.kind, "refactor.rewrite.toggleCheckbox");
  });
});

describe("completeness", () => {
  test("counts required fields at every level, a missing section with all its fields", () => {
    const text = FRONT + "- 📙Paper: /\n- 📚Publisher: /\n- 🏠Author Affiliation: /\n- 🔑Public: ✅\n";
    const c = completeness(analyzeCard(text));
    assert.ok(c);
    assert.equal(c.kind, "model card");
    assert.equal(c.present, 4);
    assert.equal(c.total, c.present + c.missing.length);
    assert.ok(c.missing.includes("🍉Tokenizer"));
    assert.ok(c.missing.includes("🍉Tokenizer › Technology"));
    assert.ok(c.missing.includes("🧪Hyperparameters › optimizer › betas"));
  });

  test("filling in every missing field makes the card complete", () => {
    const text = FRONT + "- 📙Paper: /\n";
    const a = analyzeCard(text);
    const filled = applyLsp(a, fillMissingEdits(a.model!, a.missing).map((e) => a.positions.edit(e)));
    const c = completeness(analyzeCard(filled));
    assert.ok(c);
    assert.deepEqual(c.missing, []);
    assert.equal(c.present, c.total);
  });

  test("markdown that is not a card has none", () => {
    assert.equal(completeness(analyzeCard("# Notes\n- a\n")), undefined);
  });

  test("one missing field, named as completeness lists it, is inserted alone; a field of a missing section brings the section", () => {
    const text = FRONT + "- 📙Paper: /\n- 🧪Hyperparameters (T 1B)\n  + optimizer: Adam\n";
    const a = analyzeCard(text);
    const missing = completeness(a)!.missing;
    assert.ok(missing.includes("🧪Hyperparameters › optimizer › betas") && missing.includes("🍉Tokenizer › Details"));
    const insert = (path: string): string => applyLsp(a, fillMissingEdits(a.model!, a.missing, path).map((e) => a.positions.edit(e)));
    assert.equal(insert("🧪Hyperparameters › optimizer › betas"), text + "    * betas: /\n");
    const withTokenizer = insert("🍉Tokenizer › Details");
    assert.match(withTokenizer, /- 🍉Tokenizer\n {2}\+ Technology\n[\s\S]*\n {2}\+ Details\n {4}\* \/\n- 🧪Hyperparameters/);
    assert.equal(insert("🦄Nothing"), text);
  });
});

describe("outline", () => {
  const card = FRONT + "- 📙Paper: [P](https://arxiv.org/abs/1)\n- 🌐Architecture\n  + [x] Decoder-Only\n- 🔗Code: see <https://github.com/x/y>\n";

  test("symbols: the front matter with its keys, then fields nested with values as details", () => {
    const symbols = documentSymbols(analyzeCard(card));
    const names = (s: readonly DocumentSymbol[]): unknown => s.map((x) => (x.children?.length ? [x.name, names(x.children)] : x.name));
    assert.deepEqual(names(symbols), [["Front matter", ["title", "author", "date", "categories", "tags"]], "📙Paper", ["🌐Architecture", ["Decoder-Only"]], "🔗Code"]);
    assert.equal(symbols[1]!.detail, "[P](https://arxiv.org/abs/1)");
    assert.equal(symbols[2]!.kind, SymbolKind.Enum);
    assert.equal(symbols[2]!.children![0]!.detail, "[x]");
  });

  test("folding: the front matter and every bullet with children", () => {
    assert.deepEqual(foldingRanges(analyzeCard(card)).map((r) => [r.startLine, r.endLine]), [[0, 6], [8, 9]]);
  });

  test("links: markdown links and bare URLs in values, on the URL itself", () => {
    const a = analyzeCard(card);
    const links = documentLinks(a);
    assert.deepEqual(links.map((l) => l.target), ["https://arxiv.org/abs/1", "https://github.com/x/y"]);
    const first = a.positions.span(links[0]!.range);
    assert.equal(card.slice(first.start, first.end), "https://arxiv.org/abs/1");
  });

  test("markdown that is not a card has no outline, folding or links from us", () => {
    const a = analyzeCard("# Notes\n- a: https://x.org\n  - b\n");
    assert.deepEqual([documentSymbols(a), foldingRanges(a), documentLinks(a)], [[], [], []]);
  });
});

describe("workspace knowledge", () => {
  const withValues = (title: string, publisher: string, hardware: string): Analysis =>
    analyzeCard(FRONT.replace("TinyCoder", title) + `- 📚Publisher: ${publisher}\n- 🧪Hyperparameters (${title} 1B)\n  + optimizer: Adam\n- 🏃‍♀️Training\n  + hardware: ${hardware}\n`, { uri: `file:///site/_posts/2021-07-07-${title}.md` });
  const cards = [withValues("A", "`Arxiv`", "V100"), withValues("B", "`arxiv`", "/"), withValues("C", "`arxiv`", "TPUv4"), withValues("D", "`NeurIPS`", "V100")];

  test("counts values per field, most used first, one spelling per value, `/` left out", () => {
    const counts = new ValueTally();
    for (const card of cards) counts.set(card);
    assert.deepEqual(counts.get("publisher"), [{ text: "`arxiv`", count: 3 }, { text: "`NeurIPS`", count: 1 }]);
    assert.deepEqual(counts.get("training.hardware"), [{ text: "V100", count: 2 }, { text: "TPUv4", count: 1 }]);
    assert.deepEqual(counts.get("hyperparameters.optimizer"), [{ text: "Adam", count: 4 }]);
  });

  test("a card's symbols are its title and the models its hyperparameters name", () => {
    assert.deepEqual(cardSymbols(cards[0]!).map((s) => [s.name, s.kind]), [["A", SymbolKind.File], ["A 1B", SymbolKind.Class]]);
  });
});

describe("repeated sections", () => {
  test("each 🧪Hyperparameters section of a card with several model sizes is checked for its own missing fields", () => {
    const section = (size: string, without: string): string =>
      `- 🧪Hyperparameters (T ${size})\n` + ["optimizer: /", "batch size: /", "context window: /", "gradient accumulation steps: /", "warmup steps: /", "learning rate: /", "weight decay: /", "precision floating point: /"]
        .filter((f) => !f.startsWith(without)).map((f) => `  + ${f}\n`).join("");
    const text = FRONT + "- 📙Paper: /\n" + section("1B", "batch size") + section("7B", "learning rate");
    const missing = analyzeCard(text).problems.filter((p) => p.code === "field.missing").map((p) => p.message.split(" under")[0]);
    assert.ok(missing.includes("Missing field batch size"), JSON.stringify(missing));
    assert.ok(missing.includes("Missing field learning rate"), JSON.stringify(missing));
  });
});

describe("field order", () => {
  test("one field written too early is the one flagged, with where it belongs, and its move fixes the order", () => {
    const text = FRONT + "- 🔑Public: ✅\n- 📙Paper: /\n- 📚Publisher: /\n";
    const order = analyzeCard(text).problems.filter((p) => p.code === "field.order");
    assert.deepEqual(order.map((p) => p.message), ["🔑Public belongs after 📚Publisher, as in the template."]);
    const moved = applyEdits(text, order[0]!.fixes[0]!.edits);
    assert.equal(moved, FRONT + "- 📙Paper: /\n- 📚Publisher: /\n- 🔑Public: ✅\n");
  });
});
