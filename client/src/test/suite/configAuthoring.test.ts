// Writing the project's .modelcards.yaml in VS Code: the client sends the file to the server (its
// documentSelector names it), which completes its codes, explains them on hover and fixes a typo.
import assert from "node:assert/strict";
import { after, describe, test } from "mocha";
import * as vscode from "vscode";
import { applyCodeAction, closeEditors, codeOf, find, openFile, serverCompletions, waitForDiagnostics, workspaceFile } from "./helpers";

describe("writing .modelcards.yaml", () => {
  after(async () => {
    await closeEditors();
    // Every other test expects the workspace without a config file.
    await vscode.workspace.fs.delete(workspaceFile(".modelcards.yaml"));
  });

  test("completion of a code, its hover, and the quick fix for a misspelt key", async () => {
    const { document } = await openFile(".modelcards.yaml", "severty:\n  list.m\n");
    const [typo] = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === "config.unknown-key"), "the misspelt key reported");
    assert.match(typo!.message, /Did you mean `severity`\?/);
    await applyCodeAction(document, typo!.range, vscode.CodeActionKind.QuickFix, "Change to `severity`");
    assert.equal(document.getText(), "severity:\n  list.m\n");

    const labels = await serverCompletions(document.uri, find(document, "  list.m").end);
    assert.deepEqual(labels.filter((l) => l.startsWith("list.")), ["list.marker", "list.indent"]);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, find(document, "severity:", "sev").end);
    const text = hovers.flatMap((hover) => hover.contents).filter((content) => content instanceof vscode.MarkdownString).map((content) => content.value).join("\n");
    assert.match(text, /severity of each diagnostic code/);
  });
});
