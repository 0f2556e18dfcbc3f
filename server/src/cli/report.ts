import * as path from "node:path";
import type { Reported } from "../core/features/diagnostics";
import type { AppliedFix } from "../core/features/fixAll";
import type { Severity } from "../core/rules/codes";
import { perFolder } from "./perFolder";

/** A problem as the CLI reports it: what the editor shows (0-based LSP range in UTF-16 units), or a config problem. */
export type CliProblem = Reported;

/** What happened to one path: a checked file (card or not), a config file with problems, or a failure. */
export interface FileResult {
  /** Absolute path, or the name standard input was checked as. */
  readonly path: string;
  /** A markdown file that was checked, or a config file with problems of its own. */
  readonly role: "document" | "config";
  /** The card kind's name ("model card"), or undefined for a file that is not a card. */
  readonly kind: string | undefined;
  readonly problems: readonly CliProblem[];
  /** The fixes `--fix` applied and wrote. */
  readonly fixed: readonly AppliedFix[];
  /** Why the path could not be checked (or fixed): unreadable, binary, not UTF-8, a folder with no cards. */
  readonly failure: string | undefined;
  /** What the user should know that is not a problem of the file: fixes the nothing-lost guard held back. */
  readonly notes?: readonly string[];
}

/** A path that could not be checked, and why. */
export const failed = (file: string, message: string): FileResult => ({ path: file, role: "document", kind: undefined, problems: [], fixed: [], failure: message });

export interface Totals {
  readonly files: number;
  readonly cards: number;
  readonly failures: number;
  readonly problems: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byCode: Readonly<Record<string, number>>;
  readonly fixed: number;
}

export const SEVERITIES: readonly Severity[] = ["error", "warning", "information", "hint"];

/**
 * The totals, kept file by file: the formats write each file as soon as it is checked and end with
 * these, so a run over 10,000 cards never holds every result (or one 12 MB string) at once.
 */
export class Tally {
  private files = 0;
  private cards = 0;
  private failures = 0;
  private fixed = 0;
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  private readonly byCode = new Map<string, number>();
  private unwrittenCards = 0;

  add(result: FileResult): void {
    // A card whose fixes could not be written was still checked: it counts, with its failure.
    if (result.role === "document" && (result.failure === undefined || result.kind !== undefined)) this.files++;
    if (result.kind !== undefined) this.cards++;
    if (result.failure !== undefined) this.failures++;
    if (result.failure !== undefined && result.kind !== undefined) this.unwrittenCards++;
    this.fixed += result.fixed.length;
    for (const problem of result.problems) {
      this.bySeverity[problem.severity]++;
      this.byCode.set(problem.code, (this.byCode.get(problem.code) ?? 0) + 1);
    }
  }

  /** Cards that were checked but whose fixes could not be written. */
  get unwritten(): number {
    return this.unwrittenCards;
  }

  totals(): Totals {
    return {
      files: this.files,
      cards: this.cards,
      failures: this.failures,
      problems: SEVERITIES.reduce((sum, s) => sum + this.bySeverity[s], 0),
      bySeverity: { ...this.bySeverity },
      // In code point order: for these ASCII codes the same as localeCompare's, whose first call
      // loads ICU's collator (15 ms of a run).
      byCode: Object.fromEntries([...this.byCode].sort(([a], [b]) => (a < b ? -1 : 1))),
      fixed: this.fixed,
    };
  }
}

export interface FormatContext {
  /** Paths are shown relative to it. */
  readonly cwd: string;
  readonly version: string;
}

/** A path as the user reads it: relative to the working folder when inside it (absolute otherwise), with `/` on every platform. */
export function displayPath(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  return (inside ? relative : file).split(path.sep).join("/");
}

/**
 * displayPath for the many files of one report: a name appended to its folder's shown form. Only
 * for an absolute path whose name does not start with "..", which alone can make displayPath read
 * the file as outside the folder.
 */
export const displayPaths = (cwd: string): ((file: string) => string) =>
  perFolder(
    (file) => displayPath(file, cwd),
    (dir) => displayPath(path.join(dir, "x"), cwd).slice(0, -1),
    (file, name) => path.isAbsolute(file) && !name.startsWith(".."),
  );

/** 1-based start and end, as people and CI annotations count them (columns in UTF-16 code units). */
export function oneBased(problem: CliProblem): { line: number; column: number; endLine: number; endColumn: number } {
  const { start, end } = problem.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
