import type { OptionSpec } from "../types";
import { ISO_639_3_BITSET, LANGUAGES, LIBRARIES, SUBTASKS, TASKS } from "./generated";
import { LICENSES } from "./licenses";
import type { VocabularyId } from "./types";

/** Values the Hub's dataset cards take that no package lists: the datasets-tagging app's choices. */
const DATASET_CHOICES: Readonly<Record<"sizeCategory" | "annotationsCreator" | "languageCreator" | "multilinguality" | "baseModelRelation", readonly (readonly [string, string])[]>> = {
  // Each reads as its meaning: `10K<n<100K` is 10K < examples < 100K.
  sizeCategory: ["n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M", "100M<n<1B", "1B<n<10B", "10B<n<100B", "100B<n<1T", "n>1T"].map((c) => [c, `${c.replace(/[<>]/g, " $& ").replace("n", "examples")}.`]),
  annotationsCreator: [
    ["crowdsourced", "Annotated by crowd workers."],
    ["expert-generated", "Annotated by experts."],
    ["found", "Annotations that came with the source data."],
    ["machine-generated", "Annotated by a model or a program."],
    ["no-annotation", "The data has no annotations."],
    ["other", "Another way."],
  ],
  languageCreator: [
    ["crowdsourced", "Written by crowd workers."],
    ["expert-generated", "Written by experts."],
    ["found", "Text that already existed (web pages, books)."],
    ["machine-generated", "Written by a model or a program."],
    ["other", "Another way."],
  ],
  multilinguality: [
    ["monolingual", "One language."],
    ["multilingual", "Several languages."],
    ["translation", "Pairs of texts in two languages."],
    ["other", "Another arrangement."],
  ],
  baseModelRelation: [
    ["adapter", "An adapter (LoRA, PEFT) on the base model."],
    ["merge", "A merge of the base models."],
    ["quantized", "A quantized copy of the base model."],
    ["finetune", "The base model fine-tuned."],
  ],
};

/** The rows of a generated table (one line per row, fields split by `|`). */
const rows = (table: string): string[][] => table.split("\n").map((line) => line.split("|"));

/** A task's display name: the id spelt out when the table leaves it empty. */
const taskName = (id: string, name: string): string => name || id.replace(/-/g, " ").replace(/\b[a-z]/g, (c) => c.toUpperCase());

const MODALITIES: Readonly<Record<string, string>> = { multimodal: "multimodal", nlp: "natural language processing", audio: "audio", cv: "computer vision", rl: "reinforcement learning", tabular: "tabular data", other: "other data" };

const options = (rows: readonly (readonly [string, string])[], describe: (name: string) => string): OptionSpec[] =>
  rows.map(([label, name]) => ({ label, help: { description: describe(name) } }));

// Built on first use: completion and hover need them, checking a card needs only the lookups below.
const built = new Map<VocabularyId, readonly OptionSpec[]>();

function build(id: VocabularyId): readonly OptionSpec[] {
  switch (id) {
    case "license":
      return options(LICENSES, (name) => name);
    case "language":
      return [
        ...rows(LANGUAGES).map(([label, name]) => ({ label: label!, help: { description: name! } })),
        { label: "multilingual", help: { description: "Many languages: the card's other language codes say which." } },
        { label: "code", help: { description: "Programming languages (source code)." } },
      ];
    case "task":
      return rows(TASKS).map(([label, name, modality]) => ({ label: label!, help: { description: `${taskName(label!, name!)}: a task of ${MODALITIES[modality!] ?? modality!}.` } }));
    case "subtask":
      return rows(SUBTASKS).flatMap(([parent, subs]) => subs!.split(",").map((sub) => {
        const [label, name] = sub.split("=");
        return { label: label!, help: { description: `${taskName(label!, name ?? "")}, a kind of ${parent!}.` } };
      }));
    case "library":
      return rows(LIBRARIES).map(([label, name]) => ({ label: label!, help: { description: `The ${name ?? label!} library.` } }));
    default:
      return options(DATASET_CHOICES[id], (meaning) => meaning);
  }
}

/** Every value of a vocabulary with what it means, for completion and hover. */
export function vocabulary(id: VocabularyId): readonly OptionSpec[] {
  let list = built.get(id);
  if (!list) {
    list = build(id);
    built.set(id, list);
  }
  return list;
}

const lookups = new Map<VocabularyId, ReadonlyMap<string, OptionSpec>>();

/** The option a value names exactly (the Hub's ids are case-sensitive), or undefined. */
export function findValue(id: VocabularyId, value: string): OptionSpec | undefined {
  let map = lookups.get(id);
  if (!map) {
    map = new Map(vocabulary(id).map((o) => [o.label, o]));
    lookups.set(id, map);
  }
  return map.get(value) ?? (id === "language" ? threeLetterLanguage(value) : undefined);
}

const bitset = ((): Uint8Array => {
  const bin = atob(ISO_639_3_BITSET);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
})();

/** A three-letter ISO 639-3 code, which the Hub takes as well as the two-letter ones. */
function threeLetterLanguage(code: string): OptionSpec | undefined {
  if (!/^[a-z]{3}$/.test(code)) return undefined;
  const n = (code.charCodeAt(0) - 97) * 676 + (code.charCodeAt(1) - 97) * 26 + (code.charCodeAt(2) - 97);
  return (bitset[n >> 3]! >> (n & 7)) & 1 ? { label: code, help: { description: `ISO 639-3 language \`${code}\`.` } } : undefined;
}

/** Codes the ISO withdrew, still seen in cards: the code to write now. */
export const WITHDRAWN_LANGUAGES: Readonly<Record<string, string>> = { iw: "he", jw: "jv", in: "id", ji: "yi", mo: "ro" };

/** Pipeline tags the Hub retired: the tag to write now. */
export const RETIRED_TASKS: Readonly<Record<string, string>> = { conversational: "text-generation" };
