// The editing features beyond diagnostics, driven over the protocol as an editor drives them.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { CodeAction, DocumentLink, DocumentSymbol, FoldingRange, TextEdit } from "vscode-languageserver-types";
import { COMPLETENESS, EXPORT_CARD, FILL_MISSING, TOGGLE_CHECKBOXES, type Completeness } from "../../src/lsp/protocol";
import { applyEdits, cardUri, CODEX, lineIndex, positionOf, replaceLine, useServer } from "./client";

const lsp = useServer();
const asEdit = (uri: string, edits: TextEdit[]) => ({ changes: { [uri]: edits } });

void describe("outline, folding and links", () => {
  const uri = cardUri("outline");
  before(async () => {
    await lsp.client.open(uri, CODEX);
  });

  test("the outline lists the front matter and the fields, nested as written", async () => {
    const symbols = await lsp.client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name).slice(0, 5), ["Front matter", "📙Paper", "📚Publisher", "🏠Author Affiliation", "🔑Public"]);
    const tokenizer = symbols.find((s) => s.name === "🍉Tokenizer");
    assert.deepEqual(tokenizer?.children?.map((c) => c.name), ["Technology", "Details"]);
    assert.equal(symbols.find((s) => s.name === "🔑Public")?.detail, "❌");
  });

  test("sections and the front matter fold", async () => {
    const ranges = await lsp.client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });
    assert.ok(ranges.some((r) => r.startLine === 0));
    assert.ok(ranges.some((r) => r.startLine === lineIndex(CODEX, "- 🍉Tokenizer")));
  });

  test("the paper's URL is a link", async () => {
    const links = await lsp.client.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri } });
    assert.ok(links.some((l) => l.target === "https://arxiv.org/pdf/2107.03374.pdf"));
  });
});

void describe("formatting", () => {
  test("a card formats to the template's markers, indent and order, and formatting again changes nothing", async () => {
    const uri = cardUri("formatting");
    const messy = replaceLine(replaceLine(CODEX, "  + [ ] Encoder-Decoder", "   * [ ]  Encoder-Decoder"), "- 🔑Public: ❌", "*   🔑Public:❌");
    await lsp.client.open(uri, messy);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = await lsp.client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options });
    const formatted = applyEdits(messy, uri, asEdit(uri, edits));
    assert.equal(formatted, CODEX);
    await lsp.client.setText(uri, formatted);
    assert.deepEqual(await lsp.client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options }), []);
  });
});

