import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { cardRow, tableColumns } from "../../src/core/features/table";
import { cardSchema } from "../../src/core/schema";
import { analyzeCard, REPO_ROOT } from "./helpers";

const CODEX = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8");

describe("cards as table rows", () => {
  test("columns come from the kind's schema: every field with a value, the kind's chosen ones shown", () => {
    const [models, benchmarks] = cardSchema.kinds as [typeof cardSchema.kinds[0], typeof cardSchema.kinds[0]];
    const columns = tableColumns(models);
    assert.deepEqual(columns.filter((c) => c.shown).map((c) => c.id), ["title", "date", "public", "architecture", "modelSize", "tokenizer.technology", "hyperparameters.precision", "training.tokens", "training.hardware"]);
    assert.equal(columns.find((c) => c.id === "modelSize")?.type, "size");
    assert.deepEqual(columns.find((c) => c.id === "architecture")?.options, ["Encoder-Decoder", "Decoder-Only"]);
    assert.equal(columns.find((c) => c.id === "tokenizer"), undefined, "a section without a value of its own has no column");
    assert.ok(tableColumns(benchmarks).some((c) => c.id === "scenario" && c.shown));
    // A kind that names no columns (one from a workspace's config) shows its first fields.
    assert.equal(tableColumns({ ...models, columns: undefined }).filter((c) => c.shown).length, 10);
  });

  test("cells: sizes, dates and numbers sort by value; options are named; `/` differs from a missing field", () => {
    const text = CODEX.replace("- 🔑Public: ❌\n", "");
    const lineOf = (start: string): number => text.split("\n").findIndex((l) => l.startsWith(start));
    const row = cardRow(analyzeCard(text))!;
    assert.equal(row.kind, "models");
    assert.deepEqual(row.cells.modelSize, { text: "12M; 25M; 42M; 85M; 300M; 679M; 2.5B; 12B", line: lineOf("- 📏Model Size"), sort: 12e9 });
    assert.equal(row.cells.date?.sort, Date.parse("2021-07-06T16:00:00Z"));
    assert.equal(row.cells["hyperparameters.contextWindow"]?.sort, 4096);
    assert.equal(row.cells["hyperparameters.batchSize"]?.sort, 2e6);
    assert.deepEqual(row.cells.architecture?.values, ["Decoder-Only"]);
    assert.deepEqual(row.cells["dataPreprocessing.deduplication"]?.values, ["✅"]);
    assert.deepEqual(row.cells.publisher?.values, ["arxiv"]);
    assert.deepEqual(row.cells["hyperparameters.precision"], { text: null, line: lineOf("  + precision floating point") });
    assert.equal(row.cells.public, undefined);
    assert.equal(row.cells.title?.line, 1);
  });
});
