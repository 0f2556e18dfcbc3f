// Journey 2: the user starts a new post from the model-card template, fills its first tab stops,
// saves, and has a well-formed card whose only remaining warnings are the choices left to make.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { closeEditors, openFile, today, type, waitForCodes } from "./helpers";

/** What the user types into the first tab stops: title, author, category, paper, publisher, affiliation, public. */
const FILLED = ["Codex", "coder", "arxiv", "[Evaluating Large Language Models Trained on Code](https://arxiv.org/pdf/2107.03374.pdf)", "`Arxiv`", "`OpenAI`", "❌"];

describe("inserting the card template", () => {
  afterEach(closeEditors);

  test("the model-card snippet, its tab stops filled and the file saved, is a card without structural warnings", async () => {
    const editor = await openFile(`_posts/${today()}-Codex.md`, "");
    // What picking "Model card" in the snippet picker runs.
    await vscode.commands.executeCommand("editor.action.insertSnippet", { langId: "markdown", name: "Model card" });
    for (const text of FILLED) {
      // Typing `[` or a backtick over a selected default (`/`) would wrap it (editor.autoSurround) and
      // leave a stray `]` or backtick after the value, so the default is deleted first, as a person must.
      await vscode.commands.executeCommand("deleteLeft");
      await type(text);
      await vscode.commands.executeCommand("jumpToNextSnippetPlaceholder");
    }
    await vscode.commands.executeCommand("leaveSnippet");
    assert.ok(await editor.document.save(), "the card is saved");

    const lines = editor.document.getText().split("\n");
    assert.deepEqual([...lines.slice(0, 3), ...lines.slice(4, 12)], [
      "---", "title: Codex", "author: coder", "categories: [arxiv]", "tags: [models]", "---", "",
      `- 📙Paper: ${FILLED[3]!}`, "- 📚Publisher: `Arxiv`", "- 🏠Author Affiliation: `OpenAI`", "- 🔑Public: ❌",
    ]);
    assert.ok(lines.includes("- 🧪Hyperparameters (Codex Size)"), "the title is mirrored into the Hyperparameters heading");
    // Architecture, Technology, decay schedule and training strategies: the template checks no option.
    await waitForCodes(editor.document.uri, ["choice.none-checked", "choice.none-checked", "choice.none-checked", "choice.none-checked"]);
  });
});
