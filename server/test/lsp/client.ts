/**
 * A small LSP client for tests: it runs the bundled server over stdio and speaks JSON-RPC to it the
 * way an editor does. Every wait is "until this event happens", with a timeout that fails the test
 * with what was expected and what the server last said, never a fixed sleep.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { after, before } from "node:test";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createMessageConnection,
  ErrorCodes,
  NotificationType,
  NotificationType0,
  RequestType,
  RequestType0,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";
import { TextDocument, type TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import type {
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  Command,
  CompletionItem,
  CompletionList,
  CompletionParams,
  ConfigurationParams,
  Diagnostic,
  DidChangeConfigurationParams,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
  InitializedParams,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  Range,
  Registration,
  RegistrationParams,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver/node";
import type { Code } from "../../src/core/rules/codes";
import type { SeverityLevel } from "../../src/core/settings";
import { VALIDATE_DELAY_ENV } from "../../src/lsp/validateDelay";

const REPO_ROOT = path.resolve(__dirname, "../../..");
export const SERVER_BUNDLE = path.join(REPO_ROOT, "server/out/server.js");
const FIXTURES = path.join(REPO_ROOT, "server/test/fixtures");

/** Long enough for a slow CI machine, short enough that a missing event fails the run quickly. */
const WAIT_MS = 5000;

// The messages this client sends and answers, typed once; method names are the LSP's.
const Initialize = new RequestType<InitializeParams, InitializeResult, unknown>("initialize");
const Initialized = new NotificationType<InitializedParams>("initialized");
const Shutdown = new RequestType0<null, unknown>("shutdown");
const Exit = new NotificationType0("exit");
const DidOpen = new NotificationType<DidOpenTextDocumentParams>("textDocument/didOpen");
const DidChange = new NotificationType<DidChangeTextDocumentParams>("textDocument/didChange");
const DidClose = new NotificationType<DidCloseTextDocumentParams>("textDocument/didClose");
const DidChangeConfiguration = new NotificationType<DidChangeConfigurationParams>("workspace/didChangeConfiguration");
const Completion = new RequestType<CompletionParams, CompletionItem[] | CompletionList | null, unknown>("textDocument/completion");
const HoverRequest = new RequestType<HoverParams, Hover | null, unknown>("textDocument/hover");
const CodeActionRequest = new RequestType<CodeActionParams, (Command | CodeAction)[] | null, unknown>("textDocument/codeAction");
const PublishDiagnostics = new NotificationType<PublishDiagnosticsParams>("textDocument/publishDiagnostics");
const LogMessage = new NotificationType<LogMessageParams>("window/logMessage");
const Configuration = new RequestType<ConfigurationParams, unknown[], unknown>("workspace/configuration");
const RegisterCapability = new RequestType<RegistrationParams, null, unknown>("client/registerCapability");

/** What VS Code 1.9x announces for the features this server offers. */
const CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ["utf-16"] },
  workspace: {
    applyEdit: true,
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        documentationFormat: ["markdown", "plaintext"],
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        insertTextModeSupport: { valueSet: [1, 2] },
      },
    },
    hover: { dynamicRegistration: true, contentFormat: ["markdown", "plaintext"] },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      dataSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ["", "quickfix", "refactor", "source", "source.fixAll"] } },
    },
  },
};

/** The `modelCards` settings section, as VS Code would hand it out (codes typed so a test cannot misspell one). */
export interface CardSettings {
  severity?: Partial<Record<Code, SeverityLevel>>;
  cardGlobs?: string[];
}

export interface StartOptions {
  /** The user's `modelCards` settings at start; change them later with `configure`. */
  readonly settings?: CardSettings;
  /**
   * True (the default) for a client like VS Code that answers workspace/configuration; false for
   * one that cannot, which passes the settings as initializationOptions instead.
   */
  readonly pullConfiguration?: boolean;
  /** The server's pause after an edit before it checks; its own default (the editor's) when absent. */
  readonly validateDelayMs?: number;
  /** Folders opened in the editor, as paths; the server reads the cards on disk in them. */
  readonly workspaceFolders?: readonly string[];
}

