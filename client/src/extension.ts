/** The desktop entry (package.json `main`): the server runs in Node, over IPC. */
import type * as vscode from "vscode";
import { LanguageClient, TransportKind, type ServerOptions } from "vscode-languageclient/node";
import { clientOptions, startClient, type ModelCardsApi } from "./start";

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): Promise<ModelCardsApi> {
  const serverModule = context.asAbsolutePath("server/out/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  client = new LanguageClient("modelCards", "Model Cards", serverOptions, clientOptions());
  return startClient(context, client);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
