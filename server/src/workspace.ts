/**
 * What the server knows of the workspace beyond the open documents: every card in it, read once in
 * the background and kept current from edits and file events. It lists and reads files through the
 * host (`ProjectHost`: the disk in Node, the editor in the browser), so the same index serves both.
 */
import type { Diagnostic, WorkspaceSymbol } from "vscode-languageserver-types";
import { isCard, type Analysis } from "./core/analysis";
import { cardSummary, problemCounts, type CardSummary } from "./core/features/collection";
import { cardRow, type CardRow } from "./core/features/table";
import { cardSymbols, ValueTally, type ValueCounts } from "./core/features/workspace";
import type { Cancellation, ProjectHost } from "./core/project/host";
import { detached } from "./core/text/detach";
import { fingerprint } from "./core/text/fingerprint";
import { packRow, packSymbol, unpackRow, unpackSymbol, type PackedRow, type PackedSymbol } from "./packedCard";

/**
 * Cards are a few KiB; a file past this is not one anyone keeps in a collection, and analysing it
 * in the background would hold up every request for seconds (a 50 MB file: 41 s). Opened in the
 * editor, it is still checked.
 */
export const MAX_INDEXED_BYTES = 512 * 1024;

/**
 * What the index keeps of a card: enough for symbols, the views and the values, not the card's
 * text (./packedCard). Only the strings read from the text are copied; the schema's strings (kinds,
 * option labels, field ids) and the URI are shared by every card, not copied 10,000 times.
 */
interface IndexedCard {
  /** What the entry was built from, when it was the disk's text; an editor's text is read again from disk once closed. */
  readonly source: Source | undefined;
  readonly summary: CardSummary | undefined;
  readonly row: PackedRow | undefined;
  readonly symbols: readonly PackedSymbol[];
}

/**
 * A text on disk and what it was analysed under besides the text: `scope` is compared by identity
 * (the server passes the config scope of the file, a new object whenever a setting or config changes).
 */
interface Source {
  readonly text: number;
  readonly scope: object;
}

/** A file's analysis and the scope it was made under (`Source`). */
export interface Analysed {
  readonly analysis: Analysis;
  readonly scope: object;
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
   * `analyze` checks a file with the config that applies to it (which it may have to read first),
   * and says which scope that was; `isOpen` names the documents the editor holds: their text in the editor, not on disk, is the
   * card, so reading the disk never overwrites their entry.
   */
  constructor(
    private readonly host: ProjectHost,
    private readonly analyze: (uri: string, text: string) => Promise<Analysed>,
    private readonly diagnose: (analysis: Analysis) => Diagnostic[],
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  /** Hears every change of the set of cards or of one card's summary. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Records a document's latest analysis (only cards are kept) with the diagnostics published for it. */
  set(analysis: Analysis, diagnostics: readonly Diagnostic[]): void {
    this.record(analysis, diagnostics, undefined);
  }

  /**
   * Builds a card's entry, unless it was built from the same text on disk under the same scope: a
   * workspace check reads every file again, and building the entries of 10,000 unchanged cards
   * (table row, symbols, values) cost 70% of what analysing them did. Only the problem counts
   * are taken then: they are those of the diagnostics just published, which the baseline decides too.
   */
  private record(analysis: Analysis, diagnostics: readonly Diagnostic[], source: Source | undefined): void {
    if (!isCard(analysis)) {
      this.delete(analysis.uri);
      return;
    }
    const known = this.cards.get(analysis.uri);
    if (source && known?.source?.text === source.text && known.source.scope === source.scope) {
      this.recount(analysis.uri, known, diagnostics);
      return;
    }
    const summary = cardSummary(analysis, diagnostics);
    this.cards.set(analysis.uri, {
      source,
      summary: summary && { ...summary, title: detached(summary.title) },
      row: packRow(cardRow(analysis)),
      symbols: cardSymbols(analysis).map(packSymbol),
    });
    this.tally.set(analysis);
    this.changed();
  }

  private recount(uri: string, known: IndexedCard, diagnostics: readonly Diagnostic[]): void {
    const { summary } = known;
    if (!summary) return;
    const counts = problemCounts(diagnostics);
    if (counts.errors === summary.errors && counts.warnings === summary.warnings && counts.notes === summary.notes) return;
    this.cards.set(uri, { ...known, summary: { ...summary, ...counts } });
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
   * Reads one file into the index; a file that cannot be read, or that is past
   * `MAX_INDEXED_BYTES`, is dropped from it.
   */
  async load(uri: string): Promise<Loaded | undefined> {
    const text = await this.host.readFile(uri, MAX_INDEXED_BYTES);
    if (text === undefined || text.length > MAX_INDEXED_BYTES) {
      if (!this.isOpen(uri)) this.delete(uri);
      return undefined;
    }
    const { analysis, scope } = await this.analyze(uri, text);
    const diagnostics = this.diagnose(analysis);
    if (!this.isOpen(uri)) this.record(analysis, diagnostics, { text: fingerprint(text), scope });
    return { analysis, diagnostics };
  }

  /**
   * Reads every markdown file under the folders, yielding to requests every `SLICE_MS`, so an open
   * card's completion or diagnostics wait for at most one slice (and a file, capped in size) while
   * the scan pays for a turn of the event loop only every few dozen files; `onFile` hears each
   * file, `token` stops the scan between files.
   */
  async scan(folderUris: readonly string[], onFile?: (done: number, total: number, loaded: Loaded | undefined) => void, token?: Cancellation): Promise<number> {
    const files: string[] = [];
    for (const folder of folderUris) files.push(...(await this.host.listMarkdown(folder, token)));
    let done = 0;
    let slice = performance.now();
    for (const file of files) {
      if (performance.now() - slice >= SLICE_MS) {
        await yieldToRequests();
        slice = performance.now();
      }
      if (token?.isCancellationRequested) break;
      const loaded = await this.load(file);
      onFile?.(++done, files.length, loaded);
    }
    return done;
  }

  /** Every card's summary, in no particular order. */
  summaries(): CardSummary[] {
    return [...this.cards.values()].flatMap((c) => c.summary ?? []);
  }

  /** One card's table row. */
  row(uri: string): CardRow | undefined {
    const row = this.cards.get(uri)?.row;
    return row && unpackRow(row);
  }

  /** Every card's table row. */
  rows(): (CardRow & { readonly uri: string })[] {
    return [...this.cards.entries()].flatMap(([uri, c]) => (c.row ? [{ uri, ...unpackRow(c.row) }] : []));
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
    return [...this.cards].flatMap(([uri, c]) => c.symbols.filter((s) => matches(s.name)).map((s) => unpackSymbol(uri, s)));
  }
}
