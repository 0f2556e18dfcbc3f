import * as path from "node:path";
import type { Reported } from "../core/features/diagnostics";
import type { AppliedFix } from "../core/features/fixAll";
import type { Severity } from "../core/rules/codes";

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

export function totals(results: readonly FileResult[]): Totals {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const byCode: Record<string, number> = {};
  for (const problem of results.flatMap((r) => r.problems)) {
    bySeverity[problem.severity]++;
    byCode[problem.code] = (byCode[problem.code] ?? 0) + 1;
  }
  return {
    // A card whose fixes could not be written was still checked: it counts, with its failure.
    files: results.filter((r) => r.role === "document" && (r.failure === undefined || r.kind !== undefined)).length,
    cards: results.filter((r) => r.kind !== undefined).length,
    failures: results.filter((r) => r.failure !== undefined).length,
    problems: SEVERITIES.reduce((sum, s) => sum + bySeverity[s], 0),
    bySeverity,
    byCode: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => a.localeCompare(b))),
    fixed: results.reduce((sum, r) => sum + r.fixed.length, 0),
  };
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

/** 1-based start and end, as people and CI annotations count them (columns in UTF-16 code units). */
export function oneBased(problem: CliProblem): { line: number; column: number; endLine: number; endColumn: number } {
  const { start, end } = problem.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
