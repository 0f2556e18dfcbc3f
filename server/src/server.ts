/**
 * LSP wiring only: documents come from `TextDocuments`, every answer from the pure `CardService`.
 * Runs under VS Code (IPC) or any LSP client (`node server/out/server.js --stdio`).
 */
import { CodeActionKind, createConnection, DidChangeConfigurationNotification, ErrorCodes, FileChangeType, ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind, type CancellationToken } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { isCard } from "./core/analysis";
import { TOGGLE_KIND } from "./core/features/checkboxes";
import { FIX_ALL_KIND } from "./core/features/fixAll";
import { malformedParams, type ParamPart } from "./core/params";
import { CardService } from "./core/service";
import { configDiagnostics } from "./core/features/diagnostics";
import { DEFAULT_SETTINGS, mergeSettings, normalizeSettings } from "./core/settings";
import { CHECK_PROGRESS, CHECK_WORKSPACE, COMPLETENESS, EXPORT_CARD, FILL_MISSING, TOGGLE_CHECKBOXES, type CheckProgress, type CheckWorkspaceResult, type DocumentParams, type FillMissingParams, type ToggleCheckboxesParams } from "./protocol";
import { isConfigFile, ProjectConfig } from "./projectConfig";
import { WorkspaceIndex } from "./workspace";
import { validateDelayMs } from "./validateDelay";

const VALIDATE_DELAY_MS = validateDelayMs(process.env);

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new CardService();
const index = new WorkspaceIndex((uri, text) => service.analyzeText(uri, text));
/** The workspace folders, as URIs; cards on disk are read from these. */
let folders: string[] = [];
/** Files whose diagnostics came from disk (a workspace check): closing their editor shows those again. */
const checkedOnDisk = new Set<string>();
const pending = new Map<string, NodeJS.Timeout>();
const projectConfig = new ProjectConfig();
/** The `modelCards.*` settings of the editor; the project's `.modelcards.yaml` adds to them. */
let editorSettings = DEFAULT_SETTINGS;
let pullsConfiguration = false;

connection.onInitialize((params) => {
  // Typed as required, but a broken client may omit it; starting without settings beats failing.
  const capabilities = params.capabilities as typeof params.capabilities | undefined;
  pullsConfiguration = capabilities?.workspace?.configuration === true;
  folders = params.workspaceFolders?.map((f) => f.uri) ?? [];
  // Clients without workspace/configuration (other editors) may pass the settings here instead.
  editorSettings = normalizeSettings(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [":", " "] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, TOGGLE_KIND, FIX_ALL_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: "model-cards" },
  };
});

connection.onInitialized(() => {
  if (pullsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "modelCards" });
  void (async () => {
    await projectConfig.load(folders);
    if (pullsConfiguration) await reloadSettings();
    else applySettings();
  })();
});

let lastCardDefinition: string | undefined;

/**
 * Puts the editor's settings and the project config in force, checks every open document again,
 * and re-reads the workspace in the background (which files are cards may have changed).
 */
function applySettings(): void {
  const project = projectConfig.loaded;
  const config = project?.config;
  const settings = config ? mergeSettings(config.settings, editorSettings) : editorSettings;
  service.configure(settings, config?.kinds);
  if (project) void connection.sendDiagnostics({ uri: project.uri, diagnostics: configDiagnostics(project.text, project.config.problems) });
  for (const document of documents.all()) if (!isConfigFile(document.uri)) validate(document);
  // Re-reading the workspace is only worth it when what makes a file a card changed, not per keystroke.
  const cardDefinition = JSON.stringify([settings.cardGlobs, config?.kinds]);
  if (cardDefinition !== lastCardDefinition) void index.scan(folders);
  lastCardDefinition = cardDefinition;
}

async function reloadSettings(): Promise<void> {
  try {
    editorSettings = normalizeSettings(await connection.workspace.getConfiguration("modelCards"));
  } catch (e) {
    connection.console.error(`Model Cards: could not read settings, keeping the previous ones: ${String(e)}`);
  }
  applySettings();
}

connection.onDidChangeConfiguration((change) => {
  if (pullsConfiguration) {
    void reloadSettings();
    return;
  }
  editorSettings = normalizeSettings((change.settings as { modelCards?: unknown } | undefined)?.modelCards);
  applySettings();
});

