import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import Ajv2020 from "ajv/dist/2020";
import { cardJsonSchema, exportCard } from "../../src/core/features/export";
import { cardSchema } from "../../src/core/schema";
import { schemaPath } from "../../scripts/generate";
import { analyzeCard, corpusPosts, readFixture, REPO_ROOT } from "./helpers";

const CODEX = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8");

/** The shipped schema file, as a tool outside the project would read it. */
function validator(tag: string): ReturnType<Ajv2020["compile"]> {
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, schemaPath(tag)), "utf8")) as object;
  return new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);
}

describe("export as JSON", () => {
  test("the Codex card reads as data: links, yes/no, options, sizes, nested sections, `/` as null", () => {
    const json = exportCard(analyzeCard(CODEX)) as { kind: string; frontMatter: Record<string, unknown>; fields: Record<string, unknown> };
    assert.equal(json.kind, "models");
    assert.equal(json.frontMatter.title, "Codex");
    const f = json.fields;
    assert.deepEqual(f.paper, { text: "Evaluating Large Language Models Trained on Code", url: "https://arxiv.org/pdf/2107.03374.pdf" });
    assert.deepEqual(f.public, { value: false, note: null });
    assert.equal(f.architecture, "Decoder-Only");
    assert.deepEqual(f.modelSize, ["12M", "25M", "42M", "85M", "300M", "679M", "2.5B", "12B"]);
    const hp = f.hyperparameters as Record<string, unknown>;
    assert.equal(hp.model, "Codex 12B");
    assert.deepEqual(hp.optimizer, { value: "Adam", betas: null, eps: null });
    assert.equal(hp.learningRate, "1e-4");
    assert.equal(hp.precision, null);
    assert.deepEqual((f.training as Record<string, unknown>).strategies, ["left-to-right"]);
  });

  test("fields a card lacks are null, and markdown that is not a card exports nothing", () => {
    const json = exportCard(analyzeCard(CODEX.slice(0, CODEX.indexOf("- 🌐Architecture")))) as { fields: Record<string, unknown> };
    assert.equal(json.fields.tokenizer, null);
    assert.equal(exportCard(analyzeCard("# Notes\n- a\n")), undefined);
  });

  test("the shipped schemas are the ones the schema generates, and strict JSON Schema 2020-12", () => {
    for (const kind of cardSchema.kinds) {
      assert.deepEqual(JSON.parse(readFileSync(path.join(REPO_ROOT, schemaPath(kind.tag)), "utf8")), cardJsonSchema(kind));
      assert.doesNotThrow(() => validator(kind.tag));
    }
  });

  const cards = [CODEX, readFixture("model-clean.md"), readFixture("benchmark-clean.md"), ...corpusPosts().map((p) => p.text)].map((t) => analyzeCard(t)).filter((a) => a.model);
  test(`every card's export validates against its kind's schema (${cards.length} cards)`, () => {
    const validators = new Map(cardSchema.kinds.map((k) => [k.tag, validator(k.tag)]));
    for (const analysis of cards) {
      const json = exportCard(analysis)!;
      const validate = validators.get(analysis.model!.kind.tag)!;
      assert.ok(validate(json), `${analysis.uri}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });
});
