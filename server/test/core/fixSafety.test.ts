/**
 * Fix safety on every card we have: the project's fixtures and, when it is there, the real corpus.
 * Every quick fix the editor offers (the service's code actions for each diagnostic, as VS Code
 * asks for them) is applied alone, and the fixes `--fix` would apply are applied all at once. Each
 * time the fixed text must
 * - lose nothing (the core's one rule, rules/nothingLost.ts),
 * - be fixed for good: the problems the fix was for are gone when the text is checked again, and
 *   `fixAll` run on its own output changes nothing,
 * - parse to the same fields plus the ones the fix inserted (only insertions add fields; a fix that
 *   only normalises keeps exactly the same ones).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { analyze, type Analysis } from "../../src/core/analysis";
import { chooseFixes, FIX_SCOPES, fixAll, type FixScope } from "../../src/core/features/fixAll";
import type { BoundSection } from "../../src/core/model/card";
import { applyEdits, type SpanEdit } from "../../src/core/rules/problem";
import { CardService } from "../../src/core/service";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { assertNothingLost, corpusPosts, REPO_ROOT } from "./helpers";

interface Card {
  readonly name: string;
  readonly uri: string;
  readonly text: string;
}

const FIXTURES = path.join(REPO_ROOT, "server/test/fixtures");

/** Every fixture file as it is on disk (expectation markers and all: the properties hold for any text). */
function fixtureCards(): Card[] {
  return readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => ({ name: f, uri: pathToFileURL(path.join(FIXTURES, f)).href, text: readFileSync(path.join(FIXTURES, f), "utf8") }));
}

const check = (card: Card, text: string): Analysis => analyze(card.uri, text, { forcedCard: false, today: new Date() });

/** The fields a card parses to, as paths of labels (`🧪Hyperparameters (X)/optimizer/betas`), and its front matter keys. */
function fieldsOf(analysis: Analysis): string[] {
  const text = analysis.parsed.text;
  const out = (analysis.parsed.frontMatter?.entries ?? []).map((e) => `front matter: ${e.key}`);
  const walk = (section: BoundSection, prefix: string): void => {
    for (const field of section.fields) {
      const suffix = field.suffix ? ` ${text.slice(field.suffix.start, field.suffix.end)}` : "";
      const at = `${prefix}/${field.spec.label}${suffix}`;
      out.push(at);
      if (field.section) walk(field.section, at);
    }
  };
  if (analysis.model) walk(analysis.model.root, "");
  return out.sort();
}

/** The fields of `after` that `before` lacks; fails when a field of `before` is gone. */
function addedFields(before: Analysis, after: Analysis): string[] {
  const left = [...fieldsOf(after)];
  for (const field of fieldsOf(before)) {
    const i = left.indexOf(field);
    assert.notEqual(i, -1, `the field ${field} is gone`);
    left.splice(i, 1);
  }
  return left;
}

const key = (d: { code?: unknown; message: unknown }): string => `${String(d.code)}: ${String(d.message)}`;

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/**
 * Fails unless the problems a fix was for are gone. Inserted lines move the others, so problems
 * are matched by code and message and counted: each may be left only as often as it was not fixed.
 */
function assertFixed(before: Analysis, fixedKeys: readonly string[], after: Analysis): void {
  const was = countBy(before.problems.map(key));
  const now = countBy(after.problems.map(key));
  for (const [k, fixed] of countBy(fixedKeys)) {
    assert.ok((now.get(k) ?? 0) <= (was.get(k) ?? 0) - fixed, `still there after the fix: ${k}`);
  }
}

/** The quick fixes VS Code would list for a diagnostic: it asks with the diagnostic's range and only quick fixes. */
function quickFixes(service: CardService, document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  return service.codeActions(document, diagnostic.range, ["quickfix"]);
}

interface Tally {
  cards: number;
  /** Quick fixes applied one at a time. */
  single: number;
  /** Fixes applied together, a batch per card and scope. */
  together: number;
}

