/**
 * The real Hugging Face Hub cards of the shared corpus (24 model cards, 8 dataset cards), when it
 * is checked out next to the repo. Read-only: analyzed in memory, never copied into the project.
 * Each is recognised as its kind; none crashes; and an error is reported only where the Hub
 * refuses the card today, as listed below with the reason (found by reading each card).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { analyze } from "../../src/core/analysis";
import { fixAll } from "../../src/core/features/fixAll";
import { CODES, type Code } from "../../src/core/rules/codes";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { REPO_ROOT } from "./helpers";

const CORPUS_HF = path.resolve(REPO_ROOT, "../shared/corpus/hf");
const present = existsSync(CORPUS_HF);

/** The cards the Hub would refuse as they are, and the errors that say why. Every other card gets no error. */
const REFUSED: Readonly<Record<string, { readonly errors: readonly Code[]; readonly why: string }>> = {
  "models/07-propaganda-bert.md": { errors: ["hub.license", "hub.null-item", "hub.null-item"], why: "`license: \"MIT\"` is not a Hub id, and `datasets:`/`metrics:` each hold an empty `-` item (written before the Hub checked metadata)" },
  "models/20-yolov8-table-detection.md": { errors: ["hub.model-index"], why: "its model-index result has no `dataset`" },
  "models/21-spacy-ner-es.md": { errors: ["hub.model-index"], why: "its model-index result has no `dataset`" },
  "models/23-trl-peft-local-base.md": { errors: ["hub.base-model"], why: "`base_model` is a local path (a local training output, never pushed)" },
  "datasets/05-youtube-casual-audio.md": { errors: ["hub.type"], why: "`multilinguality` is a mapping of a language to size categories, not a list" },
};

const cards = present
  ? ["models", "datasets"].flatMap((dir) => readdirSync(path.join(CORPUS_HF, dir)).filter((f) => f.endsWith(".md")).sort().map((f) => `${dir}/${f}`))
  : [];

describe("Hugging Face Hub corpus", { skip: present ? false : `no shared corpus at ${CORPUS_HF}` }, () => {
  test("holds the 24 model cards and 8 dataset cards the corpus README lists", () => {
    assert.equal(cards.filter((c) => c.startsWith("models/")).length, 24);
    assert.equal(cards.filter((c) => c.startsWith("datasets/")).length, 8);
  });

  for (const card of cards) {
    test(`${card}: recognised as its kind, and an error only where the Hub refuses it`, () => {
      const text = readFileSync(path.join(CORPUS_HF, card), "utf8");
      // On the Hub each is a repository's README.md; here a card glob claims it under its own name.
      for (const [uri, forcedCard] of [[`file:///hub/${card.replace(/\.md$/, "")}/README.md`, false], [`file:///corpus/${card}`, true]] as const) {
        const analysis = analyze(uri, text, { forcedCard, today: new Date() });
        assert.equal(analysis.hub?.kind.id, card.startsWith("models/") ? "hub-model" : "hub-dataset");
        const errors = analysis.problems.filter((p) => CODES[p.code].severity === "error");
        assert.deepEqual(errors.map((p) => p.code).sort(), [...(REFUSED[card]?.errors ?? [])].sort(), errors.map((p) => `${p.code}: ${p.message}`).join("\n"));
      }
    });
  }

  test("fix-on-save on every card loses nothing and adds no error", () => {
    for (const card of cards) {
      const text = readFileSync(path.join(CORPUS_HF, card), "utf8");
      const uri = `file:///hub/${card}/README.md`;
      const result = fixAll(uri, text, { forcedCard: false, today: new Date() }, DEFAULT_SETTINGS, "normalize");
      assert.deepEqual(result.refused, [], `${card}: a fix would lose text`);
      const errors = (t: string): number => analyze(uri, t, { forcedCard: false, today: new Date() }).problems.filter((p) => CODES[p.code].severity === "error").length;
      assert.ok(errors(result.text) <= errors(text), `${card}: fixing added an error`);
    }
  });
});
