import * as vscode from "vscode";
import type { BaseLanguageClient, TextEdit } from "vscode-languageclient";
import { TOGGLE_CHECKBOXES, type ToggleCheckboxesParams } from "../../../server/src/lsp/protocol";
import { applyServerEdits } from "./edits";

/** "Model Cards: Toggle Checkbox": every line any selection touches; the server knows the groups. */
export function registerToggleCheckbox(client: BaseLanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand("modelCards.toggleCheckbox", async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const lines = new Set<number>();
    for (const selection of editor.selections) {
      // A selection that ends at the start of a line does not include that line, as in VS Code's own line commands.
      const last = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
      for (let line = selection.start.line; line <= last; line++) lines.add(line);
    }
    const params: ToggleCheckboxesParams = { uri: editor.document.uri.toString(), lines: [...lines] };
    const edits = await client.sendRequest<TextEdit[]>(TOGGLE_CHECKBOXES, params);
    await applyServerEdits(client, editor.document.uri, edits);
  });
}
