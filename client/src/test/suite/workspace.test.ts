// What the extension knows of the cards on disk that no editor shows: Check All Cards in Workspace,
// Go to Symbol in Workspace, and the values other cards use offered as completions.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX, replaceLines } from "../cards";
import { closeEditors, find, openCheckedCard, serverCompletions, waitForCodes, writeFile } from "./helpers";

/** Writes cards to disk the way another program (git, a script) would, none opened in an editor. */
async function cardsOnDisk(cards: Readonly<Record<string, string>>): Promise<vscode.Uri[]> {
  return Promise.all(Object.entries(cards).map(([name, text]) => writeFile(`_posts/2021-07-07-${name}.md`, text)));
}

/**
 * Runs Check All Cards in Workspace. The server also reads cards on disk in the background, when it
 * starts and as files change, with no sign of when it is done; the check resolves only after it has
 * read every card, so the tests that need the server to know a new file on disk run it first.
 */
function checkWorkspace(): Thenable<void> {
  return vscode.commands.executeCommand("modelCards.checkWorkspace");
}

describe("workspace knowledge", () => {
  afterEach(closeEditors);

  test("Check All Cards in Workspace shows the problems of a card no editor has open", async () => {
    const [uri] = await cardsOnDisk({ "on-disk": replaceLines(CODEX, { "- 🔑Public: ❌": "- 🔑Public: √" }) });
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri!.toString()), "the card is not open");

    await checkWorkspace();
    const [boolean] = await waitForCodes(uri!, ["value.boolean"]);
    assert.equal(boolean!.range.start.line, CODEX.split("\n").indexOf("- 🔑Public: ❌"));
  });

  test("Go to Symbol in Workspace finds a card on disk by its title and by the model its hyperparameters name", async () => {
    const [uri] = await cardsOnDisk({ "symbols": replaceLines(CODEX, { "title: Codex": "title: PolyCoder", "- 🧪Hyperparameters (Codex 12B)": "- 🧪Hyperparameters (PolyCoder 2.7B)" }) });
    await checkWorkspace();

    const found = async (query: string): Promise<string[]> => {
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>("vscode.executeWorkspaceSymbolProvider", query);
      return symbols.filter((s) => s.location.uri.toString() === uri!.toString()).map((s) => `${s.name} (${s.containerName})`);
    };
    assert.deepEqual(await found("PolyCoder"), ["PolyCoder (model card)", "PolyCoder 2.7B (PolyCoder)"]);
    assert.deepEqual(await found("plycdr 2.7"), ["PolyCoder 2.7B (PolyCoder)"]);
  });

  test("completion offers the values other cards use, the most used first", async () => {
    const hardware = (value: string): string => replaceLines(CODEX, { "  + hardware: V100": `  + hardware: ${value}` });
    await cardsOnDisk({ "tpu-1": hardware("TPU v4"), "tpu-2": hardware("TPU v4"), "a100": hardware("A100") });
    await checkWorkspace();

    const document = await openCheckedCard("values", hardware(""), ["value.empty"]);
    const offered = await serverCompletions(document.uri, find(document, "  + hardware: ").end);
    const rank = (value: string): number => offered.indexOf(value);
    assert.ok(rank("A100") > rank("TPU v4") && rank("TPU v4") >= 0, `TPU v4 (two cards) before A100 (one) in ${JSON.stringify(offered)}`);
  });
});
