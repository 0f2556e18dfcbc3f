/**
 * `model-cards check`: the editor's checks and fixes for CI. Everything it knows about cards comes
 * from the core's CardService; this file only finds files and configs, writes fixes, and reports.
 */
import * as path from "node:path";
import { version } from "../../../package.json";
import { parseCommandLine, UsageError, USAGE, type CheckOptions } from "./args";
import { BaselineFiles, type BaselineFile } from "./baseline";
import { checkFile, configResult, fileUris, type CheckTarget } from "./check";
import { decode } from "../node/files";
import { ReadAhead } from "../node/readAhead";
import { ConfigFinder, STDIN_URI } from "./configs";
import { formatAll, FORMATTERS } from "./formats";
import { expandOperand, type Operand } from "./inputs";
import { exportCards } from "./export";
import { displayPath, failed, Tally, type FileResult } from "./report";
import type { FileSystem } from "./write";

/** The process around the command, passed in so tests can run it in-process. */
export interface Io {
  readonly cwd: string;
  readonly stdout: (output: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Uint8Array>;
  /** The file system `--fix` writes through; node's unless a test injects failures. */
  readonly files?: FileSystem;
}

const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** What standard input is called when `--stdin-filename` does not name it. */
const STDIN = "<stdin>";

interface Target extends CheckTarget {
  /** Index of the operand that named it. */
  readonly operand: number;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.command === "help") {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (command.command === "version") {
      io.stdout(`${version}\n`);
      return EXIT.ok;
    }
    if (command.command === "export") return await exportCards(command, io);
    return await check(command, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`model-cards: ${e.message}\nRun model-cards --help for usage.\n`);
    return EXIT.usage;
  }
}

async function check(options: CheckOptions, io: Io): Promise<number> {
  // The reader starts now, while the operands are expanded, and reads while configs and baselines load.
  const reads = new ReadAhead(options.maxFileBytes);
  try {
    return await checkOperands(options, io, reads);
  } finally {
    reads.close();
  }
}

async function checkOperands(options: CheckOptions, io: Io, reads: ReadAhead): Promise<number> {
  const operands = await Promise.all(options.operands.map((operand) => expandOperand(operand, io.cwd)));
  const configs = new ConfigFinder(io.cwd, options.config);
  const stdinFile = options.stdinFilename === undefined ? STDIN : path.resolve(io.cwd, options.stdinFilename);
  // A file named twice (a folder and a glob) is checked once, for the first operand that named it.
  const seen = new Set<string>();
  const uriOf = fileUris();
  const targets: Target[] = operands.flatMap((o, operand) =>
    (o.operand === "-" ? [stdinFile] : o.files).filter((f) => !seen.has(f) && seen.add(f)).map((file) => ({ file, uri: file === STDIN ? STDIN_URI : uriOf(file), operand })),
  );
  const readsStdin = operands.some((o) => o.operand === "-");
  const isStdin = (target: Target): boolean => readsStdin && target.file === stdinFile;
  reads.read(targets.filter((t) => !isStdin(t)).map((t) => t.file));
  return checkTargets({ options, io, operands, targets, configs, reads, isStdin });
}

/** What `check` found and set up for the checks of its targets. */
interface CheckSetup {
  readonly options: CheckOptions;
  readonly io: Io;
  readonly operands: readonly Operand[];
  readonly targets: readonly Target[];
  readonly configs: ConfigFinder;
  /** The targets' texts in order, but standard input's. */
  readonly reads: ReadAhead;
  readonly isStdin: (target: Target) => boolean;
}

