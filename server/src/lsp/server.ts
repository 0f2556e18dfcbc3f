/**
 * LSP wiring only: documents come from `TextDocuments`, every answer from the pure `CardService`.
 * Runs under VS Code (IPC) or any LSP client (`node server/out/server.js --stdio`).
 */
import { DidChangeConfigurationNotification, ErrorCodes, FileChangeType, MessageType, ResponseError, ShowMessageNotification, TextDocuments, TextDocumentSyncKind, type CancellationToken } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CodeActionKind } from "vscode-languageserver-types";
import { isCard } from "../core/analysis";
import { configCodeActions, configCompletion, configHover } from "../core/config/authoring";
import { TOGGLE_KIND } from "../core/features/checkboxes";
import { FIX_ALL_KIND } from "../core/features/fixAll";
import { malformedParams, type ParamPart } from "./params";
import { CardService } from "../core/service";
import { configProblems, toLspDiagnostic } from "../core/features/diagnostics";
import { isConfigFile, ProjectConfigs } from "../core/project/configs";
import { DEFAULT_SETTINGS, normalizeSettings } from "../core/settings";
import { tableKinds } from "../core/features/table";
import { toCsv, toMarkdown } from "../core/features/tableText";
import type { CardKindSpec } from "../core/schema";
import { CARD_TABLE, CARDS, CARDS_CHANGED, CHECK_PROGRESS, CHECK_WORKSPACE, COMPLETENESS, EXPORT_CARD, EXPORT_TABLE, FILL_MISSING, SERVER_HOST, TOGGLE_CHECKBOXES, type CardsResult, type CardTable, type CheckProgress, type CheckWorkspaceResult, type DocumentParams, type ExportTableParams, type FillMissingParams, type ServerHostParams, type ToggleCheckboxesParams } from "./protocol";
import { isBaselineFile, WorkspaceBaselines } from "./baselines";
import { WorkspaceIndex } from "../workspace";
// The host the server runs in: this module in Node, ./browser/platform.ts in the web worker (esbuild.mjs).
import { connection, host, HOST_NAME, VALIDATE_DELAY_MS } from "./platform";

const documents = new TextDocuments(TextDocument);
const service = new CardService(() => host.now());
/** Which `.modelcards.yaml` applies to each file: the nearest at or above it, per workspace folder. */
const configs = new ProjectConfigs((uri) => host.readFile(uri));
// No real card is a tenth of this; a larger one would block every keystroke for seconds.
service.limitCheckedLength(2 * 1024 * 1024);
service.useScopes((uri) => configs.scopeFor(uri));
const index = new WorkspaceIndex(
  host,
  async (uri, text) => {
    await configs.forFile(uri);
    // The scope the service analyses under, read at the same moment: the index rebuilds an entry made under another.
    return { analysis: service.analyzeText(uri, text), scope: configs.scopeFor(uri) };
  },
  (analysis) => service.diagnosticsFor(analysis),
  (uri) => documents.get(uri) !== undefined,
);
/** The workspace folders, as URIs; cards on disk are read from these. */
let folders: string[] = [];
/** Files whose diagnostics came from disk (a workspace check): closing their editor shows those again. */
const checkedOnDisk = new Set<string>();
const pending = new Map<string, ReturnType<typeof setTimeout>>();
const baselines = new WorkspaceBaselines(host);
service.useBaseline((uri) => baselines.recorded(uri));
/** The `modelCards.*` settings of the editor; the project's `.modelcards.yaml` files add to them. */
let editorSettings = DEFAULT_SETTINGS;
let pullsConfiguration = false;

connection.onInitialize((params) => {
  // Typed as required, but a broken client may omit it; starting without settings beats failing.
  const capabilities = params.capabilities as typeof params.capabilities | undefined;
  pullsConfiguration = capabilities?.workspace?.configuration === true;
  folders = params.workspaceFolders?.map((f) => f.uri) ?? [];
  configs.setRoots(folders);
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
  void connection.sendNotification(SERVER_HOST, { host: HOST_NAME } satisfies ServerHostParams);
  if (pullsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "modelCards" });
  void (async () => {
    await loadBaselines();
    if (pullsConfiguration) await reloadSettings();
    else applySettings();
  })();
});

let lastCardDefinition: string | undefined;

/** The text of each config file whose problems are shown, so each is published once per change. */
const publishedConfigs = new Map<string, string>();

