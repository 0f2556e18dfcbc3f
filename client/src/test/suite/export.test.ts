// Export Card as JSON: the card as data, in a new editor beside it, for other tools.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX } from "../cards";
import { closeEditors, openCheckedCard } from "./helpers";

describe("exporting a card", () => {
  afterEach(closeEditors);

  test("Export Card as JSON opens the card's data, which parses and says it is a model card", async () => {
    const document = await openCheckedCard("export", CODEX);

    await vscode.commands.executeCommand("modelCards.exportCard");
    const exported = vscode.window.activeTextEditor?.document;
    try {
      assert.ok(exported && exported !== document, "the export is the active editor");
      assert.equal(exported.languageId, "json");
      const json = JSON.parse(exported.getText()) as { kind: string; frontMatter: { title: string }; fields: { public: { value: boolean } } };
      assert.equal(json.kind, "models");
      assert.equal(json.frontMatter.title, "Codex");
      assert.equal(json.fields.public.value, false);
    } finally {
      // An unsaved new file: closing it as closeEditors does would ask whether to save it, and wait.
      await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    }
  });
});