async function checkTargets({ options, io, operands, targets, configs, reads, isStdin }: CheckSetup): Promise<number> {
  await configs.load(targets.map((t) => t.uri));

  const configResults = configs.files().map((c) => configResult(c.path, c.text, c.config, c.failure));
  const brokenConfigs = configResults.filter((r) => r.failure !== undefined || r.problems.some((p) => p.severity === "error"));
  if (brokenConfigs.length > 0) {
    io.stdout(formatAll(FORMATTERS[options.format]({ cwd: io.cwd, version }), brokenConfigs));
    // Not every format shows why a config could not be read: say it here too.
    for (const r of brokenConfigs) if (r.failure !== undefined) io.stderr(`model-cards: ${displayPath(r.path, io.cwd)}: ${r.failure}\n`);
    io.stderr(`model-cards: fix the config file${brokenConfigs.length > 1 ? "s" : ""} first: ${brokenConfigs.map((r) => displayPath(r.path, io.cwd)).join(", ")}\n`);
    return EXIT.usage;
  }

  const baselines = new BaselineFiles(io.cwd);
  // Every baseline is read before the first file is checked: one that cannot be used stops the run.
  const baselineOf = new Map<Target, BaselineFile>(targets.map((t) => [t, baselines.forConfig(configs.configPathOf(t.uri))]));
  const brokenBaselines = baselines.all().filter((b) => b.failure !== undefined);
  // A baseline that cannot be read hides nothing; rather than report every old problem as new, stop.
  if (brokenBaselines.length > 0 && options.baseline !== "suppress-all") {
    for (const b of brokenBaselines) io.stderr(`model-cards: ${displayPath(b.path, io.cwd)} cannot be used: ${b.failure!}
`);
    return EXIT.usage;
  }
  for (const b of brokenBaselines) io.stderr(`model-cards: ${displayPath(b.path, io.cwd)} could not be read (${b.failure!}); --suppress-all writes it anew\n`);

  const stdin = targets.some(isStdin) ? await io.readStdin() : undefined;
  const out = new ChunkedOutput(io.stdout);
  const report = FORMATTERS[options.format]({ cwd: io.cwd, version });
  const tally = new Tally();
  /** What goes to standard error once the report is written: notes and why paths failed. */
  const afterReport: string[] = [];
  const write = (result: FileResult): void => {
    tally.add(result);
    out.add(report.file(options.quiet ? { ...result, problems: result.problems.filter((p) => p.severity === "error") } : result));
    for (const note of result.notes ?? []) afterReport.push(`model-cards: ${displayPath(result.path, io.cwd)}: ${note}\n`);
    if (result.failure !== undefined) afterReport.push(`model-cards: ${displayPath(result.path, io.cwd)}: ${result.failure}\n`);
  };
  out.add(report.start);
  for (const r of configResults) if (r.problems.length > 0) write(r);
  for (const o of operands) for (const f of o.failures) write(failed(f.path, f.message));
  const cardsPerOperand = operands.map(() => 0);
  const how = { fix: options.fix, files: io.files };
  for (const target of targets) {
    let result = checkFile(configs.service, target, how, isStdin(target) ? decode(stdin!) : await reads.next());
    if (result.kind !== undefined) result = { ...result, problems: baselineOf.get(target)!.filter(target.uri, result.problems, options.baseline) };
    if (result.kind !== undefined) cardsPerOperand[target.operand]!++;
    else if (result.failure === undefined && !operands[target.operand]!.expectsCards) io.stderr(`model-cards: ${displayPath(target.file, io.cwd)}: not a card (no models or benchmarks tag, not in cardGlobs), skipped\n`);
    write(result);
  }
  operands.forEach((o, i) => {
    if (o.expectsCards && cardsPerOperand[i] === 0 && o.failures.length === 0) {
      write(failed(path.resolve(io.cwd, o.operand), `no cards here: ${o.files.length} file(s), none tagged models or benchmarks or matched by cardGlobs`));
    }
  });
  out.add(report.end());
  out.flush();
  for (const line of afterReport) io.stderr(line);

  const all = tally.totals();
  const tooManyWarnings = options.maxWarnings !== undefined && all.bySeverity.warning > options.maxWarnings;
  if (tooManyWarnings) io.stderr(`model-cards: ${all.bySeverity.warning} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  const baselineExit = settleBaselines(baselines.all(), options, io);
  if (baselineExit !== undefined) return baselineExit;
  return all.bySeverity.error > 0 || all.failures > 0 || tooManyWarnings ? EXIT.problems : EXIT.ok;
}

/** Bytes per write of the report. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The report as UTF-8, in chunks of 64 KiB: a write per file would be 10,000 system calls on a
 * large tree, and encoding each part straight into the chunk costs a third of joining the parts
 * into one string and encoding that.
 */
class ChunkedOutput {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly write: (bytes: Uint8Array) => void) {}

  add(text: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8: with that much room, the text fits whole.
    if (this.used + text.length * 3 > CHUNK_BYTES) {
      this.flush();
      if (text.length * 3 > CHUNK_BYTES) {
        this.write(Buffer.from(text));
        return;
      }
    }
    this.used += this.chunk.write(text, this.used);
  }

  flush(): void {
    if (this.used === 0) return;
    this.write(this.chunk.subarray(0, this.used));
    // A new chunk, not the same one again: a stream may still hold the last (pipes write asynchronously on some platforms).
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }
}

/** Writes the baselines for --suppress-all and --prune-suppressions; in a plain check, stops on one that records fixed problems. */
function settleBaselines(files: readonly BaselineFile[], options: CheckOptions, io: Io): number | undefined {
  for (const baseline of files) {
    const name = displayPath(baseline.path, io.cwd);
    if (options.baseline === "check") {
      const stale = baseline.stale();
      if (stale === 0) continue;
      io.stderr(`model-cards: ${name} records ${stale === 1 ? "1 problem that is" : `${stale} problems that are`} gone (fixed, or their file removed): run model-cards check --prune-suppressions to drop ${stale === 1 ? "it" : "them"}, so that they cannot come back unnoticed\n`);
      return EXIT.usage;
    }
    const before = baseline.stale();
    try {
      const recorded = baseline.write(baseline.next(options.baseline));
      io.stderr(options.baseline === "suppress-all" ? `model-cards: ${name} now records ${recorded} problem${recorded === 1 ? "" : "s"}\n` : `model-cards: ${name}: dropped ${before} fixed problem${before === 1 ? "" : "s"}, ${recorded} still recorded\n`);
    } catch (e) {
      io.stderr(`model-cards: could not write ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.usage;
    }
  }
  return undefined;
}
