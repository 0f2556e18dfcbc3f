// Hovers explain a field or an option where the user points, in markdown.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { MarkupContent, MarkupKind, type Hover } from "vscode-languageserver-types";
import { cardUri, CODEX, positionOf, rangeOf, useServer } from "./client";

const lsp = useServer();
const uri = cardUri("hover");

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, "a hover");
  assert.ok(MarkupContent.is(hover.contents), "the hover is markup content");
  const contents: MarkupContent = hover.contents;
  assert.equal(contents.kind, MarkupKind.Markdown);
  return contents.value;
}

void describe("hover", () => {
  // In the suite, not at the top level: there Node 20 starts every `before` at once, before the server is up.
  before(async () => {
    await lsp.client.open(uri, CODEX);
  });

  test("on a field label explains its format with an example", async () => {
    const line = "  + learning rate: `1e-4`";
    const hover = await lsp.client.hover(uri, positionOf(CODEX, line, "rate"));
    const markdown = markdownOf(hover);
    assert.match(markdown, /\*\*learning rate\*\*/);
    assert.match(markdown, /\*\*Format:\*\* A number/);
    assert.match(markdown, /\*\*Example:\*\*[\s\S]*learning rate: `1e-4`/);
    assert.deepEqual(hover?.range, rangeOf(CODEX, line, "learning rate"));
  });

  test("on an option explains that option and the group it belongs to", async () => {
    const line = "    * [ ] SentencePiece";
    const hover = await lsp.client.hover(uri, positionOf(CODEX, line, "Piece"));
    const markdown = markdownOf(hover);
    assert.match(markdown, /\*\*SentencePiece\*\*/);
    assert.match(markdown, /Google's SentencePiece/);
    assert.match(markdown, /An option of Technology/);
    assert.deepEqual(hover?.range, rangeOf(CODEX, line, "SentencePiece"));
  });

  test("on free text shows nothing", async () => {
    const hover = await lsp.client.hover(uri, positionOf(CODEX, "    * average line length greater than 100", "line"));
    assert.equal(hover, null);
  });
});