function withTimeout<T>(promise: Promise<T>, what: string, context: () => string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}.${context()}`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

export class LspClient {
  private readonly documents = new Map<string, TextDocument>();
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly logs: string[] = [];
  private stderr = "";
  private exitStatus: string | undefined;
  /** Re-run on every message from the server and on its exit; each pending wait adds one. */
  private readonly listeners = new Set<() => void>();

  private readonly registrations: Registration[] = [];
  private configurationPulls = 0;
  /** What this client answers to workspace/configuration for the `modelCards` section. */
  settings: CardSettings;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: MessageConnection,
    private readonly pullsConfiguration: boolean,
    settings: CardSettings,
    private readonly folders: readonly string[],
  ) {
    this.settings = settings;
  }

  /** Spawns the bundled server, initializes it, and resolves once it is ready to check documents. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(SERVER_BUNDLE)) {
      throw new Error(`The server bundle ${SERVER_BUNDLE} is missing: run \`node esbuild.mjs\` first.`);
    }
    const env = options.validateDelayMs === undefined ? process.env : { ...process.env, [VALIDATE_DELAY_ENV]: String(options.validateDelayMs) };
    const child = spawn(process.execPath, [SERVER_BUNDLE, "--stdio"], { cwd: REPO_ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options.pullConfiguration ?? true, options.settings ?? {}, options.workspaceFolders ?? []);
    client.listen();
    try {
      await client.initialize();
    } catch (e) {
      // Nobody will shut down a server that never got ready; left running, it would keep the test run alive.
      connection.dispose();
      child.kill();
      throw e;
    }
    return client;
  }

  private listen(): void {
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    this.child.on("exit", (code, signal) => {
      this.exitStatus = signal ? `signal ${signal}` : `code ${String(code)}`;
      this.changed();
    });
    this.connection.onNotification(PublishDiagnostics, (params) => {
      this.published.set(params.uri, params);
      this.changed();
    });
    this.connection.onNotification(LogMessage, (params) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest(Configuration, (params) => {
      this.configurationPulls++;
      this.changed();
      return params.items.map((item) => (item.section === "modelCards" ? this.settings : null));
    });
    this.connection.onRequest(RegisterCapability, (params) => {
      this.registrations.push(...params.registrations);
      this.changed();
      return null;
    });
    this.connection.listen();
  }

  private async initialize(): Promise<void> {
    const pullConfiguration = this.pullsConfiguration;
    const capabilities: ClientCapabilities = pullConfiguration ? CAPABILITIES : { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, configuration: false } };
    await this.answer("initialize", this.connection.sendRequest(Initialize, {
      processId: process.pid,
      clientInfo: { name: "model-cards-lsp-tests" },
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the protocol still requires it, and VS Code still sends it
      rootUri: null,
      workspaceFolders: this.folders.length === 0 ? null : this.folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })),
      capabilities,
      initializationOptions: pullConfiguration ? undefined : this.settings,
    }));
    await this.connection.sendNotification(Initialized, {});
    // A pulling server reads the settings right after `initialized`; documents opened before the
    // answer arrives would be checked with the defaults first.
    if (pullConfiguration) await this.waitForConfigurationPulls(1);
  }

  /** The server's process id, to read its resource use from outside. */
  get pid(): number {
    assert.ok(this.child.pid !== undefined, "the server process has no pid");
    return this.child.pid;
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** What the server said on the side, appended to failure messages. */
  private context(): string {
    const logs = this.logs.length > 0 ? `\nServer log:\n${this.logs.join("\n")}` : "";
    const stderr = this.stderr.trim() !== "" ? `\nServer stderr:\n${this.stderr.trim()}` : "";
    return logs + stderr;
  }

  /** Resolves with the first non-undefined value of `probe`, re-checked whenever the server sends something. */
  private until<T>(what: string, probe: () => T | undefined, details: () => string = () => "", expectExit = false): Promise<T> {
    let check = (): void => undefined;
    const found = new Promise<T>((resolve, reject) => {
      check = () => {
        const value = probe();
        if (value !== undefined) resolve(value);
        else if (this.exitStatus !== undefined && !expectExit) reject(new Error(`The server exited (${this.exitStatus}) while waiting for ${what}.${this.context()}`));
      };
    });
    this.listeners.add(check);
    check();
    return withTimeout(found, what, () => details() + this.context()).finally(() => this.listeners.delete(check));
  }

  private answer<R>(what: string, request: Promise<R>, ms = WAIT_MS): Promise<R> {
    return withTimeout(request, `the answer to ${what}`, () => this.context(), ms);
  }

  // --- documents -------------------------------------------------------------------------------

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    assert.ok(document, `${uri} is not open`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  async open(uri: string, text: string, languageId = "markdown"): Promise<TextDocument> {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidOpen, { textDocument: { uri, languageId, version: 1, text } });
    return document;
  }

  /** Sends one didChange with these changes (ranged ones are incremental), applied in order as LSP says. */
  async change(uri: string, ...changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const previous = this.document(uri);
    const document = TextDocument.update(previous, changes, previous.version + 1);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidChange, { textDocument: { uri, version: document.version }, contentChanges: changes });
    return document;
  }

  /** Replaces the whole text with a full-content change, as a client without incremental sync would. */
  setText(uri: string, text: string): Promise<TextDocument> {
    return this.change(uri, { text });
  }

  /**
   * Applies a workspace edit the way an editor does: as one didChange of incremental changes per
   * document, last edit first so that each range is still valid when its turn comes (of two inserts
   * at one position the later goes first, so the earlier ends up in front as LSP orders them).
   */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
    for (const uri of editedUris(edit)) {
      const changes = textEditsFor(edit, uri)
        .map((e, i) => ({ e, i }))
        .sort((a, b) => comparePositions(b.e.range.start, a.e.range.start) || b.i - a.i)
        .map(({ e }): TextDocumentContentChangeEvent => ({ range: e.range, text: e.newText }));
      await this.change(uri, ...changes);
    }
  }

  /** Types `typed` as a new line above the line that is exactly `before`; resolves with the cursor at its end. */
  async typeLineAbove(uri: string, before: string, typed: string): Promise<Position> {
    const start = { line: lineIndex(this.text(uri), before), character: 0 };
    await this.change(uri, { range: { start, end: start }, text: `${typed}\n` });
    return { line: start.line, character: typed.length };
  }

  async close(uri: string): Promise<void> {
    this.document(uri); // fails unless it is open
    this.documents.delete(uri);
    await this.connection.sendNotification(DidClose, { textDocument: { uri } });
  }

  // --- diagnostics and settings ----------------------------------------------------------------

  /**
   * The diagnostics of the first publish for `uri` that matches `predicate`. The latest publish per
   * uri is kept, so one that arrived before this call counts.
   */
  waitForDiagnostics(uri: string, predicate: (published: PublishDiagnosticsParams) => boolean, what = "a matching publish"): Promise<Diagnostic[]> {
    return this.until(
      `diagnostics for ${uri} (${what})`,
      () => {
        const published = this.published.get(uri);
        return published && predicate(published) ? published.diagnostics : undefined;
      },
      () => `\nLast published for it: ${JSON.stringify(this.published.get(uri) ?? "nothing", null, 1)}`,
    );
  }

  /** The diagnostics the server publishes for the document's current version (after the debounce for edits). */
  settledDiagnostics(uri: string): Promise<Diagnostic[]> {
    const version = this.document(uri).version;
    return this.waitForDiagnostics(uri, (p) => p.version === version, `version ${version}`);
  }

  /**
   * Changes the settings and notifies the server as VS Code does for a section the server registered.
   * A pulling server must then ask for them again; this resolves once it has, so every message sent
   * afterwards reaches a server that has the new settings.
   */
  async configure(settings: CardSettings): Promise<void> {
    this.settings = settings;
    const pulls = this.configurationPulls;
    await this.connection.sendNotification(DidChangeConfiguration, { settings: { modelCards: settings } });
    if (this.pullsConfiguration) await this.waitForConfigurationPulls(pulls + 1);
  }

  private waitForConfigurationPulls(count: number): Promise<number> {
    return this.until(`workspace/configuration request number ${count}`, () => (this.configurationPulls >= count ? this.configurationPulls : undefined), () => `\nSeen: ${this.configurationPulls}.`);
  }

  /** Resolves once the server has registered for a notification or request with client/registerCapability. */
  waitForRegistration(method: string): Promise<Registration> {
    return this.until(`a client/registerCapability for ${method}`, () => this.registrations.find((r) => r.method === method), () => `\nRegistered: ${JSON.stringify(this.registrations.map((r) => r.method))}.`);
  }

  /** How many workspace/configuration requests the server has sent so far. */
  get configurationRequests(): number {
    return this.configurationPulls;
  }

  /** The last publish for `uri`, for asserting that nothing newer came. */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(uri);
  }

  // --- requests ----------------------------------------------------------------------------------

  async completion(uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
    const context = triggerCharacter === undefined ? { triggerKind: 1 as const } : { triggerKind: 2 as const, triggerCharacter };
    const result = await this.answer("textDocument/completion", this.connection.sendRequest(Completion, { textDocument: { uri }, position, context }));
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.answer("textDocument/hover", this.connection.sendRequest(HoverRequest, { textDocument: { uri }, position }));
  }

  /** The quick fixes VS Code would offer for a diagnostic (it asks with the diagnostic's range and the diagnostic). */
  async quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const result = await this.answer("textDocument/codeAction", this.connection.sendRequest(CodeActionRequest, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ["quickfix"], triggerKind: 1 },
    }));
    return (result ?? []).filter((a): a is CodeAction => typeof a.command !== "string");
  }

  async quickFix(uri: string, diagnostic: Diagnostic, title: string): Promise<CodeAction> {
    const actions = await this.quickFixes(uri, diagnostic);
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `no quick fix "${title}" for ${String(diagnostic.code)}; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    return action;
  }

  /** Hears a notification from the server, by method name (the custom `modelCards/*` ones). */
  onNotification(method: string, handler: (params: unknown) => void): void {
    this.connection.onNotification(method, handler);
  }

  /** Any other request, by method name: the newer features and the custom `modelCards/*` requests. `ms` allows long work (the bench's 10,000 cards). */
  request<R>(method: string, params: unknown, ms = WAIT_MS): Promise<R> {
    return this.answer(method, this.connection.sendRequest<R>(method, params), ms);
  }

  /** Sends any notification as it is, malformed ones included, for tests of what the server does with them. */
  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /**
   * Sends a request for a method the server does not have and resolves once it has answered
   * MethodNotFound: a round trip with no work in it, the reference for the other requests' latency.
   */
  async unknownRequest(): Promise<void> {
    try {
      await this.request("modelCards/noSuchMethod", {});
    } catch (e) {
      if (e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound) return;
      throw e;
    }
    assert.fail("the server answered a request for a method it does not have");
  }

  /** Asks the server to shut down, tells it to exit, and resolves once the process has gone. */
  async shutdown(): Promise<void> {
    try {
      await this.answer("shutdown", this.connection.sendRequest(Shutdown));
      await this.connection.sendNotification(Exit);
      const status = await this.until("the server process to exit", () => this.exitStatus, () => "", true);
      assert.equal(status, "code 0", `the server exited with ${status} after shutdown and exit${this.context()}`);
    } finally {
      this.connection.dispose();
      if (this.exitStatus === undefined) this.child.kill();
    }
  }
}

