/**
 * What the server knows of the workspace beyond the open documents: every card in it, read once in
 * the background and kept current from edits and file events. It lists and reads files through the
 * host (`ProjectHost`: the disk in Node, the editor in the browser), so the same index serves both.
 */
import type { WorkspaceSymbol } from "vscode-languageserver-types";
import type { Analysis } from "./core/analysis";
import type { Cancellation, ProjectHost } from "./core/project/host";
import { cardSymbols, ValueTally, type ValueCounts } from "./core/features/workspace";

export class WorkspaceIndex {
  private readonly cards = new Map<string, Analysis>();
  private readonly tally = new ValueTally();

  /** `analyze` checks a file with the config that applies to it (which it may have to read first). */
  constructor(
    private readonly host: ProjectHost,
    private readonly analyze: (uri: string, text: string) => Promise<Analysis>,
  ) {}

  /** Records a document's latest analysis (only cards are kept). */
  set(analysis: Analysis): void {
    if (analysis.model) {
      this.cards.set(analysis.uri, analysis);
      this.tally.set(analysis);
    } else {
      this.delete(analysis.uri);
    }
  }

  delete(uri: string): void {
    this.cards.delete(uri);
    this.tally.delete(uri);
  }

  /** Reads one file into the index; a file that cannot be read is dropped from it. */
  async load(uri: string): Promise<Analysis | undefined> {
    const text = await this.host.readFile(uri);
    if (text === undefined) {
      this.delete(uri);
      return undefined;
    }
    const analysis = await this.analyze(uri, text);
    this.set(analysis);
    return analysis;
  }

  /**
   * Reads every markdown file under the folders, yielding to the event loop between files so the
   * server keeps answering; `onFile` hears each file, `token` stops the scan between files.
   */
  async scan(folderUris: readonly string[], onFile?: (done: number, total: number, analysis: Analysis | undefined) => void, token?: Cancellation): Promise<number> {
    const files: string[] = [];
    for (const folder of folderUris) files.push(...(await this.host.listMarkdown(folder, token)));
    let done = 0;
    for (const file of files) {
      if (token?.isCancellationRequested) break;
      const analysis = await this.load(file);
      onFile?.(++done, files.length, analysis);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return done;
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
    return [...this.cards.values()].flatMap(cardSymbols).filter((s) => matches(s.name));
  }
}
