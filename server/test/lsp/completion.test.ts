// Completion offers what is missing at the cursor, and its edits write the line as the template does.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CompletionItem, Position, Range } from "vscode-languageserver-types";
import { applyEdits, cardUri, CODEX, positionOf, replaceLine, useServer } from "./client";

const lsp = useServer();

/** Opens `text`, types a new line `typed` above the line `before`, and asks for completion at its end. */
async function completeOnNewLine(text: string, before: string, typed: string): Promise<{ items: CompletionItem[]; cursor: Position }> {
  const uri = cardUri("completion");
  await lsp.client.open(uri, text);
  const cursor = await lsp.client.typeLineAbove(uri, before, typed);
  return { items: await lsp.client.completion(uri, cursor), cursor };
}

/** Each item's label and the text it writes over which range. */
function edits(items: readonly CompletionItem[]): { label: string; newText: string; range: Range }[] {
  return items.map((item) => {
    const edit = item.textEdit;
    assert.ok(edit && "range" in edit, `${item.label} has a plain text edit`);
    return { label: item.label, newText: edit.newText, range: edit.range };
  });
}

const lineUpTo = (cursor: Position): Range => ({ start: { line: cursor.line, character: 0 }, end: cursor });

void describe("completion of options", () => {
  test("under Technology offers only the technologies not listed yet", async () => {
    const text = replaceLine(CODEX, "    * [ ] SentencePiece", undefined);
    const { items, cursor } = await completeOnNewLine(text, "  + Details", "    * ");
    assert.deepEqual(edits(items), [{ label: "SentencePiece", newText: "    * [ ] SentencePiece", range: lineUpTo(cursor) }]);
  });

  test("under Technology offers nothing when every technology is listed", async () => {
    const { items } = await completeOnNewLine(CODEX, "  + Details", "    * ");
    assert.deepEqual(items, []);
  });

  test("under Architecture offers only the architectures not listed yet", async () => {
    const text = replaceLine(CODEX, "  + [ ] Encoder-Decoder", undefined);
    const { items, cursor } = await completeOnNewLine(text, "- 📏Model Size", "  + ");
    assert.deepEqual(edits(items), [{ label: "Encoder-Decoder", newText: "  + [ ] Encoder-Decoder", range: lineUpTo(cursor) }]);
  });
});

/** The Public line as typed so far, the key that triggers completion, and the space an item must bring along (none once it is typed). */
const publicValueCases = [
  { typed: "- 🔑Public:", trigger: ":", lead: " " },
  { typed: "- 🔑Public: ", trigger: " ", lead: "" },
];

void describe("completion of values", () => {
  for (const { typed, trigger, lead } of publicValueCases) {
    test(`after \`${typed}\` offers ✅ and ❌, and accepting one writes \`- 🔑Public: ✅\``, async () => {
      const uri = cardUri("completion-public");
      await lsp.client.open(uri, CODEX);
      const value = positionOf(CODEX, "- 🔑Public: ❌", ": ❌");
      await lsp.client.change(uri, { range: { start: value, end: { line: value.line, character: value.character + 3 } }, text: typed.slice(value.character) });
      const text = replaceLine(CODEX, "- 🔑Public: ❌", typed);
      assert.equal(lsp.client.text(uri), text);

      const cursor = { line: value.line, character: typed.length };
      const items = await lsp.client.completion(uri, cursor, trigger);
      assert.deepEqual(edits(items).map((e) => e.newText), [`${lead}✅`, `${lead}❌`]);
      const accepted = edits(items).map(({ label, newText, range }) => {
        const after = applyEdits(text, uri, { changes: { [uri]: [{ range, newText }] } });
        return { label, line: after.split("\n")[cursor.line] };
      });
      assert.deepEqual(accepted, [
        { label: "✅", line: "- 🔑Public: ✅" },
        { label: "❌", line: "- 🔑Public: ❌" },
      ]);
    });
  }
});
