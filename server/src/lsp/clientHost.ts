/**
 * The project as the editor sees it, for what the server cannot read itself: a web worker has no
 * disk, and a virtual workspace (github.dev, Remote Repositories) is not on one. It asks the client,
 * which lists files with `vscode.workspace.findFiles` and reads them with `vscode.workspace.fs`
 * (client/src/features/workspaceFiles.ts). A client that does not answer leaves the project empty.
 */
import type { Connection } from "vscode-languageserver";
import { isListedPath } from "../core/project/files";
import type { Cancellation, ProjectHost } from "../core/project/host";
import { LIST_MARKDOWN, READ_FILE, type DocumentParams, type ListMarkdownParams } from "./protocol";

export class ClientHost implements ProjectHost {
  constructor(private readonly connection: Connection) {}

  now(): Date {
    return new Date();
  }

  async listMarkdown(folder: string, token?: Cancellation): Promise<readonly string[]> {
    if (token?.isCancellationRequested) return [];
    const uris = await this.connection.sendRequest<string[]>(LIST_MARKDOWN, { folder } satisfies ListMarkdownParams).catch(() => []);
    // The client's glob excludes the skipped folders already; the core's own test keeps one definition in force.
    const base = folder.replace(/\/+$/, "");
    return uris.filter((uri) => uri.startsWith(`${base}/`) && isListedPath(decodeURIComponent(uri.slice(base.length + 1)))).sort();
  }

  async readFile(uri: string): Promise<string | undefined> {
    const text = await this.connection.sendRequest<string | null>(READ_FILE, { uri } satisfies DocumentParams).catch(() => null);
    return text ?? undefined;
  }
}