/**
 * Starts a server before the tests of the enclosing suite (or file) and shuts it down after them;
 * the tests reach it as `lsp.client`. Hooks that use the client belong in a suite: Node 20 starts
 * every top-level `before` as soon as it is registered, so a second one would not wait for this one.
 */
export function useServer(options: StartOptions = {}): { readonly client: LspClient } {
  let started: LspClient | undefined;
  before(async () => {
    started = await LspClient.start(options);
  });
  after(async () => {
    await started?.shutdown();
  });
  return {
    get client(): LspClient {
      assert.ok(started, "the server is not running: use the client inside tests, after `before`");
      return started;
    },
  };
}

// --- pure helpers ----------------------------------------------------------------------------------

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function editedUris(edit: WorkspaceEdit): string[] {
  const fromChanges = Object.keys(edit.changes ?? {});
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((c) => ("textDocument" in c ? [c.textDocument.uri] : []));
  return [...new Set([...fromChanges, ...fromDocumentChanges])];
}

function textEditsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((c) => ("textDocument" in c && c.textDocument.uri === uri ? c.edits : []));
  // This client does not announce snippet edits, so a server must not send them.
  const plain = fromDocumentChanges.filter((e): e is TextEdit => "newText" in e);
  assert.equal(plain.length, fromDocumentChanges.length, "the edit has snippet edits, which this client did not announce");
  return [...fromChanges, ...plain];
}

