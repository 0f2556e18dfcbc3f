/**
 * Answers the server's questions about the workspace's files when it cannot read them itself (in a
 * web worker, or for a virtual workspace such as github.dev): the editor lists and reads them.
 */
import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import { SKIPPED_GLOB } from "../../../server/src/core/project/files";
import { LIST_MARKDOWN, READ_FILE, type DocumentParams, type ListMarkdownParams } from "../../../server/src/lsp/protocol";

export function registerWorkspaceFiles(client: BaseLanguageClient): void {
  client.onRequest(LIST_MARKDOWN, async (params: ListMarkdownParams) => {
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(params.folder), "**/*.md"), SKIPPED_GLOB);
    return files.map((uri) => uri.toString());
  });
  client.onRequest(READ_FILE, async (params: DocumentParams) => {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(params.uri)));
    } catch {
      // Absent, a folder, or not UTF-8: the server treats the file as unreadable.
      return null;
    }
  });
}
