// Starting a post: New Model Card and New Benchmark Card create the dated file from the template and
// open it at the first tab stop. The name comes as the command's argument, as a keybinding can pass it:
// VS Code offers tests no way to answer the input box the palette shows (`npm run screenshots` types into it).
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { closeEditors, readFile, today, type, workspaceFile } from "./helpers";

/** The active editor, which the command under test was to open. */
function activeEditor(): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, "an editor is open");
  return editor;
}

describe("new card commands", () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration("modelCards").update("postsFolder", undefined, vscode.ConfigurationTarget.Workspace);
    await closeEditors();
  });

  test("New Model Card creates _posts/<today>-<name>.md from the template at its first tab stop, and never overwrites it", async () => {
    await vscode.commands.executeCommand("modelCards.newModelCard", "AlphaCode");
    const editor = activeEditor();
    const { document } = editor;
    assert.equal(document.uri.toString(), workspaceFile(`_posts/${today()}-AlphaCode.md`).toString());
    assert.deepEqual(document.getText().split("\n").slice(0, 3), ["---", "title: AlphaCode", "author: coder"]);
    assert.ok(document.getText().includes("\n- 🧪Hyperparameters (AlphaCode Size)\n"), "the title is mirrored into the Hyperparameters heading");
    // The first tab stop is the title, the name selected; Tab moves on to the author.
    assert.equal(document.getText(editor.selection), "AlphaCode");
    assert.equal(editor.selection.start.line, 1);
    assert.equal(await readFile(document.uri), document.getText(), "the new card is saved");

    await vscode.commands.executeCommand("jumpToNextSnippetPlaceholder");
    await type("deepmind");
    assert.ok(await document.save(), "the edited card is saved");
    const written = await readFile(document.uri);
    assert.ok(written.includes("\nauthor: deepmind\n"), "the author typed at the second tab stop");

    await vscode.commands.executeCommand("modelCards.newModelCard", "AlphaCode");
    assert.equal(await readFile(document.uri), written, "the existing card is left as it was");
    assert.equal(document.getText(), written);
  });

  test("New Benchmark Card creates the card in the folder modelCards.postsFolder names, the name made safe for a file", async () => {
    await vscode.workspace.getConfiguration("modelCards").update("postsFolder", "benchmarks/_posts", vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand("modelCards.newBenchmarkCard", "HumanEval/X");
    const { document } = activeEditor();
    assert.equal(document.uri.toString(), workspaceFile(`benchmarks/_posts/${today()}-HumanEval-X.md`).toString());
    assert.deepEqual(document.getText().split("\n").slice(0, 2), ["---", "title: HumanEval/X"]);
    assert.ok(document.getText().includes("\ntags: [benchmarks]\n"), "a benchmark card's tag");
  });
});
