/**
 * What the server knows of the workspace beyond the open documents: every card on disk, read
 * once in the background and kept current from edits and file events. Node-only (it reads files),
 * so it lives beside the wiring, not in the pure core.
 */
import { readFileSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Diagnostic, WorkspaceSymbol } from "vscode-languageserver-types";
import type { Analysis } from "./core/analysis";
import { cardSummary, type CardSummary } from "./core/features/collection";
import { cardRow, type CardRow } from "./core/features/table";
import { cardSymbols, ValueTally, type ValueCounts } from "./core/features/workspace";
import { detached } from "./core/text/detach";

/** Folders no card lives in, and that can be huge. */
const SKIP = new Set(["node_modules", ".git", "_site", ".jekyll-cache", "vendor"]);

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

async function markdownFiles(folder: string, token: Cancellation | undefined, out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    // An unreadable folder holds nothing we can check; the rest of the workspace still counts.
    return out;
  }
  for (const entry of entries) {
    if (token?.isCancellationRequested) break;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith(".")) await markdownFiles(full, token, out);
    else if (entry.isFile() && entry.name.endsWith(".md")) out.push(full);
  }
  return out;
}

/**
 * Cards are a few KiB; a file past this is not one anyone keeps in a collection, and analysing it
 * in the background would hold up every request for seconds (a 50 MB file: 41 s). Opened in the
 * editor, it is still checked.
 */
export const MAX_INDEXED_BYTES = 512 * 1024;

/** What the index keeps of a card: enough for symbols, the views and the values, not the card's text. */
interface IndexedCard {
  readonly summary: CardSummary;
  readonly row: CardRow;
  readonly symbols: readonly WorkspaceSymbol[];
}

/** A file read and checked: its analysis and the diagnostics the editor would publish. */
export interface Loaded {
  readonly analysis: Analysis;
  readonly diagnostics: Diagnostic[];
}

/** How long the scan works before it lets waiting requests run. */
const SLICE_MS = 8;

/** Lets requests that are waiting run first: a macrotask runs after the I/O that delivered them. */
const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceIndex {
  private readonly cards = new Map<string, IndexedCard>();
  private readonly tally = new ValueTally();
  private readonly listeners: (() => void)[] = [];

  /**
   * `isOpen` names the documents the editor holds: their text in the editor, not on disk, is the
   * card, so reading the disk never overwrites their entry.
   */
  constructor(
    private readonly analyze: (uri: string, text: string) => Analysis,
    private readonly diagnose: (analysis: Analysis) => Diagnostic[],
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  /** Hears every change of the set of cards or of one card's summary. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Records a document's latest analysis (only cards are kept) with the diagnostics published for it. */
  set(analysis: Analysis, diagnostics: readonly Diagnostic[]): void {
    const summary = analysis.model && cardSummary(analysis, diagnostics);
    const row = cardRow(analysis);
    if (!summary || !row) {
      this.delete(analysis.uri);
      return;
    }
    this.cards.set(analysis.uri, detached({ summary, row, symbols: cardSymbols(analysis) }));
    this.tally.set(analysis);
    this.changed();
  }

  delete(uri: string): void {
    if (this.cards.delete(uri)) this.changed();
    this.tally.delete(uri);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Reads one file from disk into the index; a file that cannot be read, or that is past
   * `MAX_INDEXED_BYTES`, is dropped from it.
   */
  async load(uri: string): Promise<Loaded | undefined> {
    // The read may finish in the same turn as messages that arrived meanwhile: let them go first.
    await yieldToRequests();
    return this.loadNow(uri);
  }

  /** `load` without yielding: the scan reads files back to back within a slice. */
  private loadNow(uri: string): Loaded | undefined {
    try {
      const file = fileURLToPath(uri);
      if (statSync(file).size > MAX_INDEXED_BYTES) {
        if (!this.isOpen(uri)) this.delete(uri);
        return undefined;
      }
      const analysis = this.analyze(uri, readFileSync(file, "utf8"));
      const diagnostics = this.diagnose(analysis);
      if (!this.isOpen(uri)) this.set(analysis, diagnostics);
      return { analysis, diagnostics };
    } catch {
      if (!this.isOpen(uri)) this.delete(uri);
      return undefined;
    }
  }

  /**
   * Reads every markdown file under the folders in slices of `SLICE_MS`, yielding to requests
   * between slices, so an open card's completion or diagnostics wait for at most one slice (and a
   * file, capped in size) while the scan pays for a turn of the event loop only every few dozen
   * files; `onFile` hears each file, `token` stops the scan between files.
   */
  async scan(folderUris: readonly string[], onFile?: (done: number, total: number, loaded: Loaded | undefined) => void, token?: Cancellation): Promise<number> {
    const files: string[] = [];
    for (const folder of folderUris) if (folder.startsWith("file:")) await markdownFiles(fileURLToPath(folder), token, files);
    let done = 0;
    let slice = performance.now();
    for (const file of files) {
      if (performance.now() - slice >= SLICE_MS) {
        await yieldToRequests();
        slice = performance.now();
      }
      if (token?.isCancellationRequested) break;
      const loaded = this.loadNow(pathToFileURL(file).href);
      onFile?.(++done, files.length, loaded);
    }
    return done;
  }

  /** Every card's summary, in no particular order. */
  summaries(): CardSummary[] {
    return [...this.cards.values()].map((c) => c.summary);
  }

  /** One card's table row. */
  row(uri: string): CardRow | undefined {
    return this.cards.get(uri)?.row;
  }

  /** Every card's table row. */
  rows(): (CardRow & { readonly uri: string })[] {
    return [...this.cards.entries()].map(([uri, c]) => ({ uri, ...c.row }));
  }

  /** The values the workspace's cards use, per field, most used first. */
  values(): ValueCounts {
    return this.tally;
  }

  /** Cards by title and model name whose name contains the query's characters in order, as VS Code filters. */
  symbols(query: string): WorkspaceSymbol[] {
    const needle = query.toLowerCase();
    const matches = (name: string): boolean => {
      let i = 0;
      for (const ch of name.toLowerCase()) if (ch === needle[i]) i++;
      return i === needle.length;
    };
    return [...this.cards.values()].flatMap((c) => c.symbols).filter((s) => matches(s.name));
  }
}
