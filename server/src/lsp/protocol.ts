/**
 * The custom requests between the client and the server, declared once: both sides import these
 * names and shapes (the client bundle copies nothing else from the server).
 */
import type { CardSummary } from "../core/features/collection";
import type { Completeness } from "../core/features/completeness";
import type { Cell, CardRow, Column, TableKind } from "../core/features/table";

export type { CardRow, CardSummary, Cell, Column, Completeness };

/** Toggle the checkboxes on some lines of a document. Result: the LSP text edits to apply. */
export const TOGGLE_CHECKBOXES = "modelCards/toggleCheckboxes";
export interface ToggleCheckboxesParams {
  readonly uri: string;
  readonly lines: readonly number[];
}

/** How complete a card is. Result: `Completeness`, or null for markdown that is not a card. */
export const COMPLETENESS = "modelCards/completeness";

/** The LSP text edits that insert every missing field of a card at its place, or only `field`. */
export const FILL_MISSING = "modelCards/fillMissing";
export interface FillMissingParams extends DocumentParams {
  /** One missing field, as `Completeness.missing` names it; every missing field when absent. */
  readonly field?: string;
}

/** Params of the requests that name only a document. */
export interface DocumentParams {
  readonly uri: string;
}

/** Check every card on disk in the workspace (cancellable); diagnostics are published per file. */
export const CHECK_WORKSPACE = "modelCards/checkWorkspace";
export interface CheckWorkspaceResult {
  readonly files: number;
  readonly cards: number;
  readonly problems: number;
  readonly cancelled: boolean;
}

/** Sent by the server during a workspace check after each file. */
export const CHECK_PROGRESS = "modelCards/checkProgress";
export interface CheckProgress {
  readonly done: number;
  readonly total: number;
}

/** The card as JSON data following the shipped schema (server/schemas), or null for markdown that is not a card. */
export const EXPORT_CARD = "modelCards/exportCard";

/**
 * Sent by the browser server to the client, which alone can see the workspace's files there
 * (`vscode.workspace.findFiles` and `vscode.workspace.fs`): the markdown files under a workspace
 * folder (URIs), and a file's text (null when it cannot be read as UTF-8).
 */
export const LIST_MARKDOWN = "modelCards/listMarkdown";
export interface ListMarkdownParams {
  readonly folder: string;
}
export const READ_FILE = "modelCards/readFile";

/** Sent once by the server after it started: which host it runs in, for the status and the tests. */
export const SERVER_HOST = "modelCards/serverHost";
export interface ServerHostParams {
  /** "node" for server/out/server.js, "browser" for the web worker bundle server/out/browser.js. */
  readonly host: "node" | "browser";
}

/** Every card the server knows of (on disk and open), for the Model Cards view. Result: `CardsResult`. */
export const CARDS = "modelCards/cards";
export interface CardsResult {
  readonly cards: readonly CardSummary[];
}

/** Sent by the server when cards were added, changed or removed (at most a few times a second). */
export const CARDS_CHANGED = "modelCards/cardsChanged";

/** Every card as a table row with the columns of each kind, for the Compare Cards view. Result: `CardTable`. */
export const CARD_TABLE = "modelCards/cardTable";
export interface CardTable {
  readonly kinds: readonly TableKind[];
  readonly rows: readonly TableRow[];
}
export interface TableRow extends CardRow {
  readonly uri: string;
}

/** The rows and columns the Compare view shows, in its order, as CSV or a markdown table. Result: the text. */
export const EXPORT_TABLE = "modelCards/exportTable";
export interface ExportTableParams {
  readonly kind: string;
  /** Column ids, in order. */
  readonly columns: readonly string[];
  /** The cards, in order. */
  readonly uris: readonly string[];
  readonly format: "csv" | "markdown";
}
