/**
 * The web entry (package.json `browser`), for vscode.dev, github.dev and any web workbench: the
 * server is the web-worker bundle, which asks the client for the workspace's files (workspaceFiles.ts).
 */
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/browser";
import { clientOptions, startClient, type ModelCardsApi } from "./start";

/** The web worker constructor of the extension host (no DOM types in this project's compilation). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): Promise<ModelCardsApi> {
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, "server/out/browser.js").toString(true));
  client = new LanguageClient("modelCards", "Model Cards", clientOptions(), worker);
  return startClient(context, client);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
