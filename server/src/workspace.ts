/**
 * What the server knows of the workspace beyond the open documents: every card on disk, read
 * once in the background and kept current from edits and file events. Node-only (it reads files),
 * so it lives beside the wiring, not in the pure core.
 */
import { readdir, readFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { WorkspaceSymbol } from "vscode-languageserver-types";
import { isCard, type Analysis } from "./core/analysis";
import { cardSymbols, ValueTally, type ValueCounts } from "./core/features/workspace";

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

export class WorkspaceIndex {
  private readonly cards = new Map<string, Analysis>();
  private readonly tally = new ValueTally();

  constructor(private readonly analyze: (uri: string, text: string) => Analysis) {}

  /** Records a document's latest analysis (only cards are kept). */
  set(analysis: Analysis): void {
    if (isCard(analysis)) {
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

  /** Reads one file from disk into the index; a file that cannot be read is dropped from it. */
  async load(uri: string): Promise<Analysis | undefined> {
    try {
      const analysis = this.analyze(uri, await readFile(fileURLToPath(uri), "utf8"));
      this.set(analysis);
      return analysis;
    } catch {
      this.delete(uri);
      return undefined;
    }
  }

  /**
   * Reads every markdown file under the folders, yielding to the event loop between files so the
   * server keeps answering; `onFile` hears each file, `token` stops the scan between files.
   */
  async scan(folderUris: readonly string[], onFile?: (done: number, total: number, analysis: Analysis | undefined) => void, token?: Cancellation): Promise<number> {
    const files: string[] = [];
    for (const folder of folderUris) if (folder.startsWith("file:")) await markdownFiles(fileURLToPath(folder), token, files);
    let done = 0;
    for (const file of files) {
      if (token?.isCancellationRequested) break;
      const analysis = await this.load(pathToFileURL(file).href);
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
