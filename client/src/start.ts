/**
 * What both entries of the extension share once they have a language client: the documents it
 * serves, the output channel, and every command and the status bar, which only ask the server.
 * extension.ts (desktop, Node) and browser.ts (vscode.dev, github.dev: a web worker) differ only in
 * how the server runs.
 */
import * as vscode from "vscode";
import type { BaseLanguageClient, LanguageClientOptions } from "vscode-languageclient";
import { CARDS_CHANGED, SERVER_HOST, type ServerHostParams } from "../../server/src/lsp/protocol";
import { registerToggleCheckbox } from "./features/checkboxes";
import { CardsView } from "./features/cardsView";
import { registerCheckWorkspace } from "./features/checkWorkspace";
import { ComparePanel } from "./features/compare";
import { registerCompleteness } from "./features/completeness";
import { registerExportCard } from "./features/exportCard";
import { registerNewCard } from "./features/newCard";
import { registerWorkspaceFiles } from "./features/workspaceFiles";

/**
 * The schemes of the files the extension checks: on disk, on a remote as the web workbench sees it
 * (code-server, Codespaces), in a repository (github.dev, vscode.dev, Remote Repositories), in the
 * test web host. Other schemes (git:, diff views) are copies that would repeat diagnostics.
 */
const SCHEMES = ["file", "vscode-remote", "vscode-vfs", "vscode-test-web"];

/** The client's options: markdown files and the project config file of those schemes, and new files. */
export function clientOptions(): LanguageClientOptions {
  // Created up front rather than by the client on its first log line, so that "Model Cards" is in the
  // Output view from activation on; the client also writes the modelCards.trace.server trace there.
  const outputChannel = vscode.window.createOutputChannel("Model Cards", { log: true });
  return {
    documentSelector: [
      ...SCHEMES.map((scheme) => ({ scheme, language: "markdown" })),
      { scheme: "untitled", language: "markdown" },
      // The project config: its problems are shown as it is typed, and its changes apply at once.
      ...SCHEMES.map((scheme) => ({ scheme, pattern: "**/.modelcards.yaml" })),
    ],
    // Settings need no `synchronize` entry: the server registers for configuration changes itself
    // and pulls `modelCards.*` with workspace/configuration. File events keep its index of the
    // workspace's cards current when files change outside the editor.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.md,.modelcards.yaml,model-cards-suppressions.json}") },
    outputChannel,
  };
}

/** The extension's API, for tests and other extensions: which host the server said it runs in, and the two views. */
export interface ModelCardsApi {
  readonly serverHost: Promise<ServerHostParams["host"]>;
  readonly cardsView: CardsView;
  readonly compare: ComparePanel;
}

/** Starts the client and registers everything that talks to its server. */
export async function startClient(context: vscode.ExtensionContext, client: BaseLanguageClient): Promise<ModelCardsApi> {
  const serverHost = new Promise<ServerHostParams["host"]>((resolve) => {
    client.onNotification(SERVER_HOST, (params: ServerHostParams) => {
      resolve(params.host);
    });
  });
  registerWorkspaceFiles(client);
  context.subscriptions.push(
    client.outputChannel,
    vscode.commands.registerCommand("modelCards.restartServer", async () => {
      await client.stop();
      await client.start();
    }),
    registerNewCard(context),
  );
  await client.start();
  // A notification has one handler per method in the client: both views hear it through this event.
  const cardsChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(cardsChanged, client.onNotification(CARDS_CHANGED, () => {
    cardsChanged.fire();
  }));
  const cardsView = new CardsView(client, cardsChanged.event);
  const compare = new ComparePanel(client, context.extensionUri, cardsChanged.event);
  context.subscriptions.push(registerToggleCheckbox(client), registerCompleteness(client), registerCheckWorkspace(client), registerExportCard(client), cardsView, compare);
  return { serverHost, cardsView, compare };
}
