import { cardKindName } from "../core/analysis";
import { pathToFileURL } from "node:url";
import { Diagnostic, DiagnosticSeverity } from "vscode-languageserver-types";
import type { Config } from "../core/config";
import { CONFIG_CODES } from "../core/config";
import type { AppliedFix, FixScope } from "../core/features/fixAll";
import type { Severity } from "../core/rules/codes";
import type { CardService } from "../core/service";
import { splitLines } from "../core/text/lines";
import { Positions } from "../core/text/positions";
import type { CliProblem, FileResult } from "./report";

const SEVERITY: Readonly<Record<DiagnosticSeverity, Severity>> = {
  [DiagnosticSeverity.Error]: "error",
  [DiagnosticSeverity.Warning]: "warning",
  [DiagnosticSeverity.Information]: "information",
  [DiagnosticSeverity.Hint]: "hint",
};

/** The editor's diagnostic, as the CLI prints it. */
function fromDiagnostic(d: Diagnostic): CliProblem {
  return { code: String(d.code), severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error], message: Diagnostic.getMessageString(d), range: d.range };
}

/** The URI a file is checked as: the one an editor would open it with, so every check sees the same name. */
export const uriOf = (file: string): string => pathToFileURL(file).href;

export interface Checked {
  readonly result: FileResult;
  /** The text after `--fix`; the text as read without it. */
  readonly text: string;
}

/**
 * Checks one document through the same service the editor uses: `--fix` first (the result is what
 * gets written), then the diagnostics of the final text, exactly as the editor would publish them.
 */
export function checkDocument(service: CardService, file: string, uri: string, text: string, fix: FixScope | undefined): Checked {
  let current = text;
  let fixed: readonly AppliedFix[] = [];
  let failure: string | undefined;
  if (fix) {
    const outcome = service.fixAll({ uri, version: 0, getText: () => text }, fix);
    current = outcome.text;
    fixed = outcome.applied;
    if (outcome.refused) {
      const at = new Positions(splitLines(current)).positionAt(outcome.refused.offset);
      failure = `--fix stopped before a fix that would have lost ${JSON.stringify(outcome.refused.char)} at ${at.line + 1}:${at.character + 1} (the fixes before it were applied); please report this`;
    }
  }
  const document = { uri, version: 1, getText: () => current };
  const kind = cardKindName(service.analysis(document));
  // In reading order, as a person goes through a file; the editor lists them by position too.
  const problems = service.diagnostics(document).map(fromDiagnostic).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  service.forget(uri);
  return { result: { path: file, role: "document", kind, problems, fixed, failure }, text: current };
}

/** A config file's own problems, as a result of their own. */
export function configResult(file: string, text: string, config: Config, failure: string | undefined): FileResult {
  const positions = new Positions(splitLines(text));
  const problems = config.problems.map((p) => ({ code: p.code, severity: CONFIG_CODES[p.code].severity, message: p.message, range: positions.range(p.span) }));
  return { path: file, role: "config", kind: undefined, problems, fixed: [], failure };
}
