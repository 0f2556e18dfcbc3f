// The workspace's value counts are kept card by card; after any edits they must equal a fresh count.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Analysis } from "../../src/core/analysis";
import { ValueTally } from "../../src/core/features/workspace";
import { analyzeCard } from "./helpers";

const PUBLISHERS = ["`Arxiv`", "`arxiv`", "`NeurIPS`", "`ICLR`", "/"];
const HARDWARE = ["V100", "v100", "TPUv4", "A100", ""];

function card(name: string, publisher: string, hardware: string, sections: number): Analysis {
  const hyperparameters = Array.from({ length: sections }, (_, i) => `- 🧪Hyperparameters (${name} ${i + 1}B)\n  + optimizer: ${i % 2 ? "AdamW" : "Adam"}\n`).join("");
  const text = `---\ntitle: ${name}\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [models]\n---\n- 📚Publisher: ${publisher}\n${hyperparameters}- 🏃‍♀️Training\n  + hardware: ${hardware}\n`;
  return analyzeCard(text, { uri: `file:///site/_posts/2021-07-07-${name}.md` });
}

test("counts kept through edits, deletions and re-additions equal a fresh count of the same cards in the same order", () => {
  const tally = new ValueTally();
  // What the workspace index holds: a Map, so a card set again keeps its place and a deleted one goes to the end when it returns.
  const current = new Map<string, Analysis>();
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const fields = ["publisher", "training.hardware", "hyperparameters.optimizer", "affiliation"];
  for (let step = 0; step < 400; step++) {
    const name = `C${random(6)}`;
    if (random(5) === 0) {
      const uri = card(name, "", "", 0).uri;
      tally.delete(uri);
      current.delete(uri);
    } else {
      const analysis = card(name, PUBLISHERS[random(PUBLISHERS.length)]!, HARDWARE[random(HARDWARE.length)]!, random(3));
      tally.set(analysis);
      current.set(analysis.uri, analysis);
    }
    const fresh = new ValueTally();
    for (const analysis of current.values()) fresh.set(analysis);
    // Asking between edits fills the per-field cache that the next edits must invalidate.
    const asked = fields[random(fields.length)]!;
    assert.deepEqual(tally.get(asked), fresh.get(asked), `step ${step}, ${asked}`);
    if (step % 50 === 49) for (const field of fields) assert.deepEqual(tally.get(field), fresh.get(field), `step ${step}, ${field}`);
  }
});
