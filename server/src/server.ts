/**
 * LSP wiring only: documents come from `TextDocuments`, every answer from the pure `CardService`.
 * Runs under VS Code (IPC) or any LSP client (`node server/out/server.js --stdio`).
 */
import { CodeActionKind, createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { TOGGLE_KIND } from "./core/features/checkboxes";
import { CardService } from "./core/service";
import { normalizeSettings } from "./core/settings";
import { COMPLETENESS, FILL_MISSING, TOGGLE_CHECKBOXES, type DocumentParams, type ToggleCheckboxesParams } from "./protocol";

/** Typing produces a change per keystroke; checking after a short pause avoids work the next key discards. */
const VALIDATE_DELAY_MS = 100;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new CardService();
const pending = new Map<string, NodeJS.Timeout>();
let pullsConfiguration = false;

connection.onInitialize((params) => {
  // Typed as required, but a broken client may omit it; starting without settings beats failing.
  const capabilities = params.capabilities as typeof params.capabilities | undefined;
  pullsConfiguration = capabilities?.workspace?.configuration === true;
  // Clients without workspace/configuration (other editors) may pass the settings here instead.
  service.configure(normalizeSettings(params.initializationOptions));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [":", " "] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, TOGGLE_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
    },
    serverInfo: { name: "model-cards" },
  };
});

connection.onInitialized(() => {
  if (pullsConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: "modelCards" });
    void reloadSettings();
  }
});

async function reloadSettings(): Promise<void> {
  try {
    service.configure(normalizeSettings(await connection.workspace.getConfiguration("modelCards")));
  } catch (e) {
    connection.console.error(`Model Cards: could not read settings, keeping the previous ones: ${String(e)}`);
  }
  for (const document of documents.all()) validate(document);
}

connection.onDidChangeConfiguration((change) => {
  if (pullsConfiguration) {
    void reloadSettings();
    return;
  }
  const settings = (change.settings as { modelCards?: unknown } | undefined)?.modelCards;
  service.configure(normalizeSettings(settings));
  for (const document of documents.all()) validate(document);
});

function validate(document: TextDocument): void {
  const timer = pending.get(document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(document.uri);
  try {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: service.diagnostics(document) });
  } catch (e) {
    connection.console.error(`Model Cards: checking ${document.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

function scheduleValidation(document: TextDocument): void {
  const timer = pending.get(document.uri);
  if (timer) clearTimeout(timer);
  // Look the document up again when the timer fires: only its latest version is worth checking.
  pending.set(document.uri, setTimeout(() => {
    const latest = documents.get(document.uri);
    if (latest) validate(latest);
  }, VALIDATE_DELAY_MS));
}

documents.onDidOpen((e) => {
  validate(e.document);
});
documents.onDidChangeContent((e) => {
  scheduleValidation(e.document);
});
documents.onDidClose((e) => {
  const timer = pending.get(e.document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(e.document.uri);
  service.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** Handlers only look the document up and ask the service; an unknown document gets `empty`. */
function lookup<R>(uri: string, empty: R, answer: (document: TextDocument) => R): R {
  const document = documents.get(uri);
  return document ? answer(document) : empty;
}
function withDocument<P extends { textDocument: { uri: string } }, R>(empty: R, answer: (document: TextDocument, params: P) => R): (params: P) => R {
  return (params) => lookup(params.textDocument.uri, empty, (document) => answer(document, params));
}
/** Custom requests name the document by `uri` alone. */
function byUri<P extends DocumentParams, R>(empty: R, answer: (document: TextDocument, params: P) => R): (params: P) => R {
  return (params) => lookup(params.uri, empty, (document) => answer(document, params));
}

connection.onCompletion(withDocument([], (document, params) => service.completion(document, params.position)));
connection.onHover(withDocument(null, (document, params) => service.hover(document, params.position) ?? null));
connection.onCodeAction(withDocument([], (document, params) => service.codeActions(document, params.range, params.context.only)));
connection.onDocumentSymbol(withDocument([], (document) => service.documentSymbols(document)));
connection.onFoldingRanges(withDocument([], (document) => service.foldingRanges(document)));
connection.onDocumentLinks(withDocument([], (document) => service.documentLinks(document)));
connection.onDocumentFormatting(withDocument([], (document) => service.format(document)));
connection.onDocumentRangeFormatting(withDocument([], (document, params) => service.format(document, params.range)));
connection.onRequest(TOGGLE_CHECKBOXES, byUri([], (document, params: ToggleCheckboxesParams) => service.toggleCheckboxes(document, params.lines)));
connection.onRequest(COMPLETENESS, byUri(null, (document) => service.completeness(document) ?? null));
connection.onRequest(FILL_MISSING, byUri([], (document) => service.fillMissing(document)));

documents.listen(connection);
connection.listen();
