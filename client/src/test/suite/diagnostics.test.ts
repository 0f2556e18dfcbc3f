// Journey 1: the user edits a card and the Problems follow every keystroke; a markdown file that is
// not a card shows nothing.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX, replaceLines } from "../cards";
import { cardDiagnostics, closeEditors, find, openFile, openCard, serverCompletions, typeOver, waitForCodes } from "./helpers";

describe("editing a card with live diagnostics", () => {
  afterEach(closeEditors);

  test("a typo in a label and a √ for a yes/no are flagged as typed, and cleared when repaired", async () => {
    const editor = await openCard("live", replaceLines(CODEX, { "- 🔑Public: ❌": "- 🔑Public: √" }));
    const { document } = editor;
    const [boolean] = await waitForCodes(document.uri, ["value.boolean"]);
    assert.deepEqual(boolean!.range, find(document, "- 🔑Public: √", "√"));

    await typeOver(editor, find(document, "- 📚Publisher: `Arxiv`", "Publisher"), "Publsher");
    const [unknown] = await waitForCodes(document.uri, ["field.unknown", "value.boolean"]);
    assert.match(unknown!.message, /Did you mean 📚Publisher\?/);

    await typeOver(editor, find(document, "- 🔑Public: √", "√"), "✅");
    await waitForCodes(document.uri, ["field.unknown"]);
    await typeOver(editor, find(document, "- 📚Publsher: `Arxiv`", "Publsher"), "Publisher");
    await waitForCodes(document.uri, []);
  });

  test("a README with card-like bullets gets no diagnostics, hover or completion", async () => {
    const { document } = await openFile("README.md", ["# Notes", "", "- 🔑Public: √", "- Architecture", "  + [X] Decoder-Only", "  + ", ""].join("\n"));
    // The server answers requests in order and publishes a file's diagnostics as it opens it, so by
    // the time this hover is answered its (empty) diagnostics have arrived.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, find(document, "- 🔑Public: √", "Public").start);
    assert.deepEqual(hovers, []);
    assert.deepEqual(cardDiagnostics(document.uri), []);
    assert.deepEqual(await serverCompletions(document.uri, find(document, "  + ").end), []);
  });
});
