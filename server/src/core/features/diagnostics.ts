import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { CONFIG_CODES, type ConfigProblem } from "../config";
import { splitLines } from "../text/lines";
import { Positions } from "../text/positions";
import type { Severity } from "../rules/codes";
import type { Problem } from "../rules/problem";
import { severityOf, type Settings } from "../settings";

export const SOURCE = "model-cards";

const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A problem as the LSP diagnostic the user sees, or undefined when its code is turned off. */
export function toDiagnostic(analysis: Analysis, problem: Problem, settings: Settings): Diagnostic | undefined {
  const level = severityOf(settings, problem.code);
  if (level === "off") return undefined;
  return { range: analysis.positions.range(problem.span), severity: LSP_SEVERITY[level], code: problem.code, source: SOURCE, message: problem.message };
}

export function diagnostics(analysis: Analysis, settings: Settings): Diagnostic[] {
  return analysis.problems.flatMap((p) => toDiagnostic(analysis, p, settings) ?? []);
}

/** The problems of a `.modelcards.yaml` as diagnostics on that file, at their own severities. */
export function configDiagnostics(text: string, problems: readonly ConfigProblem[]): Diagnostic[] {
  const positions = new Positions(splitLines(text));
  return problems.map((p) => ({ range: positions.range(p.span), severity: LSP_SEVERITY[CONFIG_CODES[p.code].severity], code: p.code, source: SOURCE, message: p.message }));
}
