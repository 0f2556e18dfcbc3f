import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CardService, KEPT_ANALYSES } from "../../src/core/service";

const card = (i: number): TextDocument =>
  TextDocument.create(`file:///site/_posts/2021-07-0${i % 9}-Card${i}.md`, "markdown", 1, `---\ntitle: Card ${i}\ntags: [models]\n---\n- 📙Paper: Card ${i}\n- 🔑Public: ✅\n`);

describe("the service's analyses", () => {
  test("are kept for the documents used last; another is analysed again, to the same answers", () => {
    const service = new CardService(() => new Date("2026-01-01T00:00:00Z"));
    const documents = Array.from({ length: KEPT_ANALYSES + 1 }, (_, i) => card(i));
    const first = service.analysis(documents[0]!);
    assert.equal(service.analysis(documents[0]!), first);
    // Not used while as many others were, it goes.
    for (const document of documents.slice(1)) service.analysis(document);
    const again = service.analysis(documents[0]!);
    assert.notEqual(again, first);
    assert.deepEqual(again.problems, first.problems);
    assert.deepEqual(service.diagnostics(documents[0]!), service.diagnosticsFor(first));
  });
});
