/**
 * The fix fuzzer (test/fuzz/fuzzer.ts), a few seconds' worth: mutated cards through `--fix`,
 * `--fix=all` and fix-on-save lose no word (besides the replacements `--fix=all` reports) and a
 * second run changes nothing. `npm run fuzz -- --runs N` runs it longer.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { describeFigures, fixtureSeeds, fuzz, lostWords, MODES, seedCards, type SeedCards } from "../fuzz/fuzzer";

test("the fuzzer's word count sees a lost word, and lets go of a reported replacement", () => {
  assert.deepEqual(lostWords("- weight decay 0.1\n", "- weight decay\n", []), ["0", "1"]);
  assert.deepEqual(lostWords("- optimzer: Adam\n", "- optimizer: Adam\n", [{ code: "field.unknown", title: "Change to optimizer", replaced: ["optimzer"] }]), []);
});

function assertClean(runs: number, seed: number, seeds: SeedCards): void {
  const started = performance.now();
  const figures = fuzz(runs, seed, seeds);
  console.log(describeFigures(figures, (performance.now() - started) / 1000));
  assert.equal(figures.files, runs);
  for (const mode of MODES) {
    assert.equal(figures.wordsLost[mode], 0, `${mode}: words lost\n${figures.examples.join("\n")}`);
    assert.equal(figures.notIdempotent[mode], 0, `${mode}: not idempotent\n${figures.examples.join("\n")}`);
  }
}

test("fuzzed cards (the corpus when it is there): no word lost, every fix idempotent, in --fix, --fix=all and fix-on-save", () => {
  assertClean(120, 20261201, seedCards());
});

test("fuzzed fixtures: the same, on the project's own cards", () => {
  assertClean(40, 42, fixtureSeeds());
});
