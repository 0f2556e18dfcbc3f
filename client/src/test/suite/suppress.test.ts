// The user accepts an old problem where it is: "Ignore … on this line" from the light bulb writes a
// suppression comment, the warning leaves the Problems panel, and once the line is fixed the comment
// itself is reported as hiding nothing.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX, replaceLines } from "../cards";
import { applyCodeAction, closeEditors, find, openCard, waitForCodes } from "./helpers";

describe("suppression comments", () => {
  afterEach(closeEditors);

  test("\"Ignore value.boolean on this line\" hides the warning; fixing the line reports the comment as unused", async () => {
    const { document } = await openCard("ignore-line", replaceLines(CODEX, { "- 🔑Public: ❌": "- 🔑Public: √" }));
    const [slip] = await waitForCodes(document.uri, ["value.boolean"]);

    await applyCodeAction(document, slip!.range, vscode.CodeActionKind.QuickFix, "Ignore value.boolean on this line");
    assert.equal(document.getText(), replaceLines(CODEX, { "- 🔑Public: ❌": "<!-- model-cards-disable-next-line value.boolean -->\n- 🔑Public: √" }));
    await waitForCodes(document.uri, []);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, find(document, "- 🔑Public: √", "√"), "❌");
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [unused] = await waitForCodes(document.uri, ["suppression.unused"]);
    assert.equal(unused!.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(document.getText(unused!.range), "value.boolean");
  });
});
