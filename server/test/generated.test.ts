import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { analyze } from "../src/core/analysis";
import { cardSnippet } from "../src/core/features/snippets";
import { cardSchema } from "../src/core/schema";
import { generatedFiles, ROOT } from "../scripts/generate";
import { expandSnippet } from "./core/helpers";

describe("generated files", () => {
  for (const file of generatedFiles()) {
    it(`${file.path} is up to date with the schema (run npm run generate)`, () => {
      assert.equal(readFileSync(resolve(ROOT, file.path), "utf8"), file.content);
    });
  }
});

describe("card snippets", () => {
  const variables = { CURRENT_YEAR: "2026", CURRENT_MONTH: "11", CURRENT_DATE: "26", CURRENT_HOUR: "09", CURRENT_MINUTE: "30", CURRENT_SECOND: "00", CURRENT_TIMEZONE_OFFSET: "+08:00" };
  for (const kind of cardSchema.kinds) {
    it(`the ${kind.name} snippet, filled with its defaults, is a card with no structural problem`, () => {
      const text = expandSnippet(cardSnippet(kind).body, variables);
      const analysis = analyze("file:///site/_posts/2026-11-26-New.md", text, { forcedCard: false, today: new Date() });
      assert.equal(analysis.model?.kind, kind);
      // Choice groups start unchecked on purpose: the author has to pick. Everything else must be clean.
      const codes = analysis.problems.map((p) => p.code).filter((c) => c !== "choice.none-checked");
      assert.deepEqual(codes, []);
    });
  }

  it("tab stops are numbered in the order they appear, so Tab walks the card top to bottom", () => {
    const body = cardSnippet(cardSchema.kinds[0]!).body.join("\n");
    const order = [...body.matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
    assert.equal(new Set(order).size, order.length);
  });
});
