/**
 * The cards the editor latency is measured on, built from the Codex card of the LSP tests so they
 * look like real ones: one as the site writes them, and one grown to a given number of lines with
 * more hyperparameter sections (one per model size, as large cards have) and data resources.
 */
import type { Position } from "vscode-languageserver-types";
import { CODEX, readFixture } from "../server/test/lsp/client";

export interface BenchCard {
  readonly name: string;
  readonly uri: string;
  readonly text: string;
  readonly lines: number;
  /** Where a character is typed and removed again: after `Adam`, making it `AdamW` and back. */
  readonly typeAt: Position;
  /** Inside the value of `precision floating point`, where the precisions are offered. */
  readonly completeAt: Position;
  /** On the `learning rate` label. */
  readonly hoverAt: Position;
  /** The code of the one problem in the card, the one the quick fixes are asked for. */
  readonly problem: string;
}

const SECTION = "- 🧪Hyperparameters (Codex 12B)";
const NEXT_SECTION = "- 🏃‍♀️Training";
const DATA_RESOURCE_ITEM = "    * May 2020 from 54 million public software repositories hosted on GitHub, containing 179 GB of unique Python files under 1 MB.";
/** Garbled in the section the requests go to, so the card has a problem there with a quick fix. */
const CHECKBOX = { line: "    * [x] Cosine", garbled: "    * [v] Cosine", code: "checkbox.malformed" };

function indexOf(lines: readonly string[], line: string, from = 0): number {
  const index = lines.indexOf(line, from);
  if (index < 0) throw new Error(`The Codex fixture has no line ${JSON.stringify(line)}; update bench/cards.ts.`);
  return index;
}

function prefixed(lines: readonly string[], prefix: string, from: number): number {
  const index = lines.findIndex((l, i) => i >= from && l.startsWith(prefix));
  if (index < 0) throw new Error(`The Codex fixture has no line starting ${JSON.stringify(prefix)}; update bench/cards.ts.`);
  return index;
}

/**
 * The Codex card with `sections` hyperparameter sections (model sizes), data resources added until
 * it has `lines` lines (when given), and a malformed checkbox in the middle section.
 */
function codexCard(name: string, sections: number, lines?: number): BenchCard {
  const fixture = CODEX.replace(/\n$/, "").split("\n");
  const start = indexOf(fixture, SECTION);
  const end = indexOf(fixture, NEXT_SECTION, start);
  const section = fixture.slice(start, end);
  const target = Math.floor(sections / 2);
  const hyperparameters = Array.from({ length: sections }, (_, i) => {
    const heading = sections === 1 ? SECTION : `- 🧪Hyperparameters (Codex ${i + 1}B)`;
    const body = section.slice(1);
    return [heading, ...(i === target ? body.map((l) => (l === CHECKBOX.line ? CHECKBOX.garbled : l)) : body)];
  });
  const before = fixture.slice(0, start);
  const after = fixture.slice(end);
  const fixed = before.length + hyperparameters.flat().length + after.length;
  const padding = lines === undefined ? 0 : lines - fixed;
  if (padding < 0) throw new Error(`${sections} sections already make ${fixed} lines, more than ${String(lines)}`);
  const resource = indexOf(before, DATA_RESOURCE_ITEM);
  const extra = Array.from({ length: padding }, (_, i) => `    * Source ${i + 1}: ${(i + 1) * 3} GB of permissively licensed files, de-duplicated by hash.`);
  const all = [...before.slice(0, resource + 1), ...extra, ...before.slice(resource + 1), ...hyperparameters.flat(), ...after];
  const targetStart = indexOf(all, sections === 1 ? SECTION : `- 🧪Hyperparameters (Codex ${target + 1}B)`);
  const optimizer = prefixed(all, "  + optimizer: Adam", targetStart);
  const precision = prefixed(all, "  + precision floating point: ", targetStart);
  const learningRate = prefixed(all, "  + learning rate: ", targetStart);
  return {
    name,
    // Dated like the card's front matter, so the file name agrees with `date`.
    uri: `file:///bench/_posts/2021-07-07-${name}.md`,
    text: `${all.join("\n")}\n`,
    lines: all.length,
    typeAt: { line: optimizer, character: all[optimizer]!.length },
    completeAt: { line: precision, character: "  + precision floating point: ".length },
    hoverAt: { line: learningRate, character: "  + learn".length },
    problem: CHECKBOX.code,
  };
}

/** A full model card of the usual size (the corpus's cards have 10 to 60 lines). */
export const usualCard = (): BenchCard => codexCard("usual-card", 1);

/** A card of exactly `lines` lines: a section per model size, and a long list of data resources. */
export const largeCard = (lines: number): BenchCard => codexCard(`card-${lines}-lines`, Math.floor(lines / 25), lines);

/**
 * A Hugging Face Hub model card of the usual size (the corpus's model cards have 40 to 400 lines),
 * the Hub tests' card with a license the Hub refuses: typing goes into the body, completion lists
 * the Hub's libraries (its longest vocabulary), hover explains `pipeline_tag`.
 */
export function hubCard(): BenchCard {
  const lines = readFixture("hub/model.md").replace("license: apache-2.0", "license: MIT").replace(/\n$/, "").split("\n");
  const at = (line: string): number => indexOf(lines, line);
  const body = at("Accuracy 0.91 on the IMDB test split.");
  return {
    name: "hub-card",
    uri: "file:///bench/hub-model/README.md",
    text: `${lines.join("\n")}\n`,
    lines: lines.length,
    typeAt: { line: body, character: lines[body]!.length },
    completeAt: { line: at("library_name: transformers"), character: "library_name: ".length },
    hoverAt: { line: at("pipeline_tag: text-classification"), character: "pipeline".length },
    problem: "hub.license",
  };
}
