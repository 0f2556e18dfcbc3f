import { analyze, type AnalyzeOptions } from "../analysis";
import type { Code } from "../rules/codes";
import { findLoss, type Loss } from "../text/nothingLost";
import { applyEdits, type Fix, type Problem, type TextEdit } from "../rules/problem";
import { severityOf, type Settings } from "../settings";

/** The code action kind of "fix all" for `editor.codeActionsOnSave` (`source.fixAll.modelCards`). */
export const FIX_ALL_KIND = "source.fixAll.modelCards";

/** `normalize`: only fixes that rewrite what is there; `all`: also the ones that add text, such as missing fields. */
export type FixScope = "normalize" | "all";

/** The fix of a problem each scope applies without asking: the first one of the problem's fixes it accepts. */
export const FIX_SCOPES: Readonly<Record<FixScope, (fix: Fix) => boolean>> = {
  normalize: (fix) => fix.normalizes === true,
  all: (fix) => fix.preferred === true || fix.normalizes === true,
};

export interface ChosenFix {
  readonly problem: Problem;
  readonly fix: Fix;
}

export interface ChosenFixes {
  readonly chosen: readonly ChosenFix[];
  /** Problems whose fix overlaps one chosen earlier, so it cannot be applied in the same pass. */
  readonly skipped: readonly Problem[];
  readonly edits: readonly TextEdit[];
}

/** Half-open overlap: an insert at the edge of a replaced span does not conflict with it; one inside it does. */
const conflicts = (a: TextEdit, b: TextEdit): boolean => a.span.start < b.span.end && b.span.start < a.span.end;

/** One accepted fix per problem, in problem order, leaving out fixes that overlap one already chosen. */
export function chooseFixes(problems: readonly Problem[], accept: (fix: Fix) => boolean): ChosenFixes {
  const chosen: ChosenFix[] = [];
  const skipped: Problem[] = [];
  const edits: TextEdit[] = [];
  for (const problem of problems) {
    const fix = problem.fixes.find(accept);
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((taken) => conflicts(e, taken)))) {
      skipped.push(problem);
      continue;
    }
    chosen.push({ problem, fix });
    edits.push(...fix.edits);
  }
  return { chosen, skipped, edits };
}

export interface AppliedFix {
  readonly code: Code;
  readonly title: string;
}

export interface FixAllResult {
  readonly text: string;
  readonly applied: readonly AppliedFix[];
  /** Set when a round of fixes would have lost text: that round is not applied (the rounds before are). */
  readonly refused: Loss | undefined;
}

/** Fixes that overlap wait for the next round; a card needs two or three, ten means a fix that undoes another. */
const MAX_ROUNDS = 10;

/**
 * Applies the fixes of a scope to the problems the settings leave on, round after round (fixes that
 * overlap wait for the next), until no fix is left: running it again on the result changes nothing.
 */
export function fixAll(uri: string, text: string, options: AnalyzeOptions, settings: Settings, scope: FixScope): FixAllResult {
  const applied: AppliedFix[] = [];
  let fixable = Infinity;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const problems = analyze(uri, text, options).problems.filter((p) => severityOf(settings, p.code) !== "off");
    const { chosen, skipped, edits } = chooseFixes(problems, FIX_SCOPES[scope]);
    // A round must leave fewer fixable problems than the one before; otherwise a fix brings its own problem back.
    if (chosen.length === 0 || chosen.length + skipped.length >= fixable) break;
    fixable = chosen.length + skipped.length;
    const next = applyEdits(text, edits);
    const refused = findLoss(text, edits, next);
    if (refused) return { text, applied, refused };
    applied.push(...chosen.map(({ problem, fix }) => ({ code: problem.code, title: fix.title })));
    text = next;
  }
  return { text, applied, refused: undefined };
}
