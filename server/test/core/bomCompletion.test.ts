/** Found by the robustness property: completion at the very start of a document that holds only a BOM. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CardService } from "../../src/core/service";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

test("completion before a BOM replaces from the first line's start, never a range that ends before it starts", () => {
  const service = new CardService(() => new Date(Date.UTC(2024, 0, 1)));
  service.configure({ ...DEFAULT_SETTINGS, cardGlobs: ["**/*.md"] });
  const document = TextDocument.create("file:///site/_posts/2021-07-07-New.md", "markdown", 1, "\ufeff");
  const items = service.completion(document, { line: 0, character: 0 });
  assert.ok(items.some((i) => i.label === "📙Paper"));
  for (const item of items) {
    const range = item.textEdit && "range" in item.textEdit ? item.textEdit.range : undefined;
    assert.deepEqual(range, { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, item.label);
  }
});