function validate(document: TextDocument): void {
  const timer = pending.get(document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(document.uri);
  if (isConfigFile(document.uri)) {
    // Every edit of the project config applies at once: its own diagnostics, then every card again.
    projectConfig.set(document.uri, document.getText());
    applySettings();
    return;
  }
  try {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: service.diagnostics(document) });
    // The workspace index (values other cards use) is background knowledge: update it once the
    // diagnostics are on their way, not before.
    const analysis = service.analysis(document);
    setImmediate(() => {
      index.set(analysis);
    });
  } catch (e) {
    connection.console.error(`Model Cards: checking ${document.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

function scheduleValidation(document: TextDocument): void {
  // Even a 0 ms timer fires a turn of the event loop later (at least 1 ms): with no pause, check now.
  if (VALIDATE_DELAY_MS === 0) {
    validate(document);
    return;
  }
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
  const uri = e.document.uri;
  // Closing the config without saving it drops its unsaved text: the file on disk is in force again.
  if (isConfigFile(uri)) void projectConfig.load(folders).then(applySettings);
  const timer = pending.get(uri);
  if (timer) clearTimeout(timer);
  pending.delete(uri);
  service.forget(uri);
  void (async () => {
    // The editor's text may differ from the file: the index and the Problems panel go back to the disk's.
    let onDisk;
    if (uri.startsWith("file:")) onDisk = await index.load(uri);
    else index.delete(uri);
    const keep = onDisk && checkedOnDisk.has(uri) ? service.diagnosticsFor(onDisk) : [];
    void connection.sendDiagnostics({ uri, diagnostics: keep });
  })();
});

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    if (documents.get(change.uri)) continue;
    if (isConfigFile(change.uri)) {
      void projectConfig.load(folders).then(applySettings);
      continue;
    }
    if (change.type === FileChangeType.Deleted) index.delete(change.uri);
    else void index.load(change.uri);
  }
});

connection.onRequest(CHECK_WORKSPACE, async (_params: unknown, token: CancellationToken): Promise<CheckWorkspaceResult> => {
  let cards = 0;
  let problems = 0;
  const files = await index.scan(folders, (done, total, analysis) => {
    void connection.sendNotification(CHECK_PROGRESS, { done, total } satisfies CheckProgress);
    if (!analysis || !isCard(analysis)) return;
    cards++;
    const open = documents.get(analysis.uri);
    const diagnostics = open ? service.diagnostics(open) : service.diagnosticsFor(analysis);
    problems += diagnostics.length;
    if (open) return;
    checkedOnDisk.add(analysis.uri);
    void connection.sendDiagnostics({ uri: analysis.uri, diagnostics });
  }, token);
  return { files, cards, problems, cancelled: token.isCancellationRequested };
});

/** Handlers only look the document up and ask the service; an unknown document gets `empty`. */
function lookup<R>(uri: string, empty: R, answer: (document: TextDocument) => R): R {
  const document = documents.get(uri);
  return document ? answer(document) : empty;
}
/** A handler for a request on one document; params without the parts it reads get InvalidParams. */
function withDocument<P extends { textDocument: { uri: string } }, R>(empty: R, answer: (document: TextDocument, params: P) => R, ...reads: ParamPart[]): (params: P) => R | ResponseError {
  return (params) => {
    const malformed = malformedParams(params, ["textDocument", ...reads]);
    return malformed ? new ResponseError(ErrorCodes.InvalidParams, malformed) : lookup(params.textDocument.uri, empty, (document) => answer(document, params));
  };
}
/** Custom requests name the document by `uri` alone. */
function byUri<P extends DocumentParams, R>(empty: R, answer: (document: TextDocument, params: P) => R, ...reads: ParamPart[]): (params: P) => R | ResponseError {
  return (params) => {
    const malformed = malformedParams(params, ["uri", ...reads]);
    return malformed ? new ResponseError(ErrorCodes.InvalidParams, malformed) : lookup(params.uri, empty, (document) => answer(document, params));
  };
}

connection.onCompletion(withDocument([], (document, params) => service.completion(document, params.position, index.values()), "position"));
connection.onWorkspaceSymbol((params) => index.symbols(params.query));
connection.onHover(withDocument(null, (document, params) => service.hover(document, params.position) ?? null, "position"));
connection.onCodeAction(withDocument([], (document, params) => service.codeActions(document, params.range, params.context.only), "range", "context"));
connection.onDocumentSymbol(withDocument([], (document) => service.documentSymbols(document)));
connection.onFoldingRanges(withDocument([], (document) => service.foldingRanges(document)));
connection.onDocumentLinks(withDocument([], (document) => service.documentLinks(document)));
connection.onDocumentFormatting(withDocument([], (document) => service.format(document)));
connection.onDocumentRangeFormatting(withDocument([], (document, params) => service.format(document, params.range), "range"));
connection.onRequest(TOGGLE_CHECKBOXES, byUri([], (document, params: ToggleCheckboxesParams) => service.toggleCheckboxes(document, params.lines), "lines"));
connection.onRequest(COMPLETENESS, byUri(null, (document) => service.completeness(document) ?? null));
connection.onRequest(FILL_MISSING, byUri([], (document, params: FillMissingParams) => service.fillMissing(document, params.field)));
connection.onRequest(EXPORT_CARD, byUri(null, (document) => service.exportCard(document) ?? null));

documents.listen(connection);
connection.listen();
