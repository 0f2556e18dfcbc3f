/**
 * Checking throughput in process: every corpus file checked by our service, by markdownlint with its
 * default rules, and parsed by markdown-it, one pass each per run, the order rotating between runs
 * so that each side follows each other side as often. (Forcing a collection before each pass is no
 * fairer: V8 then shrinks the young generation, and markdown-it, which allocates the most, ran 2.5×
 * slower after one.)
 */
import MarkdownIt from "markdown-it";
import { CardService } from "../server/src/core/service";
import type { CorpusFile } from "./corpus";

export interface ThroughputRuns {
  /** Milliseconds per pass over the corpus, one entry per run. */
  readonly ours: number[];
  readonly markdownlint: number[];
  readonly markdownIt: number[];
}

/** A pass with a new service each time, so nothing is served from the per-version cache. */
function checkAll(files: readonly CorpusFile[]): number {
  const service = new CardService();
  let problems = 0;
  for (const file of files) problems += service.diagnostics({ uri: file.uri, version: 1, getText: () => file.text }).length;
  return problems;
}

function elapsed(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export async function measureThroughput(files: readonly CorpusFile[], runs: number): Promise<ThroughputRuns> {
  // markdownlint is published as ES modules only; this file is CommonJS, so it is loaded with import().
  const { lint } = await import("markdownlint/sync");
  const strings = Object.fromEntries(files.map((f) => [f.uri, f.text]));
  const md = new MarkdownIt();
  const passes = {
    ours: () => checkAll(files),
    markdownlint: () => lint({ strings }),
    markdownIt: () => files.map((f) => md.parse(f.text, {})),
  };
  const names = Object.keys(passes) as (keyof typeof passes)[];
  // Unmeasured passes first, so every side is measured after the JIT has compiled it.
  for (let i = 0; i < 5; i++) for (const name of names) passes[name]();
  const result: ThroughputRuns = { ours: [], markdownlint: [], markdownIt: [] };
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(run + k) % names.length]!;
      result[name].push(elapsed(passes[name]));
    }
  }
  return result;
}

/** markdown-it's bare parse of one text, `samples` times after a warm-up: the reference for checking a large card. */
export function measureMarkdownItParse(text: string, samples: number): number[] {
  const md = new MarkdownIt();
  for (let i = 0; i < 10; i++) md.parse(text, {});
  return Array.from({ length: samples }, () => elapsed(() => md.parse(text, {})));
}
