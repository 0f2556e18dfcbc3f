/**
 * The baseline files of a `check` run: where each lives (beside the `.modelcards.yaml` in force,
 * else in the working folder), what they record, what the checked files have now, and writing
 * them back for `--suppress-all` and `--prune-suppressions`. The counting rules are the core's.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BASELINE_FILE, baselineKey, beyondBaseline, countCodes, gone, parseBaseline, pruned, serializeBaseline, type Baseline, type CodeCounts } from "../core/suppress/baseline";
import { writeAtomically } from "./write";
import { decode, describe, type Read } from "../node/files";
import type { CliProblem } from "./report";

/** What a run does with the baseline: honour it, record every problem in it, or drop what was fixed from it. */
export type BaselineMode = "check" | "suppress-all" | "prune";

/** The file's text, nothing when it does not exist yet; read at once, as the run's first step needs it. */
function readIfPresent(file: string): Read | { readonly text?: undefined; readonly failure?: undefined } {
  if (!existsSync(file)) return {};
  try {
    return decode(readFileSync(file));
  } catch (e) {
    return { failure: describe(e) };
  }
}

export class BaselineFile {
  readonly rootUri: string;
  /** The recorded counts; empty when the file does not exist yet. */
  readonly recorded: Baseline;
  /** Why the file cannot be used, when it cannot. */
  readonly failure: string | undefined;
  /** What each checked file has now, by key. */
  private readonly actual = new Map<string, CodeCounts>();

  constructor(readonly path: string) {
    this.rootUri = pathToFileURL(dirname(this.path)).href;
    const read = readIfPresent(this.path);
    const parsed = read.text === undefined ? undefined : parseBaseline(read.text);
    this.recorded = parsed?.baseline ?? new Map();
    this.failure = read.failure ?? parsed?.error;
  }

  /** The problems of a checked file to report: those beyond the recorded counts (none when recording). */
  filter(uri: string, problems: readonly CliProblem[], mode: BaselineMode): readonly CliProblem[] {
    const key = baselineKey(this.rootUri, uri);
    if (key === undefined) return problems;
    const recorded = this.recorded.get(key);
    // A plain check of a file the baseline does not record: nothing to hide, nothing that can go stale.
    if (mode === "check" && recorded === undefined) return problems;
    this.actual.set(key, countCodes(problems));
    if (mode === "suppress-all") return [];
    return beyondBaseline(problems, recorded);
  }

  /** Recorded files that no longer exist: their entries can only be stale. */
  private missing(): string[] {
    return [...this.recorded.keys()].filter((key) => !this.actual.has(key) && !existsSync(fileURLToPath(`${this.rootUri}/${encodeURI(key)}`)));
  }

  /** Recorded problems that are gone from the checked files, or whose file is gone. */
  stale(): number {
    let total = 0;
    for (const [key, counts] of this.actual) total += gone(this.recorded.get(key), counts);
    for (const key of this.missing()) total += [...this.recorded.get(key)!.values()].reduce((a, b) => a + b, 0);
    return total;
  }

  /** The baseline a mode writes: today's counts for the checked files, or the recorded ones lowered to them. */
  next(mode: Exclude<BaselineMode, "check">): Baseline {
    const next = new Map(this.recorded);
    for (const key of this.missing()) next.delete(key);
    for (const [key, counts] of this.actual) {
      const recorded = this.recorded.get(key);
      next.set(key, mode === "suppress-all" ? counts : recorded ? pruned(recorded, counts) : new Map());
    }
    return next;
  }

  /** Writes a baseline; returns how many problems it records. */
  write(baseline: Baseline): number {
    writeAtomically(this.path, serializeBaseline(baseline));
    return [...baseline.values()].reduce((sum, counts) => sum + [...counts.values()].reduce((a, b) => a + b, 0), 0);
  }
}

/** One BaselineFile per location, read once. */
export class BaselineFiles {
  private readonly files = new Map<string, BaselineFile>();
  /** The same, by the config they are beside: asked once per checked file, and thousands of files share a few configs. */
  private readonly byConfig = new Map<string | undefined, BaselineFile>();

  constructor(private readonly cwd: string) {}

  /** The baseline of a file governed by the config at `configPath` (none: the defaults). */
  forConfig(configPath: string | undefined): BaselineFile {
    const known = this.byConfig.get(configPath);
    if (known) return known;
    const file = join(configPath === undefined ? this.cwd : dirname(configPath), BASELINE_FILE);
    const baseline = this.files.get(file) ?? new BaselineFile(file);
    this.files.set(file, baseline);
    this.byConfig.set(configPath, baseline);
    return baseline;
  }

  all(): BaselineFile[] {
    return [...this.files.values()];
  }
}
