/**
 * `model-cards check`: the editor's checks and fixes for CI. Everything it knows about cards comes
 * from the core's CardService; this file only finds files and configs, writes fixes, and reports.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { version } from "../../../package.json";
import { parseCommandLine, UsageError, USAGE, type CheckOptions } from "./args";
import { checkDocument, configResult, uriOf, type Checked } from "./check";
import { ConfigFinder } from "./configs";
import { FORMATTERS } from "./formats";
import { exportCards } from "./export";
import { decode, expandOperand, readText, type Read } from "./inputs";
import { displayPath, totals, type FileResult } from "./report";

/** The process around the command, passed in so tests can run it in-process. */
export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Uint8Array>;
}

const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** What standard input is called when `--stdin-filename` does not name it. */
const STDIN = "<stdin>";

interface Target {
  /** Absolute path, or STDIN. */
  readonly file: string;
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
    if (command.command === "export") return exportCards(command, io);
    return await check(command, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`model-cards: ${e.message}\nRun model-cards --help for usage.\n`);
    return EXIT.usage;
  }
}

function fixWritten(checked: Checked, file: string, original: string): Checked {
  if (checked.text === original) return checked;
  try {
    writeFileSync(file, checked.text);
    return checked;
  } catch (e) {
    return { ...checked, result: { ...checked.result, fixed: [], failure: `could not write the fixes: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

async function check(options: CheckOptions, io: Io): Promise<number> {
  const operands = options.operands.map((operand) => expandOperand(operand, io.cwd));
  const configs = new ConfigFinder(io.cwd, options.config);
  const stdinFile = options.stdinFilename === undefined ? STDIN : path.resolve(io.cwd, options.stdinFilename);
  // A file named twice (a folder and a glob) is checked once, for the first operand that named it.
  const seen = new Set<string>();
  const targets: Target[] = operands.flatMap((o, operand) => (o.operand === "-" ? [stdinFile] : o.files).filter((f) => !seen.has(f) && seen.add(f)).map((file) => ({ file, operand })));
  const configOf = (file: string) => configs.forFile(file === STDIN ? path.join(io.cwd, STDIN) : file);
  for (const target of targets) configOf(target.file);

  const configResults = configs.files().map((c) => configResult(c.path!, c.text, c.config, c.failure));
  const brokenConfigs = configResults.filter((r) => r.failure !== undefined || r.problems.some((p) => p.severity === "error"));
  if (brokenConfigs.length > 0) {
    io.stdout(FORMATTERS[options.format](brokenConfigs, { cwd: io.cwd, version }));
    io.stderr(`model-cards: fix the config file${brokenConfigs.length > 1 ? "s" : ""} first: ${brokenConfigs.map((r) => displayPath(r.path, io.cwd)).join(", ")}\n`);
    return EXIT.usage;
  }

  const stdin = operands.some((o) => o.operand === "-") ? await io.readStdin() : undefined;
  const results: FileResult[] = [...configResults.filter((r) => r.problems.length > 0), ...operands.flatMap((o) => o.failures.map((f) => failed(f.path, f.message)))];
  const cardsPerOperand = operands.map(() => 0);
  for (const target of targets) {
    const read: Read = target.file === stdinFile && stdin ? decode(stdin) : readText(target.file);
    if (read.failure !== undefined) {
      results.push(failed(target.file, read.failure));
      continue;
    }
    const { service } = configOf(target.file);
    const uri = target.file === STDIN ? "untitled:stdin" : uriOf(target.file);
    let checked: Checked;
    try {
      checked = checkDocument(service, target.file, uri, read.text, options.fix);
    } catch (e) {
      // The core never throws by design; if it does, say so for this file and go on with the others.
      results.push(failed(target.file, `internal error while checking it, please report: ${e instanceof Error ? e.message : String(e)}`));
      continue;
    }
    if (options.fix && target.file !== stdinFile) checked = fixWritten(checked, target.file, read.text);
    if (checked.result.kind !== undefined) cardsPerOperand[target.operand]!++;
    else if (!operands[target.operand]!.expectsCards) io.stderr(`model-cards: ${displayPath(target.file, io.cwd)}: not a card (no models or benchmarks tag, not in cardGlobs), skipped\n`);
    results.push(checked.result);
  }
  operands.forEach((o, i) => {
    if (o.expectsCards && cardsPerOperand[i] === 0 && o.failures.length === 0) {
      results.push(failed(path.resolve(io.cwd, o.operand), `no cards here: ${o.files.length} file(s), none tagged models or benchmarks or matched by cardGlobs`));
    }
  });

  const all = totals(results);
  const shown = options.quiet ? results.map((r) => ({ ...r, problems: r.problems.filter((p) => p.severity === "error") })) : results;
  io.stdout(FORMATTERS[options.format](shown, { cwd: io.cwd, version }));
  for (const r of results) if (r.failure !== undefined) io.stderr(`model-cards: ${displayPath(r.path, io.cwd)}: ${r.failure}\n`);
  const tooManyWarnings = options.maxWarnings !== undefined && all.bySeverity.warning > options.maxWarnings;
  if (tooManyWarnings) io.stderr(`model-cards: ${all.bySeverity.warning} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  return all.bySeverity.error > 0 || all.failures > 0 || tooManyWarnings ? EXIT.problems : EXIT.ok;
}

const failed = (file: string, message: string): FileResult => ({ path: file, role: "document", kind: undefined, problems: [], fixed: [], failure: message });
