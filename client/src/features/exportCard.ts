import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import { EXPORT_CARD, type DocumentParams } from "../../../server/src/lsp/protocol";

/** "Model Cards: Export Card as JSON": the active card as data, in a new JSON editor beside it. */
export function registerExportCard(client: BaseLanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand("modelCards.exportCard", async () => {
    const document = vscode.window.activeTextEditor?.document;
    const json = document && (await client.sendRequest<unknown>(EXPORT_CARD, { uri: document.uri.toString() } satisfies DocumentParams));
    if (json === undefined || json === null) {
      void vscode.window.showWarningMessage("The active editor is not a model or benchmark card.");
      return;
    }
    const exported = await vscode.workspace.openTextDocument({ language: "json", content: `${JSON.stringify(json, null, 2)}\n` });
    await vscode.window.showTextDocument(exported, vscode.ViewColumn.Beside);
  });
}
