// Ticking options: the Toggle Checkbox command on the lines selected, and the same toggle in the light bulb.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX, replaceLines } from "../cards";
import { applyCodeAction, closeEditors, find, openCard, openCheckedCard, waitForCodes } from "./helpers";

describe("toggling checkboxes", () => {
  afterEach(closeEditors);

  test("Toggle Checkbox on a selection over a multiple-choice group toggles each line, whatever its marker and spacing", async () => {
    // Markers and spacing as people write them; the card's other warnings do not matter here.
    const card = replaceLines(CODEX, { "    * [x] left-to-right": "    - [x]  left-to-right", "    * [ ] fill-in-the-middle": "    +  [ ] fill-in-the-middle" });
    const editor = await openCard("toggle-selection", card);
    const { document } = editor;
    // From inside the first option to the start of the line after the second: as in VS Code's own
    // line commands, that next line is not part of the selection.
    editor.selection = new vscode.Selection(find(document, "    - [x]  left-to-right", "left").start, find(document, "  + trained tokens/steps: 100B tokens").start);

    await vscode.commands.executeCommand("modelCards.toggleCheckbox");
    assert.equal(document.getText(), replaceLines(card, { "    - [x]  left-to-right": "    - [ ]  left-to-right", "    +  [ ] fill-in-the-middle": "    +  [x] fill-in-the-middle" }));
  });

  test("Toggle Checkbox on an option of a single-choice group checks it and unchecks the one that was", async () => {
    const editor = await openCard("toggle-single", CODEX);
    const { document } = editor;
    await waitForCodes(document.uri, []);
    editor.selection = new vscode.Selection(find(document, "    * [ ] Linear").end, find(document, "    * [ ] Linear").end);

    await vscode.commands.executeCommand("modelCards.toggleCheckbox");
    assert.equal(document.getText(), replaceLines(CODEX, { "    * [x] Cosine": "    * [ ] Cosine", "    * [ ] Linear": "    * [x] Linear" }));
    // The group still has exactly one option checked: nothing to warn about.
    await waitForCodes(document.uri, []);
  });

  test("the light bulb's \"Toggle checkbox\" on an option line toggles it within its group", async () => {
    const document = await openCheckedCard("toggle-action", CODEX);

    await applyCodeAction(document, find(document, "  + [ ] Encoder-Decoder", "Encoder"), vscode.CodeActionKind.RefactorRewrite, "Toggle checkbox");
    assert.equal(document.getText(), replaceLines(CODEX, { "  + [ ] Encoder-Decoder": "  + [x] Encoder-Decoder", "  + [x] Decoder-Only": "  + [ ] Decoder-Only" }));
  });
});
