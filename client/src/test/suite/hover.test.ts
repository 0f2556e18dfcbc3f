// Hovering a field or an option explains it, in markdown, with the expected format and an example.
import assert from "node:assert/strict";
import { after, before, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX } from "../cards";
import { closeEditors, find, openCheckedCard } from "./helpers";

describe("hover", () => {
  let document: vscode.TextDocument;
  before(async () => {
    document = await openCheckedCard("hover", CODEX);
  });
  after(closeEditors);

  /** The markdown of every hover shown over `fragment` of `line` (VS Code hands the server's markdown back as MarkdownString). */
  async function hoverText(line: string, fragment: string): Promise<string> {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, find(document, line, fragment).start);
    return hovers.flatMap((hover) => hover.contents).filter((content) => content instanceof vscode.MarkdownString).map((content) => content.value).join("\n");
  }

  test("on `learning rate` explains the field with its format and an example", async () => {
    const markdown = await hoverText("  + learning rate: `1e-4`", "rate");
    assert.match(markdown, /\*\*learning rate\*\*/);
    assert.match(markdown, /\*\*Format:\*\*/);
    assert.match(markdown, /\*\*Example:\*\*[\s\S]*learning rate: `1e-4`/);
  });

  test("on `SentencePiece` explains that option of Technology", async () => {
    const markdown = await hoverText("    * [ ] SentencePiece", "Piece");
    assert.match(markdown, /\*\*SentencePiece\*\*/);
    assert.match(markdown, /An option of Technology/);
  });
});
