// Journey 3: the user opens the light-bulb menu on a missing-field warning, picks the fix, and the
// field appears at its place in the template while the warning goes away.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX, replaceLines } from "../cards";
import { applyCodeAction, closeEditors, openCard, waitForCodes } from "./helpers";

describe("quick-fixing missing fields", () => {
  afterEach(closeEditors);

  test("\"Insert field 🏠Author Affiliation\" writes the field at its place, with / for its value", async () => {
    const affiliation = "- 🏠Author Affiliation: `OpenAI`";
    const { document } = await openCard("missing-field", replaceLines(CODEX, { [affiliation]: null }));
    const [missing] = await waitForCodes(document.uri, ["field.missing"]);
    assert.match(missing!.message, /Missing field 🏠Author Affiliation/);

    await applyCodeAction(document, missing!.range, vscode.CodeActionKind.QuickFix, "Insert field 🏠Author Affiliation");
    assert.equal(document.getText(), replaceLines(CODEX, { [affiliation]: "- 🏠Author Affiliation: /" }));
    await waitForCodes(document.uri, []);
  });

  test("a card that stops after 🔑Public is completed by \"Insert all 6 missing fields\"", async () => {
    const { document } = await openCard("stops-early", CODEX.slice(0, CODEX.indexOf("- 🌐Architecture")));
    const missing = await waitForCodes(document.uri, ["field.missing", "field.missing", "section.missing", "section.missing", "section.missing", "section.missing"]);

    await applyCodeAction(document, missing[0]!.range, vscode.CodeActionKind.QuickFix, "Insert all 6 missing fields");
    const heads = document.getText().split("\n").filter((line) => line.startsWith("- ")).slice(4);
    assert.deepEqual(heads, ["- 🌐Architecture", "- 📏Model Size", "- 🗂️Data pre-processing", "- 🍉Tokenizer", "- 🧪Hyperparameters (Codex)", "- 🏃‍♀️Training"]);
    // Only the choices are left to the user: the inserted groups check no option.
    await waitForCodes(document.uri, ["choice.none-checked", "choice.none-checked", "choice.none-checked", "choice.none-checked"]);
  });
});