/** One quick fix applied as the editor applies its workspace edit, then the three properties. */
function tryQuickFix(card: Card, before: Analysis, action: CodeAction): void {
  const edits = action.edit?.changes?.[card.uri] ?? [];
  assert.ok(edits.length > 0, "a quick fix with no edit for the document");
  const fixed = TextDocument.applyEdits(TextDocument.create(card.uri, "markdown", 1, card.text), edits);
  const spans: SpanEdit[] = edits.map((e) => ({ span: before.positions.span(e.range), newText: e.newText }));
  assert.equal(applyEdits(card.text, spans), fixed, "the code action's edits say what the problem's fix says");
  const fix = before.problems.flatMap((p) => p.fixes).find((f) => f.title === action.title);
  assertNothingLost(card.text, spans, fixed, fix?.replaces);
  const after = check(card, fixed);
  assertFixed(before, (action.diagnostics ?? []).map(key), after);
  addedFields(before, after);
}

function tryAllAtOnce(card: Card, before: Analysis, scope: FixScope): number {
  const { chosen, edits } = chooseFixes(before.problems, FIX_SCOPES[scope]);
  const fixed = applyEdits(card.text, edits);
  assertNothingLost(card.text, edits, fixed, chosen.flatMap((c) => c.fix.replaces ?? []));
  const after = check(card, fixed);
  assertFixed(before, chosen.map((c) => key(c.problem)), after);
  const added = addedFields(before, after);
  if (scope === "normalize") assert.deepEqual(added, [], "a fix that only normalises added fields");
  const once = fixAll(card.uri, card.text, { forcedCard: false, today: new Date() }, DEFAULT_SETTINGS, scope);
  assert.deepEqual(once.refused, [], "fixAll held back a fix");
  const twice = fixAll(card.uri, once.text, { forcedCard: false, today: new Date() }, DEFAULT_SETTINGS, scope);
  assert.deepEqual(twice.applied, [], "fixAll run on its own output applied more fixes");
  return chosen.length;
}

function checkCards(cards: readonly Card[], what: string): void {
  const tally: Tally = { cards: 0, single: 0, together: 0 };
  const failures: string[] = [];
  const service = new CardService();
  for (const card of cards) {
    const document = TextDocument.create(card.uri, "markdown", 1, card.text);
    const before = service.analysis(document);
    if (!before.model) continue;
    tally.cards++;
    const attempt = (name: string, run: () => void): void => {
      try {
        run();
      } catch (e) {
        failures.push(`${card.name}: ${name}: ${e instanceof Error ? e.message.split("\n")[0]! : String(e)}`);
      }
    };
    for (const diagnostic of service.diagnostics(document)) {
      for (const action of quickFixes(service, document, diagnostic)) {
        tally.single++;
        attempt(`${String(diagnostic.code)} "${action.title}"`, () => { tryQuickFix(card, before, action); });
      }
    }
    for (const scope of ["normalize", "all"] as const) attempt(`all at once (${scope})`, () => { tally.together += tryAllAtOnce(card, before, scope); });
  }
  console.log(`fix safety (${what}): ${tally.cards} cards; ${tally.single} quick fixes applied one at a time; ${tally.together} fixes applied all at once (normalising only, then all preferred)`);
  assert.ok(tally.cards > 0);
  if (failures.length > 0) assert.fail(`${failures.length} unsafe fix(es):\n${failures.join("\n")}`);
}

describe("fix safety", () => {
  test("on the fixtures: every quick fix alone, and all at once, loses nothing, sticks, and keeps the fields", () => {
    checkCards(fixtureCards(), "fixtures");
  });

  const posts = corpusPosts();
  test("on the corpus: every quick fix alone, and all at once, loses nothing, sticks, and keeps the fields", { skip: posts.length === 0 ? "no corpus next to the repo" : false }, () => {
    checkCards(posts, "corpus");
  });
});
