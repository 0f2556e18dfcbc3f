/**
 * The messages between the Compare Cards panel and its webview, declared once for both sides.
 */
import type { CardTable } from "../../../server/src/lsp/protocol";

/** What the page shows: what a reader sees, read back from the page itself. */
export interface RenderedView {
  readonly kind: string;
  /** Header labels of the visible columns, in order. */
  readonly columns: readonly string[];
  /** Column ids, in the same order. */
  readonly columnIds: readonly string[];
  readonly sort: { readonly column: string; readonly descending: boolean } | undefined;
  /** How many rows match the filters, and the uris of all of them in their shown order. */
  readonly matching: number;
  readonly uris: readonly string[];
  /** The rows in the page right now (it renders only those near the scroll position): each cell's text. */
  readonly rendered: readonly (readonly string[])[];
  /** The per-option counts above the table: `column label › option` → count. */
  readonly counts: Readonly<Record<string, number>>;
}

/** A reader's action, done on the page as the mouse or keyboard would (for the editor's tests). */
export type PageAction =
  | { readonly action: "sort"; readonly column: string }
  | { readonly action: "filter"; readonly text: string }
  | { readonly action: "option"; readonly column: string; readonly option: string }
  | { readonly action: "click"; readonly uri: string; readonly column: string };

export type ToPage =
  | { readonly type: "table"; readonly table: CardTable }
  | { readonly type: "view"; readonly id: number }
  | { readonly type: "act"; readonly id: number; readonly act: PageAction };

export type FromPage =
  | { readonly type: "ready" }
  | { readonly type: "open"; readonly uri: string; readonly line: number }
  | { readonly type: "view"; readonly id: number; readonly view: RenderedView }
  | { readonly type: "done"; readonly id: number };
