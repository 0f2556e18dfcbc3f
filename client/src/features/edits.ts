import * as vscode from "vscode";
import type { BaseLanguageClient, TextEdit } from "vscode-languageclient";

/** Applies the LSP edits a custom request returned to a document, as one undoable step. */
export async function applyServerEdits(client: BaseLanguageClient, uri: vscode.Uri, edits: readonly TextEdit[]): Promise<boolean> {
  if (edits.length === 0) return true;
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, await client.protocol2CodeConverter.asTextEdits(edits as TextEdit[]));
  return vscode.workspace.applyEdit(edit);
}
