// Locating the bullet at the cursor walks only its ancestors; it must find what a walk of the whole card finds.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Analysis } from "../../src/core/analysis";
import { locateLine } from "../../src/core/features/locate";
import { analyzeCard, CORPUS_POSTS, corpusPosts, fixtureNames, readFixture } from "./helpers";

/** Every binding, from a walk of every field and its options: what each line's bullet is. */
function everyBinding(analysis: Analysis): Map<number, string> {
  const bindings = new Map<number, string>();
  for (const field of analysis.model!.fields) {
    bindings.set(field.item.line, `field ${field.spec.id}`);
    for (const bound of field.options) bindings.set(bound.item.line, `option ${String(bound.option?.label)} of ${field.spec.id}`);
  }
  return bindings;
}

function located(analysis: Analysis, line: number): string | undefined {
  const { field, option } = locateLine(analysis, line);
  if (field) return `field ${field.spec.id}`;
  return option ? `option ${String(option.bound.option?.label)} of ${option.group.spec.id}` : undefined;
}

/** Checks every line of every card among the texts; returns how many cards there were. */
function locateEveryLine(texts: readonly string[]): number {
  let cards = 0;
  for (const text of texts) {
    const analysis = analyzeCard(text, { forcedCard: true });
    if (!analysis.model) continue;
    cards++;
    const expected = everyBinding(analysis);
    for (let line = 0; line < analysis.parsed.lines.length; line++) assert.equal(located(analysis, line), expected.get(line), `line ${line} of ${text.slice(0, 200)}`);
  }
  return cards;
}

test("every line of every fixture card is located as the walk of the whole card binds it", () => {
  const cards = locateEveryLine(fixtureNames().map(readFixture));
  assert.ok(cards >= 10, `only ${cards} fixture cards were located`);
});

const posts = corpusPosts();
test("every line of every corpus card is located as the walk of the whole card binds it", { skip: posts.length > 0 ? false : `no corpus at ${CORPUS_POSTS}` }, () => {
  const cards = locateEveryLine(posts.map((p) => p.text));
  assert.ok(cards > 20, `only ${cards} corpus cards were located`);
});
