import { analyze, type AnalyzeOptions } from "../analysis";
import type { Code } from "../rules/codes";
import { findLoss, fixLoss, type Loss } from "../text/nothingLost";
import { applyEdits, type Fix, type Problem, type SpanEdit } from "../rules/problem";
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
  readonly edits: readonly SpanEdit[];
}

const isInsert = (e: SpanEdit): boolean => e.span.start === e.span.end;

/**
 * Edits conflict when their spans overlap, and when one inserts at the edge of text the other
 * replaces: the insert was placed relative to that text (a missing child at the end of a field
 * that a move deletes there), so it waits for the next round, when it is placed anew.
 */
function conflicts(a: SpanEdit, b: SpanEdit): boolean {
  if (a.span.start < b.span.end && b.span.start < a.span.end) return true;
  const touches = (insert: SpanEdit, other: SpanEdit): boolean => isInsert(insert) && !isInsert(other) && (insert.span.start === other.span.start || insert.span.start === other.span.end);
  return touches(a, b) || touches(b, a);
}

/** One accepted fix per problem, in problem order, leaving out fixes that overlap one already chosen. */
export function chooseFixes(problems: readonly Problem[], accept: (fix: Fix, problem: Problem) => boolean): ChosenFixes {
  const chosen: ChosenFix[] = [];
  const skipped: Problem[] = [];
  const edits: SpanEdit[] = [];
  for (const problem of problems) {
    const fix = problem.fixes.find((fix) => accept(fix, problem));
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
  /** The user's text it replaced by design (a misspelt label, `yes` for ✅), when it did. */
  readonly replaced?: readonly string[];
}

/** A fix the nothing-lost guard held back: applying it would have dropped `loss` from the text. */
export interface RefusedFix {
  readonly code: Code;
  readonly title: string;
  readonly loss: Loss;
}

export interface FixAllResult {
  readonly text: string;
  readonly applied: readonly AppliedFix[];
  /** Fixes held back because they would have lost text (each once); their problems stay. */
  readonly refused: readonly RefusedFix[];
}

/** Fixes that overlap wait for the next round; a card needs two or three, ten means fixes that keep rewriting each other. */
const MAX_ROUNDS = 10;

/**
 * The chosen fixes that may be applied together. Each passed the guard alone; together they nearly
 * always do, and when they do not (edits on one line that join words), they are taken one by one.
 */
function safeTogether(text: string, chosen: readonly ChosenFix[], edits: readonly SpanEdit[]): { chosen: ChosenFix[]; edits: SpanEdit[] } {
  const replaces = (fixes: readonly ChosenFix[]): string[] => fixes.flatMap((c) => c.fix.replaces ?? []);
  if (!findLoss(text, edits, replaces(chosen))) return { chosen: [...chosen], edits: [...edits] };
  const taken: ChosenFix[] = [];
  const takenEdits: SpanEdit[] = [];
  for (const c of chosen) {
    if (findLoss(text, [...takenEdits, ...c.fix.edits], replaces([...taken, c]))) continue;
    taken.push(c);
    takenEdits.push(...c.fix.edits);
  }
  return { chosen: taken, edits: takenEdits };
}

/**
 * Applies the fixes of a scope to the problems the settings leave on, round after round (fixes that
 * overlap wait for the next), until no fix is left: running it again on the result changes nothing.
 * Every fix passes the nothing-lost guard, alone and with the others of its round; one that fails
 * is not applied.
 */
export function fixAll(uri: string, text: string, options: AnalyzeOptions, settings: Settings, scope: FixScope): FixAllResult {
  const applied: AppliedFix[] = [];
  const refused = new Map<string, RefusedFix>();
  // A text seen before means fixes undo each other: stop there rather than go round in circles.
  const seen = new Set([text]);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const problems = analyze(uri, text, options).problems.filter((p) => severityOf(settings, p.code) !== "off");
    const current = text;
    const accept = (fix: Fix, problem: Problem): boolean => {
      if (!FIX_SCOPES[scope](fix)) return false;
      const loss = fixLoss(current, fix);
      if (loss) refused.set(`${problem.code}\u0000${fix.title}\u0000${loss.token}`, { code: problem.code, title: fix.title, loss });
      return loss === undefined;
    };
    const candidates = chooseFixes(problems, accept);
    const { chosen, edits } = safeTogether(text, candidates.chosen, candidates.edits);
    if (chosen.length === 0) break;
    const next = applyEdits(text, edits);
    if (seen.has(next)) break;
    seen.add(next);
    applied.push(...chosen.map(({ problem, fix }) => ({ code: problem.code, title: fix.title, ...(fix.replaces && { replaced: fix.replaces }) })));
    text = next;
  }
  return { text, applied, refused: [...refused.values()] };
}
