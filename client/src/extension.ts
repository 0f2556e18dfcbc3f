import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { CARDS_CHANGED } from "../../server/src/protocol";
import { registerToggleCheckbox } from "./features/checkboxes";
import { registerCheckWorkspace } from "./features/checkWorkspace";
import { CardsView } from "./features/cardsView";
import { ComparePanel } from "./features/compare";
import { registerCompleteness } from "./features/completeness";
import { registerExportCard } from "./features/exportCard";
import { registerNewCard } from "./features/newCard";

let client: LanguageClient | undefined;

/** What the extension hands to other extensions, and to its own extension-host tests: its two views. */
export interface ModelCardsApi {
  readonly cardsView: CardsView;
  readonly compare: ComparePanel;
}

export async function activate(context: vscode.ExtensionContext): Promise<ModelCardsApi> {
  const serverModule = context.asAbsolutePath("server/out/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };

  // Created up front rather than by the client on its first log line, so that "Model Cards" is in the
  // Output view from activation on; the client also writes the modelCards.trace.server trace there.
  const outputChannel = vscode.window.createOutputChannel("Model Cards", { log: true });
  context.subscriptions.push(outputChannel);

  const clientOptions: LanguageClientOptions = {
    // Only real and new files: other schemes (git:, diff views) are copies that would repeat diagnostics.
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
      // The project config: its problems are shown as it is typed, and its changes apply at once.
      { scheme: "file", pattern: "**/.modelcards.yaml" },
    ],
    // Settings need no `synchronize` entry: the server registers for configuration changes itself
    // and pulls `modelCards.*` with workspace/configuration. File events keep its index of the
    // workspace's cards current when files change outside the editor.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.md,.modelcards.yaml}") },
    outputChannel,
  };

  const languageClient = new LanguageClient("modelCards", "Model Cards", serverOptions, clientOptions);
  client = languageClient;
  context.subscriptions.push(
    vscode.commands.registerCommand("modelCards.restartServer", () => languageClient.restart()),
    registerNewCard(context),
  );
  await languageClient.start();
  // A notification has one handler per method in the client: both views hear it through this event.
  const cardsChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(cardsChanged, languageClient.onNotification(CARDS_CHANGED, () => {
    cardsChanged.fire();
  }));
  const cardsView = new CardsView(languageClient, cardsChanged.event);
  const compare = new ComparePanel(languageClient, context.extensionUri, cardsChanged.event);
  context.subscriptions.push(registerToggleCheckbox(languageClient), registerCompleteness(languageClient), registerCheckWorkspace(languageClient), registerExportCard(languageClient), cardsView, compare);
  return { cardsView, compare };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
