import { DiagnosticSeverity, type Diagnostic, type Range } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { CONFIG_CODES, type ConfigProblem } from "../config";
import { splitLines } from "../text/lines";
import { Positions } from "../text/positions";
import type { Severity } from "../rules/codes";
import type { Problem } from "../rules/problem";
import { severityOf, type Settings } from "../settings";

export const SOURCE = "model-cards";

/**
 * A problem as the user sees it, at its severity in force and its place in UTF-16 positions: what
 * the CLI prints, and what the editor shows once `toLspDiagnostic` gives it LSP's severity numbers.
 */
export interface Reported {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
}

const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const toLspDiagnostic = (r: Reported): Diagnostic => ({ range: r.range, severity: LSP_SEVERITY[r.severity], code: r.code, source: SOURCE, message: r.message });

/** A problem as reported, or undefined when its code is turned off. */
function report(analysis: Analysis, problem: Problem, settings: Settings): Reported | undefined {
  const level = severityOf(settings, problem.code);
  if (level === "off") return undefined;
  return { code: problem.code, severity: level, message: problem.message, range: analysis.positions.range(problem.span) };
}

/** A problem as the LSP diagnostic the user sees, or undefined when its code is turned off. */
export function toDiagnostic(analysis: Analysis, problem: Problem, settings: Settings): Diagnostic | undefined {
  const reported = report(analysis, problem, settings);
  return reported && toLspDiagnostic(reported);
}

/** Every problem of the analysis that is not turned off, in the order the rules found them. */
export function reportedProblems(analysis: Analysis, settings: Settings): Reported[] {
  // A loop, not flatMap: flatMap checks each result for an array to spread, and this runs for every problem of every file checked.
  const reported: Reported[] = [];
  for (const problem of analysis.problems) {
    const one = report(analysis, problem, settings);
    if (one) reported.push(one);
  }
  return reported;
}

export function diagnostics(analysis: Analysis, settings: Settings): Diagnostic[] {
  return reportedProblems(analysis, settings).map(toLspDiagnostic);
}

/** The problems of a `.modelcards.yaml`, at their own severities. */
export function configProblems(text: string, problems: readonly ConfigProblem[]): Reported[] {
  const positions = new Positions(splitLines(text));
  return problems.map((p) => ({ code: p.code, severity: CONFIG_CODES[p.code].severity, message: p.message, range: positions.range(p.span) }));
}
