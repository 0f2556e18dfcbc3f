/**
 * The web entry (package.json `browser`), for vscode.dev, github.dev and any web workbench: the
 * server is the web-worker bundle, which asks the client for the workspace's files (workspaceFiles.ts).
 */
import * as vscode from "vscode";
import { LanguageClient, type ServerOptions } from "vscode-languageclient/browser";
import { clientOptions, startClient, type ModelCardsApi } from "./start";

/** A web worker, as the client takes it (the DOM types are not in this project's compilation). */
type ServerWorker = Exclude<ServerOptions, () => unknown>;
declare const Worker: new (url: string) => ServerWorker;

let client: LanguageClient | undefined;

/** The server's web worker, from the bundle shipped beside this one. */
async function serverWorker(context: vscode.ExtensionContext): Promise<ServerWorker> {
  const main = vscode.Uri.joinPath(context.extensionUri, "server/out/browser.js");
  try {
    return new Worker(main.toString(true));
  } catch {
    // VS Code starts no worker from the URI of an extension on a remote (code-server, Codespaces):
    // the same script, read through the workbench, starts from a blob.
    // Copied with slice(): the DOM's Blob takes only bytes backed by an ArrayBuffer.
    const source = (await vscode.workspace.fs.readFile(main)).slice();
    return new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<ModelCardsApi> {
  client = new LanguageClient("modelCards", "Model Cards", await serverWorker(context), clientOptions());
  return startClient(context, client);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
