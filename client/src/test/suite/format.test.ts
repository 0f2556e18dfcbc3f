// Format Document and Format Selection tidy a card's markup and order, never its words.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX, replaceLines, sectionToEnd } from "../cards";
import { closeEditors, find, openCard, openCheckedCard, waitForCodes } from "./helpers";

const OPTIONS: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };

/** Wrong markers, indents and spacing, a checkbox GitHub does not render, 📚Publisher before 📙Paper, and 🍉Tokenizer last. */
const UNTIDY = replaceLines(sectionToEnd(CODEX, "- 🍉Tokenizer"), {
  "- 📙Paper: [Evaluating Large Language Models Trained on Code](https://arxiv.org/pdf/2107.03374.pdf)":
    "* 📚Publisher:`Arxiv`\n- 📙Paper:   [Evaluating Large Language Models Trained on Code](https://arxiv.org/pdf/2107.03374.pdf)",
  "- 📚Publisher: `Arxiv`": null,
  "  + [ ] Encoder-Decoder": "    - []Encoder-Decoder",
  "  + [x] Decoder-Only": "  +   [x]   Decoder-Only",
  "  + learning rate: `1e-4`": "  + learning rate :  `1e-4`",
});

/** The edits Format Document would make; VS Code answers "none" as undefined. */
async function formatDocument(document: vscode.TextDocument): Promise<vscode.TextEdit[]> {
  return (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>("vscode.executeFormatDocumentProvider", document.uri, OPTIONS)) ?? [];
}

/** Applies formatting edits, as Format Document and Format Selection do. */
async function applyFormatting(document: vscode.TextDocument, edits: vscode.TextEdit[]): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, edits);
  assert.ok(await vscode.workspace.applyEdit(edit), "the formatting edits apply");
}

describe("formatting", () => {
  afterEach(closeEditors);

  test("Format Document makes an untidy card the canonical one, and formatting again changes nothing", async () => {
    const document = await openCheckedCard("format", UNTIDY, ["field.order", "field.order", "checkbox.malformed", "list.marker", "list.marker", "list.indent"]);

    await applyFormatting(document, await formatDocument(document));
    assert.equal(document.getText(), CODEX);
    assert.deepEqual(await formatDocument(document), []);
    await waitForCodes(document.uri, []);
  });

  test("Format Selection tidies only the selected lines, and moves nothing", async () => {
    const { document } = await openCard("format-selection", UNTIDY);
    const architecture = new vscode.Range(find(document, "    - []Encoder-Decoder").start, find(document, "  +   [x]   Decoder-Only").end);

    await applyFormatting(document, await vscode.commands.executeCommand<vscode.TextEdit[]>("vscode.executeFormatRangeProvider", document.uri, architecture, OPTIONS));
    assert.equal(document.getText(), replaceLines(UNTIDY, { "    - []Encoder-Decoder": "  + [ ] Encoder-Decoder", "  +   [x]   Decoder-Only": "  + [x] Decoder-Only" }));
  });
});
