// Diagnostics as an editor sees them: published on open, after (incremental) edits, cleared on close,
// and the missing-section quick fix applied to LF and CRLF documents.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DiagnosticSeverity } from "vscode-languageserver-types";
import { applyEdits, cardUri, codesOf, CODEX, insertBefore, lineIndex, messageOf, rangeOf, replaceLine, toCrlf, useServer, withoutSection } from "./client";

const HYPERPARAMETERS = "- 🧪Hyperparameters (Codex 12B)";
const NO_TOKENIZER = withoutSection(CODEX, "- 🍉Tokenizer");
/** The section as the quick fix writes it: every option unchecked, `/` where a value goes. */
const TOKENIZER_SKELETON = [
  "- 🍉Tokenizer",
  "  + Technology",
  "    * [ ] Byte-level Byte-Pair-Encoding (BBPE)",
  "    * [ ] SentencePiece",
  "  + Details",
  "    * /",
];
const PUBLIC = "- 🔑Public: ❌";

const lsp = useServer();

/** Each line ending, with what would be a line break of the other kind in it. */
const lineEndings = [
  { name: "LF", convert: (text: string) => text, foreignBreak: /\r/ },
  { name: "CRLF", convert: toCrlf, foreignBreak: /(?<!\r)\n/ },
];

void describe("a card as the template writes it", () => {
  for (const { name, convert } of lineEndings) {
    test(`has no diagnostics (${name})`, async () => {
      const uri = cardUri("codex");
      await lsp.client.open(uri, convert(CODEX));
      assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
    });
  }
});

void describe("a missing section", () => {
  for (const { name, convert, foreignBreak } of lineEndings) {
    test(`is reported where it belongs and the quick fix inserts it there (${name})`, async () => {
      const text = convert(NO_TOKENIZER);
      const uri = cardUri("codex-no-tokenizer");
      await lsp.client.open(uri, text);

      const diagnostics = await lsp.client.settledDiagnostics(uri);
      assert.deepEqual(codesOf(diagnostics), ["section.missing"]);
      const missing = diagnostics[0]!;
      // On the label of the section it belongs before: Data pre-processing's subtree ends right above.
      assert.deepEqual(missing.range, rangeOf(text, HYPERPARAMETERS, "🧪Hyperparameters (Codex 12B)"));
      assert.equal(missing.severity, DiagnosticSeverity.Warning);
      assert.equal(missing.source, "model-cards");
      assert.match(messageOf(missing), /Missing section 🍉Tokenizer/);
      assert.match(messageOf(missing), /Add it here/);

      const fix = await lsp.client.quickFix(uri, missing, "Insert section 🍉Tokenizer");
      assert.equal(fix.isPreferred, true);
      assert.deepEqual(fix.diagnostics, [missing]);
      const fixed = applyEdits(text, uri, fix.edit);
      assert.doesNotMatch(fixed, foreignBreak, "the inserted lines end like the document's lines");
      assert.equal(fixed, insertBefore(text, HYPERPARAMETERS, TOKENIZER_SKELETON));

      await lsp.client.setText(uri, fixed);
      const remaining = await lsp.client.settledDiagnostics(uri);
      // The inserted Technology group has no option checked yet: that is the one thing left to do.
      assert.deepEqual(codesOf(remaining), ["choice.none-checked"]);
      assert.equal(remaining[0]!.range.start.line, lineIndex(fixed, "  + Technology"));
      assert.match(messageOf(remaining[0]!), /Technology/);
    });
  }
});