/** The text after applying a workspace edit's TextEdits for `uri` (edits of other files are ignored). */
export function applyEdits(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit, "the code action has no edit");
  return TextDocument.applyEdits(TextDocument.create(uri, "markdown", 0, text), textEditsFor(edit, uri));
}

// --- card texts ------------------------------------------------------------------------------------

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

/** A Codex model card as the template writes it: it must produce no diagnostics at all. */
export const CODEX = readFixture("codex.md");

let uris = 0;
/** A fresh post URI per use, dated like the fixture so the file name agrees with `date`. */
export function cardUri(name: string): string {
  return `file:///workspace/_posts/2021-07-07-${name}-${++uris}.md`;
}

/** The index of the line that is exactly `line`; fails when it is missing or not unique. */
export function lineIndex(text: string, line: string): number {
  const lines = text.split(/\r?\n/);
  const index = lines.indexOf(line);
  assert.notEqual(index, -1, `no line ${JSON.stringify(line)}`);
  assert.equal(lines.lastIndexOf(line), index, `line ${JSON.stringify(line)} is not unique`);
  return index;
}

/** The position of `fragment` (in UTF-16 units, as LSP counts) on the line that is exactly `line`. */
export function positionOf(text: string, line: string, fragment: string): Position {
  const character = line.indexOf(fragment);
  assert.notEqual(character, -1, `${JSON.stringify(fragment)} is not on ${JSON.stringify(line)}`);
  return { line: lineIndex(text, line), character };
}