/** Shows the problems of every config file in use (and clears those of files no longer read). */
function publishConfigs(): void {
  const loaded = configs.loaded();
  for (const { uri, text, config } of loaded) {
    if (publishedConfigs.get(uri) === text) continue;
    publishedConfigs.set(uri, text);
    void connection.sendDiagnostics({ uri, diagnostics: configProblems(text, config.problems).map(toLspDiagnostic) });
  }
  for (const uri of publishedConfigs.keys()) {
    if (loaded.some((c) => c.uri === uri)) continue;
    publishedConfigs.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/**
 * Puts the editor's settings and the config files in force, checks every open document again,
 * and re-reads the workspace in the background (which files are cards may have changed).
 */
function applySettings(): void {
  configs.setEditorSettings(editorSettings);
  service.reset();
  publishConfigs();
  for (const document of documents.all()) if (!isConfigFile(document.uri)) validate(document);
  // Re-reading the workspace is only worth it when what makes a file a card changed, not per keystroke.
  const cardDefinition = JSON.stringify([editorSettings.cardGlobs, configs.loaded().map((c) => [c.uri, c.config.settings.cardGlobs, c.config.kinds])]);
  if (cardDefinition !== lastCardDefinition) void index.scan(folders);
  lastCardDefinition = cardDefinition;
}

/** Reads the baselines; one that cannot be read hides nothing, and the user hears why rather than seeing every old problem come back unexplained. */
async function loadBaselines(): Promise<void> {
  for (const failure of await baselines.load(folders)) {
    const message = `Model Cards: ${decodeURIComponent(failure.uri.replace(/^file:\/\//, ""))} cannot be used, so every problem is shown: ${failure.message}.`;
    connection.console.warn(message);
    // A notification, not showWarningMessage's request: there is nothing to answer, and no reply to wait for.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
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
    // Every edit of a config file applies at once: its own diagnostics, then every card again.
    configs.changed(document.uri, document.getText());
    void configs.forFile(document.uri).then(applySettings);
    return;
  }
  if (configs.known(document.uri) === "unknown") {
    // The first check of a file waits for its config to be read; later ones find it at once.
    void configs.forFile(document.uri).then(() => {
      publishConfigs();
      const latest = documents.get(document.uri);
      if (latest) validate(latest);
    });
    return;
  }
  try {
    const diagnostics = service.diagnostics(document);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    // The workspace index (values other cards use) is background knowledge: update it once the
    // diagnostics are on their way, not before.
    const analysis = service.analysis(document);
    setImmediate(() => {
      // Closed meanwhile: the disk's text is the card again, and closing re-read it.
      if (documents.get(analysis.uri)) index.set(analysis, diagnostics);
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
  // Closing a config file without saving it drops its unsaved text: the file on disk is in force again.
  if (isConfigFile(uri)) {
    configs.changed(uri);
    applySettings();
  }
  const timer = pending.get(uri);
  if (timer) clearTimeout(timer);
  pending.delete(uri);
  service.forget(uri);
  void (async () => {
    // The editor's text may differ from the file: the index and the Problems panel go back to the disk's.
    const onDisk = await index.load(uri);
    const keep = onDisk && checkedOnDisk.has(uri) ? onDisk.diagnostics : [];
    void connection.sendDiagnostics({ uri, diagnostics: keep });
  })();
});

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    if (documents.get(change.uri)) continue;
    if (isConfigFile(change.uri)) {
      configs.changed(change.uri);
      applySettings();
      continue;
    }
    if (isBaselineFile(change.uri)) {
      void loadBaselines().then(applySettings);
      continue;
    }
    if (change.type === FileChangeType.Deleted) index.delete(change.uri);
    else void index.load(change.uri);
  }
});

/** Progress notifications at most this often: one per file would flood the client on 10,000 cards. */
const PROGRESS_INTERVAL_MS = 100;

connection.onRequest(CHECK_WORKSPACE, async (params: unknown, token: CancellationToken): Promise<CheckWorkspaceResult | ResponseError> => {
  // It reads no params, but a list or a scalar is a client's mistake worth saying.
  const malformed = params === undefined || params === null ? undefined : malformedParams(params, []);
  if (malformed) return new ResponseError(ErrorCodes.InvalidParams, malformed);
  let cards = 0;
  let problems = 0;
  let reported = 0;
  const files = await index.scan(folders, (done, total, loaded) => {
    if (done === total || performance.now() - reported >= PROGRESS_INTERVAL_MS) {
      reported = performance.now();
      void connection.sendNotification(CHECK_PROGRESS, { done, total } satisfies CheckProgress);
    }
    if (!loaded || !isCard(loaded.analysis)) return;
    const analysis = loaded.analysis;
    cards++;
    const open = documents.get(analysis.uri);
    const diagnostics = open ? service.diagnostics(open) : loaded.diagnostics;
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

// The project config is YAML, not a card: its completion, hover and fixes come from the config's own authoring support.
connection.onCompletion(withDocument([], (document, params) => (isConfigFile(document.uri) ? configCompletion(document.getText(), params.position) : service.completion(document, params.position, index.values())), "position"));
connection.onWorkspaceSymbol((params) => {
  const malformed = malformedParams(params, ["query"]);
  return malformed ? new ResponseError(ErrorCodes.InvalidParams, malformed) : index.symbols(params.query);
});
connection.onHover(withDocument(null, (document, params) => (isConfigFile(document.uri) ? configHover(document.getText(), params.position) : service.hover(document, params.position)) ?? null, "position"));
connection.onCodeAction(withDocument([], (document, params) => (isConfigFile(document.uri) ? configCodeActions(document.uri, document.getText(), params.range, params.context.only) : service.codeActions(document, params.range, params.context.only)), "range", "context"));
connection.onDocumentSymbol(withDocument([], (document) => service.documentSymbols(document)));
connection.onFoldingRanges(withDocument([], (document) => service.foldingRanges(document)));
connection.onDocumentLinks(withDocument([], (document) => service.documentLinks(document)));
connection.onDocumentFormatting(withDocument([], (document) => service.format(document)));
connection.onDocumentRangeFormatting(withDocument([], (document, params) => service.format(document, params.range), "range"));
connection.onRequest(TOGGLE_CHECKBOXES, byUri([], (document, params: ToggleCheckboxesParams) => service.toggleCheckboxes(document, params.lines), "lines"));
connection.onRequest(COMPLETENESS, byUri(null, (document) => service.completeness(document) ?? null));
connection.onRequest(FILL_MISSING, byUri([], (document, params: FillMissingParams) => service.fillMissing(document, params.field), "field"));
connection.onRequest(EXPORT_CARD, byUri(null, (document) => service.exportCard(document) ?? null));
connection.onRequest(CARDS, (): CardsResult => ({ cards: index.summaries() }));
/** The card kinds of every workspace folder, by tag (a folder's config may extend them): the Compare view's columns. */
function kindsInUse(): CardKindSpec[] {
  const byTag = new Map<string, CardKindSpec>();
  for (const folder of folders.length > 0 ? folders : [""]) {
    for (const kind of service.cardKinds(`${folder.replace(/\/$/, "")}/card.md`)) if (!byTag.has(kind.tag)) byTag.set(kind.tag, kind);
  }
  return [...byTag.values()];
}

connection.onRequest(CARD_TABLE, (): CardTable => ({ kinds: tableKinds(kindsInUse()), rows: index.rows() }));
connection.onRequest(EXPORT_TABLE, (params: ExportTableParams): string | ResponseError => {
  const malformed = malformedParams(params, ["tableView"]);
  if (malformed) return new ResponseError(ErrorCodes.InvalidParams, malformed);
  const kind = tableKinds(kindsInUse()).find((k) => k.tag === params.kind);
  const columns = kind ? kind.columns.filter((c) => params.columns.includes(c.id)).sort((a, b) => params.columns.indexOf(a.id) - params.columns.indexOf(b.id)) : [];
  const rows = params.uris.flatMap((uri) => {
    const row = index.row(uri);
    return row ? [{ path: workspacePath(uri), kind: row.kind, cells: row.cells }] : [];
  });
  return params.format === "csv" ? toCsv(columns, rows) : toMarkdown(columns, rows);
});

/** A card's path as the site's people name it: under its workspace folder. */
function workspacePath(uri: string): string {
  const folder = folders.find((f) => uri.startsWith(f.endsWith("/") ? f : `${f}/`));
  return decodeURIComponent(folder ? uri.slice(folder.replace(/\/$/, "").length + 1) : uri);
}

/** The views refresh on this; a scan of thousands of cards tells them a few times a second, not per card. */
const CARDS_CHANGED_INTERVAL_MS = 300;
let cardsChanged: ReturnType<typeof setTimeout> | undefined;
index.onDidChange(() => {
  cardsChanged ??= setTimeout(() => {
    cardsChanged = undefined;
    void connection.sendNotification(CARDS_CHANGED);
  }, CARDS_CHANGED_INTERVAL_MS);
});

documents.listen(connection);
connection.listen();