void describe("incremental edits", () => {
  test("typing keystroke by keystroke is checked once the typing pauses, on the latest text", async () => {
    const uri = cardUri("codex-typing");
    await lsp.client.open(uri, CODEX);
    assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);

    const value = rangeOf(CODEX, PUBLIC, "❌");
    await lsp.client.change(uri, { range: value, text: "" });
    for (const [i, key] of ["y", "e", "s"].entries()) {
      const at = { line: value.start.line, character: value.start.character + i };
      await lsp.client.change(uri, { range: { start: at, end: at }, text: key });
    }
    const typed = replaceLine(CODEX, PUBLIC, "- 🔑Public: yes");
    assert.equal(lsp.client.text(uri), typed);

    const diagnostics = await lsp.client.settledDiagnostics(uri);
    assert.deepEqual(codesOf(diagnostics), ["value.boolean"]);
    assert.deepEqual(diagnostics[0]!.range, rangeOf(typed, "- 🔑Public: yes", "yes"));
    assert.match(messageOf(diagnostics[0]!), /write ✅ or ❌/);
  });

  test("several changes in one didChange apply in order, each to the text the previous one left", async () => {
    const uri = cardUri("codex-batch");
    await lsp.client.open(uri, CODEX);
    assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);

    const sentencePiece = lineIndex(CODEX, "    * [ ] SentencePiece");
    const withoutSentencePiece = replaceLine(CODEX, "    * [ ] SentencePiece", undefined);
    // The second range is a position in the text after the first change, one line higher than in CODEX.
    await lsp.client.change(
      uri,
      { range: { start: { line: sentencePiece, character: 0 }, end: { line: sentencePiece + 1, character: 0 } }, text: "" },
      { range: rangeOf(withoutSentencePiece, "    * [x] Cosine", "x"), text: "X" },
    );
    const expected = replaceLine(withoutSentencePiece, "    * [x] Cosine", "    * [X] Cosine");
    assert.equal(lsp.client.text(uri), expected);

    const diagnostics = await lsp.client.settledDiagnostics(uri);
    assert.deepEqual(codesOf(diagnostics), ["checkbox.uppercase"]);
    assert.deepEqual(diagnostics[0]!.range, rangeOf(expected, "    * [X] Cosine", "[X]"));
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Hint);
  });
});

/** The codes shown once the typing pauses after starting a bullet `typed` on a new line above `before`. */
async function codesWhileTyping(before: string, typed: string): Promise<string[]> {
  const uri = cardUri("codex-typing-bullet");
  await lsp.client.open(uri, CODEX);
  await lsp.client.typeLineAbove(uri, before, typed);
  return codesOf(await lsp.client.settledDiagnostics(uri));
}

void describe("a bullet being typed", () => {
  test("is not flagged among the fields of 🧪Hyperparameters", async () => {
    assert.deepEqual(await codesWhileTyping("- 🏃‍♀️Training", "  + "), []);
  });

  test("is not flagged among the options of Technology", async () => {
    assert.deepEqual(await codesWhileTyping("  + Details", "    * "), []);
  });
});

void describe("closing a document", () => {
  test("clears its diagnostics", async () => {
    const uri = cardUri("codex-close");
    await lsp.client.open(uri, NO_TOKENIZER);
    assert.deepEqual(codesOf(await lsp.client.settledDiagnostics(uri)), ["section.missing"]);

    await lsp.client.close(uri);
    await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, "an empty publish");
  });

  test("right after an edit does not bring its diagnostics back when the pending check would have run", async () => {
    const uri = cardUri("codex-close-pending");
    await lsp.client.open(uri, CODEX);
    assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
    await lsp.client.change(uri, { range: rangeOf(CODEX, PUBLIC, "❌"), text: "√" });
    await lsp.client.close(uri);
    await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined, "the publish that clears it");

    // An edit to another document, made later, is checked later: once its diagnostics are in, the
    // closed document's check (scheduled earlier with the same delay) would have run too.
    const other = cardUri("codex-other");
    await lsp.client.open(other, CODEX);
    await lsp.client.change(other, { range: rangeOf(CODEX, PUBLIC, "❌"), text: "√" });
    assert.deepEqual(codesOf(await lsp.client.settledDiagnostics(other)), ["value.boolean"]);
    assert.deepEqual(lsp.client.lastPublished(uri)?.diagnostics, []);
  });
});
