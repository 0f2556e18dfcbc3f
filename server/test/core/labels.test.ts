// Label normalisation skips work for labels already single-spaced; it must equal its plain definition.
import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeLabel } from "../../src/core/model/labels";

test("normalizing a label trims it, folds every whitespace run to one space and lowercases it", () => {
  const alphabet = ["a", "B", "é", " ", " ", "\t", "\n", "\u00a0", "\u2003", "\r", "🧪", "-"];
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < 20000; i++) {
    const text = Array.from({ length: random(10) }, () => alphabet[random(alphabet.length)]!).join("");
    assert.equal(normalizeLabel(text), text.trim().replace(/\s+/g, " ").toLowerCase(), JSON.stringify(text));
  }
});