void describe("checkbox toggling", () => {
  const uri = cardUri("toggle");
  before(async () => {
    await lsp.client.open(uri, CODEX);
  });

  test("the command's request checks an option and unchecks the rest of a single-choice group", async () => {
    const edits = await lsp.client.request<TextEdit[]>(TOGGLE_CHECKBOXES, { uri, lines: [lineIndex(CODEX, "  + [ ] Encoder-Decoder")] });
    const toggled = applyEdits(CODEX, uri, asEdit(uri, edits));
    assert.equal(toggled, CODEX.replace("[ ] Encoder-Decoder", "[x] Encoder-Decoder").replace("[x] Decoder-Only", "[ ] Decoder-Only"));
  });

  test("the light bulb offers the same toggle on a checkbox line", async () => {
    const at = positionOf(CODEX, "    * [ ] SentencePiece", "Sentence");
    const actions = await lsp.client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const toggle = actions.find((a) => a.title === "Toggle checkbox");
    assert.ok(toggle, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    const toggled = applyEdits(CODEX, uri, toggle.edit);
    assert.equal(toggled, CODEX.replace("[x] Byte-level", "[ ] Byte-level").replace("[ ] SentencePiece", "[x] SentencePiece"));
  });
});

void describe("completeness", () => {
  test("a card missing its last sections reports its count, and filling them in completes it", async () => {
    const uri = cardUri("completeness");
    const short = CODEX.slice(0, CODEX.indexOf("- 🌐Architecture"));
    await lsp.client.open(uri, short);
    const before = await lsp.client.request<Completeness | null>(COMPLETENESS, { uri });
    assert.ok(before);
    assert.equal(before.present, 4);
    assert.ok(before.missing.includes("🍉Tokenizer"));
    const edits = await lsp.client.request<TextEdit[]>(FILL_MISSING, { uri });
    await lsp.client.setText(uri, applyEdits(short, uri, asEdit(uri, edits)));
    const after = await lsp.client.request<Completeness | null>(COMPLETENESS, { uri });
    assert.ok(after);
    assert.deepEqual(after.missing, []);
    assert.equal(after.present, after.total);
  });

  test("picking one missing field inserts that field alone", async () => {
    const uri = cardUri("fill-one");
    const text = CODEX.replace("  + learning rate: `1e-4`\n", "");
    await lsp.client.open(uri, text);
    const status = await lsp.client.request<Completeness | null>(COMPLETENESS, { uri });
    assert.deepEqual(status?.missing, ["🧪Hyperparameters › learning rate"]);
    const edits = await lsp.client.request<TextEdit[]>(FILL_MISSING, { uri, field: "🧪Hyperparameters › learning rate" });
    assert.equal(applyEdits(text, uri, asEdit(uri, edits)), CODEX.replace("  + learning rate: `1e-4`", "  + learning rate: /"));
  });

  test("a misspelt 📙Papr: is not listed missing, and each field the status bar lists is one the fill inserts", async () => {
    const uri = cardUri("misspelt-paper");
    const text = CODEX.replace("- 📙Paper:", "- 📙Papr:").replace("  + learning rate: `1e-4`\n", "");
    await lsp.client.open(uri, text);
    const status = await lsp.client.request<Completeness | null>(COMPLETENESS, { uri });
    const codex = cardUri("complete-codex");
    await lsp.client.open(codex, CODEX);
    const complete = await lsp.client.request<Completeness | null>(COMPLETENESS, { uri: codex });
    assert.ok(status && complete);
    // The misspelt field is written (the fix renames it): only learning rate is missing, out of the same total.
    assert.deepEqual(status.missing, ["🧪Hyperparameters › learning rate"]);
    assert.equal(status.total, complete.total);
    for (const field of status.missing) assert.notDeepEqual(await lsp.client.request<TextEdit[]>(FILL_MISSING, { uri, field }), [], `${field} inserts nothing`);
    const filled = applyEdits(text, uri, asEdit(uri, await lsp.client.request<TextEdit[]>(FILL_MISSING, { uri })));
    assert.equal(filled, CODEX.replace("- 📙Paper:", "- 📙Papr:").replace("  + learning rate: `1e-4`", "  + learning rate: /"));
  });

  test("markdown that is not a card answers null", async () => {
    const uri = "file:///workspace/README.md";
    await lsp.client.open(uri, "# Readme\n- a\n");
    assert.equal(await lsp.client.request<Completeness | null>(COMPLETENESS, { uri }), null);
  });
});

void describe("export", () => {
  test("the export request gives the card as data, and null for markdown that is not a card", async () => {
    const uri = cardUri("export");
    await lsp.client.open(uri, CODEX);
    const json = await lsp.client.request<{ kind: string; fields: { architecture: string } } | null>(EXPORT_CARD, { uri });
    assert.ok(json);
    assert.equal(json.kind, "models");
    assert.equal(json.fields.architecture, "Decoder-Only");
    const readme = "file:///workspace/NOTES.md";
    await lsp.client.open(readme, "# Notes\n");
    assert.equal(await lsp.client.request<unknown>(EXPORT_CARD, { uri: readme }), null);
  });
});

void describe("fix all on save", () => {
  test("source.fixAll.modelCards fixes every problem of form at once, and then offers nothing", async () => {
    const uri = cardUri("fix-all");
    const sloppy = replaceLine(replaceLine(CODEX, "- 🔑Public: ❌", "- 🔑Public: √"), "  + [x] Decoder-Only", "  * [X] Decoder-Only");
    await lsp.client.open(uri, sloppy);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const ask = (): Promise<CodeAction[]> => lsp.client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ["source.fixAll"] } });
    const actions = await ask();
    assert.equal(actions.length, 1);
    const action = actions[0]!;
    assert.equal(action.kind, "source.fixAll.modelCards");
    const fixed = applyEdits(sloppy, uri, action.edit);
    assert.equal(fixed, replaceLine(CODEX, "- 🔑Public: ❌", "- 🔑Public: ✅"));
    await lsp.client.setText(uri, fixed);
    assert.deepEqual(await ask(), []);
    const lightBulb = await lsp.client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: whole, context: { diagnostics: [] } });
    assert.ok(!lightBulb.some((a) => a.kind === "source.fixAll.modelCards"), "fix-all is computed only when asked for");
  });
});
