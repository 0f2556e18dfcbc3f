import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import { CHECK_PROGRESS, CHECK_WORKSPACE, type CheckProgress, type CheckWorkspaceResult } from "../../../server/src/lsp/protocol";

/**
 * "Model Cards: Check All Cards in Workspace": the server reads every card on disk and fills the
 * Problems panel; this shows its progress in a notification that the user can cancel.
 */
export function registerCheckWorkspace(client: BaseLanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand("modelCards.checkWorkspace", () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: "Checking cards", cancellable: true }, async (progress, token) => {
      let reported = 0;
      const listener = client.onNotification(CHECK_PROGRESS, ({ done, total }: CheckProgress) => {
        const percent = (done / total) * 100;
        progress.report({ increment: percent - reported, message: `${done} of ${total} files` });
        reported = percent;
      });
      try {
        const result = await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE, {}, token);
        const summary = `${result.cards} card(s) in ${result.files} markdown file(s), ${result.problems} problem(s).`;
        void vscode.window.showInformationMessage(result.cancelled ? `Check cancelled: ${summary}` : `Checked ${summary}`);
      } finally {
        listener.dispose();
      }
    }),
  );
}
