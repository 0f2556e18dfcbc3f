// Finishing a card: "Fill in all missing fields", what the completeness item in the status bar offers
// (its quick pick cannot be answered through the API; `npm run screenshots` clicks it in the real editor).
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX, replaceLines, withoutSection } from "../cards";
import { closeEditors, openCheckedCard, waitForCodes } from "./helpers";

describe("completeness", () => {
  afterEach(closeEditors);

  test("Fill In All Missing Fields writes a missing field and a missing section at their places, and their warnings go", async () => {
    const affiliation = "- 🏠Author Affiliation: `OpenAI`";
    const document = await openCheckedCard("fill-missing", replaceLines(withoutSection(CODEX, "- 🍉Tokenizer"), { [affiliation]: null }), ["field.missing", "section.missing"]);

    await vscode.commands.executeCommand("modelCards.fillMissingFields");
    // Values not reported are `/`, and no option is checked for the user.
    assert.equal(document.getText(), replaceLines(CODEX, {
      [affiliation]: "- 🏠Author Affiliation: /",
      "    * [x] Byte-level Byte-Pair-Encoding (BBPE)": "    * [ ] Byte-level Byte-Pair-Encoding (BBPE)",
      "    * GPT3 tokenizer+additional set of tokens for representing whitespace runs of different lengths": "    * /",
    }));
    await waitForCodes(document.uri, ["choice.none-checked"]);
  });
});
