// Markdown that is not a card gets nothing from the extension: the server publishes an empty list
// (so stale diagnostics never linger) and answers completion and hover with nothing.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lineIndex, positionOf, useServer } from "./client";

const lsp = useServer();

// Both have bullets that would be problems in a card: a yes/no written `√` and an uppercase `[X]`.
const BULLETS = ["- 🔑Public: √", "- Architecture", "  + [X] Decoder-Only", "  + "];

const documents = [
  { name: "a README with bullets", uri: "file:///workspace/README.md", text: ["# Notes", "", ...BULLETS, ""].join("\n") },
  {
    name: "a post tagged [products]",
    uri: "file:///workspace/_posts/2021-07-07-Copilot.md",
    text: ["---", "title: Copilot", "author: coder", "date: 2021-07-07 00:00:00 +0800", "categories: [github]", "tags: [products]", "---", "", ...BULLETS, ""].join("\n"),
  },
];

void describe("markdown that is not a card", () => {
  for (const { name, uri, text } of documents) {
    test(`${name} gets an empty diagnostics publish and no completion or hover`, async () => {
      await lsp.client.open(uri, text);
      assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
      // Where a card would be offered the architecture not listed yet.
      assert.deepEqual(await lsp.client.completion(uri, { line: lineIndex(text, "  + "), character: 4 }), []);
      assert.equal(await lsp.client.hover(uri, positionOf(text, "- 🔑Public: √", "Public")), null);
      assert.equal(await lsp.client.hover(uri, positionOf(text, "  + [X] Decoder-Only", "Decoder")), null);
    });
  }
});