/** The range of `fragment` on the line that is exactly `line`. */
export function rangeOf(text: string, line: string, fragment: string): Range {
  const start = positionOf(text, line, fragment);
  return { start, end: { line: start.line, character: start.character + fragment.length } };
}

/** Replaces the line that is exactly `line` (keeping the line ending), or removes it when `by` is undefined. */
export function replaceLine(text: string, line: string, by: string | undefined): string {
  const index = lineIndex(text, line);
  const lines = text.split("\n");
  const cr = lines[index]!.endsWith("\r") ? "\r" : "";
  if (by === undefined) lines.splice(index, 1);
  else lines[index] = by + cr;
  return lines.join("\n");
}

/** Inserts `lines` before the line that is exactly `before`, in the text's line ending. */
export function insertBefore(text: string, before: string, lines: readonly string[]): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const index = lineIndex(text, before);
  const all = text.split(eol);
  all.splice(index, 0, ...lines);
  return all.join(eol);
}

/** Removes a top-level field and everything nested under it. */
export function withoutSection(text: string, head: string): string {
  const lines = text.split("\n");
  const start = lineIndex(text, head);
  let end = start + 1;
  while (end < lines.length && /^[ \t]/.test(lines[end]!)) end++;
  lines.splice(start, end - start);
  return lines.join("\n");
}

export const toCrlf = (text: string): string => text.replace(/\r?\n/g, "\r\n");

/** A diagnostic's message as the user reads it; this server writes plain strings. */
export function messageOf(diagnostic: Diagnostic): string {
  assert.equal(typeof diagnostic.message, "string", "a plain-text diagnostic message");
  return diagnostic.message as string;
}

export const codesOf = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();
