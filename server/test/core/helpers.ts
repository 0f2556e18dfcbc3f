/**
 * What the core tests share: fixtures, running a case once per line ending, and applying fixes the
 * way an editor would, with the one "nothing lost" rule every fix must keep.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import * as path from "node:path";
import { analyze, offeredFixes, type Analysis } from "../../src/core/analysis";
import type { CardKindSpec } from "../../src/core/schema";
import type { Code } from "../../src/core/rules/codes";
import { chooseFixes, FIX_SCOPES } from "../../src/core/features/fixAll";
import { findLoss } from "../../src/core/text/nothingLost";
import { applyEdits, type Fix, type Problem, type SpanEdit } from "../../src/core/rules/problem";

export const REPO_ROOT = path.resolve(__dirname, "../../..");
export const RULE_FIXTURES = path.join(REPO_ROOT, "server/test/fixtures/rules");

export const readFixture = (name: string): string => readFileSync(path.join(RULE_FIXTURES, name), "utf8");
export const fixtureNames = (): string[] => readdirSync(RULE_FIXTURES).filter((f) => f.endsWith(".md")).sort();

export const toCrlf = (text: string): string => text.replace(/\r?\n/g, "\r\n");

/** Tables and scenarios run once per line ending an editor may hand the server. */
export const LINE_ENDINGS: readonly { readonly name: string; readonly convert: (text: string) => string }[] = [
  { name: "LF", convert: (text) => text },
  { name: "CRLF", convert: toCrlf },
];

/** A Jekyll post path, so the file-name date check has a date to compare with. */
export const POST_URI = "file:///site/_posts/2021-07-07-TinyCoder.md";

export interface CardOptions {
  readonly uri?: string;
  readonly forcedCard?: boolean;
  /** The card kinds in force, when a project config extends the built-in schema. */
  readonly kinds?: readonly CardKindSpec[];
}

export const analyzeCard = (text: string, options: CardOptions = {}): Analysis =>
  analyze(options.uri ?? POST_URI, text, { forcedCard: options.forcedCard ?? false, today: new Date(), ...(options.kinds ? { kinds: options.kinds } : {}) });

export const lineOf = (analysis: Analysis, problem: Problem): number => analysis.positions.positionAt(problem.span.start).line;

/** `line: code` for every problem, sorted: what a fixture's markers are compared with. */
export const problemLines = (analysis: Analysis): string[] => analysis.problems.map((p) => `${lineOf(analysis, p)}: ${p.code}`).sort();

export const preferredFix = (problem: Problem): Fix | undefined => problem.fixes.find((f) => f.preferred === true);

export interface ChosenFixes {
  /** Problems whose preferred fix was chosen. */
  readonly fixed: readonly Problem[];
  /** Problems whose preferred fix overlaps one chosen earlier, so it cannot be applied in the same pass. */
  readonly skipped: readonly Problem[];
  readonly edits: readonly SpanEdit[];
  /** What the chosen fixes declare they replace. */
  readonly replaces: readonly string[];
}

/** One preferred fix per problem, in problem order (the core's choice for `--fix=all`), leaving out fixes that overlap one already chosen. */
export function choosePreferredFixes(problems: readonly Problem[]): ChosenFixes {
  const { chosen, skipped, edits } = chooseFixes(problems, FIX_SCOPES.all);
  return { fixed: chosen.map((c) => c.problem), skipped, edits, replaces: chosen.flatMap((c) => c.fix.replaces ?? []) };
}

/** The core's nothing-lost rule (rules/nothingLost.ts) as an assertion that shows where the text went missing. */
export function assertNothingLost(original: string, edits: readonly SpanEdit[], fixed: string, replaces: readonly string[] = []): void {
  const lost = findLoss(original, edits, replaces);
  if (!lost) return;
  const context = original.slice(Math.max(0, lost.offset - 30), lost.offset + 30);
  assert.fail(`a fix lost ${JSON.stringify(lost.token)} at offset ${lost.offset} of the original, in ${JSON.stringify(context)}\nfixed text:\n${fixed}`);
}

/** Applies edits and checks the nothing-lost rule on the way. */
export function applyChecked(text: string, edits: readonly SpanEdit[], replaces: readonly string[] = []): string {
  const fixed = applyEdits(text, edits);
  assertNothingLost(text, edits, fixed, replaces);
  return fixed;
}

export interface FixChoice extends CardOptions {
  /** The fix's title; the problem's preferred fix when omitted. */
  readonly title?: string;
}

/** Applies one fix of the first problem with `code` that offers it; fails listing what was offered otherwise. */
export function applyFixFor(text: string, code: Code, choice: FixChoice = {}): string {
  const analysis = analyzeCard(text, choice);
  const candidates = analysis.problems.filter((p) => p.code === code);
  for (const problem of candidates) {
    const fix = choice.title === undefined ? preferredFix(problem) : offeredFixes(analysis, problem).find((f) => f.title === choice.title);
    if (fix) return applyChecked(text, fix.edits, fix.replaces);
  }
  const offered = candidates.map((p) => `${p.message} → [${offeredFixes(analysis, p).map((f) => f.title).join(" | ")}]`);
  return assert.fail(`no ${code} problem offers ${choice.title ?? "a preferred fix"}; found ${offered.length > 0 ? offered.join("\n") : "no such problem"}\nproblems: ${problemLines(analysis).join(", ")}`);
}

/** The codes of an analysis, as a sorted list (duplicates kept). */
export const codesOf = (analysis: Analysis): Code[] => analysis.problems.map((p) => p.code).sort();

/**
 * Replaces the top-level block that starts with `head` (its line and every indented line under
 * it) with `lines`; an empty list removes the block. Fails when the block is not there.
 */
export function replaceBlock(card: string, head: string, lines: readonly string[]): string {
  const all = card.split("\n");
  const start = all.findIndex((l) => l.startsWith(head));
  assert.ok(start >= 0, `no line starts with ${head}`);
  let end = start + 1;
  while (end < all.length && /^[ \t]+\S/.test(all[end]!)) end++;
  return [...all.slice(0, start), ...lines, ...all.slice(end)].join("\n");
}

/** The shared corpus of real posts, read-only, next to the repo (absent on machines without it). */
export const CORPUS_POSTS = path.resolve(REPO_ROOT, "../shared/corpus/nl2code/_posts");

export interface CorpusPost {
  readonly name: string;
  readonly uri: string;
  readonly text: string;
}

/** Every post of the corpus, sorted by name; empty when the corpus is not there. */
export function corpusPosts(): CorpusPost[] {
  if (!existsSync(CORPUS_POSTS)) return [];
  return readdirSync(CORPUS_POSTS)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((name) => ({ name, uri: pathToFileURL(path.join(CORPUS_POSTS, name)).href, text: readFileSync(path.join(CORPUS_POSTS, name), "utf8") }));
}

/** Expands a snippet the way the editor does when the user accepts every default: first choice, default text, mirrors. */
export function expandSnippet(body: readonly string[], variables: Record<string, string>): string {
  const values = new Map<string, string>();
  const text = body.join("\n");
  const filled = text.replace(/\$\{(\d+)(?::([^}]*)|\|([^|]*)\|)\}/g, (_m, n: string, dflt: string | undefined, choices: string | undefined) => {
    const value = dflt ?? choices!.split(",")[0]!;
    values.set(n, value);
    return value;
  });
  return filled
    .replace(/\$\{(\d+)\}/g, (_m, n: string) => values.get(n) ?? "")
    .replace(/\$([A-Z_]+)/g, (_m, name: string) => variables[name] ?? "")
    .replace(/\$0/g, "");
}
