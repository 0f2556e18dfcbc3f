// Inline suppression comments in the editor: each form hides its problem from the Problems panel,
// the light bulb writes the comment, a comment that hides nothing shows as information, and
// completion and hover inside the comment know the codes.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cardUri, CODEX, codesOf, lineIndex, messageOf, replaceLine, useServer } from "./client";

const lsp = useServer();

const PUBLIC = "- 🔑Public: ❌";
const SLIP = "- 🔑Public: √";
const SLOPPY = replaceLine(CODEX, PUBLIC, SLIP);
const withAbove = (text: string, line: string, comment: string): string => replaceLine(text, line, `${comment}\n${line}`);

void describe("suppression comments over LSP", () => {
  const forms: readonly { name: string; text: string }[] = [
    { name: "disable-next-line", text: withAbove(SLOPPY, SLIP, "<!-- model-cards-disable-next-line value.boolean -->") },
    { name: "disable … enable", text: withAbove(withAbove(SLOPPY, SLIP, "<!-- model-cards-disable value.boolean -->"), "- 🌐Architecture", "<!-- model-cards-enable value.boolean -->") },
    { name: "disable-file", text: withAbove(SLOPPY, "- 📙Paper: [Evaluating Large Language Models Trained on Code](https://arxiv.org/pdf/2107.03374.pdf)", "<!-- model-cards-disable-file value.boolean -->") },
    { name: "disable-next-line without codes", text: withAbove(SLOPPY, SLIP, "<!-- model-cards-disable-next-line -->") },
  ];
  for (const form of forms) {
    test(`${form.name} hides the problem from the Problems panel`, async () => {
      const uri = cardUri(`suppress-${form.name}`);
      await lsp.client.open(uri, SLOPPY);
      assert.deepEqual(codesOf(await lsp.client.settledDiagnostics(uri)), ["value.boolean"]);
      await lsp.client.setText(uri, form.text);
      assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
    });
  }

  test("the light bulb offers Ignore on this line and in this file; each writes a comment that hides the problem", async () => {
    for (const [title, comment] of [
      ["Ignore value.boolean on this line", "<!-- model-cards-disable-next-line value.boolean -->"],
      ["Ignore value.boolean in this file", "<!-- model-cards-disable-file value.boolean -->"],
    ] as const) {
      const uri = cardUri(`ignore-${title}`);
      await lsp.client.open(uri, SLOPPY);
      const [diagnostic] = await lsp.client.settledDiagnostics(uri);
      const action = await lsp.client.quickFix(uri, diagnostic!, title);
      assert.notEqual(action.isPreferred, true);
      await lsp.client.applyWorkspaceEdit(action.edit!);
      assert.ok(lsp.client.text(uri).includes(`${comment}\n`), lsp.client.text(uri));
      assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
    }
  });

  test("a comment that hides nothing is information, and its quick fix removes it", async () => {
    const uri = cardUri("suppress-unused");
    await lsp.client.open(uri, withAbove(CODEX, PUBLIC, "<!-- model-cards-disable-next-line value.boolean -->"));
    const diagnostics = await lsp.client.settledDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, messageOf(d)]), [
      ["suppression.unused", 3, lineIndex(CODEX, PUBLIC), "No `value.boolean` problem on the next line for this comment to hide: remove `value.boolean` from it."],
    ]);
    const action = await lsp.client.quickFix(uri, diagnostics[0]!, "Remove this suppression comment");
    await lsp.client.applyWorkspaceEdit(action.edit!);
    assert.equal(lsp.client.text(uri), CODEX);
    assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
  });

  test("completion in the comment offers the forms, then the codes reported on the next line first; hover explains a code", async () => {
    const uri = cardUri("suppress-completion");
    await lsp.client.open(uri, SLOPPY);
    const at = await lsp.client.typeLineAbove(uri, SLIP, "<!-- ");
    const forms = await lsp.client.completion(uri, at, " ");
    assert.deepEqual(forms.map((i) => i.label), ["model-cards-disable-next-line", "model-cards-disable-file", "model-cards-disable", "model-cards-enable"]);
    const line = at.line;
    await lsp.client.change(uri, { range: { start: at, end: at }, text: "model-cards-disable-next-line  -->" });
    const codes = await lsp.client.completion(uri, { line, character: "<!-- model-cards-disable-next-line ".length }, " ");
    const best = [...codes].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.deepEqual([best.label, best.detail], ["value.boolean", "1× on the next line"]);
    await lsp.client.applyWorkspaceEdit({ changes: { [uri]: [best.textEdit as { range: never; newText: string }] } });
    assert.equal(lsp.client.text(uri).split("\n")[line], "<!-- model-cards-disable-next-line value.boolean -->");
    assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
    const hover = await lsp.client.hover(uri, { line, character: "<!-- model-cards-disable-next-line value.".length });
    assert.match((hover!.contents as { value: string }).value, /\*\*value\.boolean\*\* \(warning by default\)/);
  });
});
