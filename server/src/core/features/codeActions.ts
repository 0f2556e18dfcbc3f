import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver-types";
import { offeredFixes, type Analysis } from "../analysis";
import { fixLoss } from "../text/nothingLost";
import type { Fix } from "../rules/problem";
import type { Settings } from "../settings";
import { overlaps, type Span } from "../text/span";
import { toDiagnostic } from "./diagnostics";

/** Whether an action of `kind` is wanted when the editor asks for `only` these kinds (a kind covers its sub-kinds). */
export const wantedKind = (only: readonly string[] | undefined, kind: string): boolean => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));

/**
 * Quick fixes for the problems that touch a span. Fixes are data (`offeredFixes`); this only turns
 * them into code actions, once per title (the "insert all missing" fix is on many problems), and
 * only those that keep every word of the card.
 */
export function codeActions(analysis: Analysis, span: Span, settings: Settings): CodeAction[] {
  const actions: CodeAction[] = [];
  const byTitle = new Map<string, CodeAction>();
  for (const problem of analysis.problems) {
    if (!overlaps(problem.span, span)) continue;
    const diagnostic = toDiagnostic(analysis, problem, settings);
    if (!diagnostic) continue;
    for (const fix of offeredFixes(analysis, problem)) {
      // A fix that would drop the user's text is not offered at all (rules/nothingLost.ts).
      if (fixLoss(analysis.parsed.text, fix)) continue;
      const existing = byTitle.get(fix.title);
      if (existing) {
        existing.diagnostics!.push(diagnostic);
        continue;
      }
      const action = toAction(analysis, fix, diagnostic);
      byTitle.set(fix.title, action);
      actions.push(action);
    }
  }
  return actions;
}

function toAction(analysis: Analysis, fix: Fix, diagnostic: Diagnostic): CodeAction {
  const edits = fix.edits.map((e) => analysis.positions.edit(e));
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred ?? false, edit: { changes: { [analysis.uri]: edits } } };
}
