import { DATASET_KEYS, DATASET_ONLY_KEYS, MODEL_KEYS } from "./metadata";
import { DATASET_SECTIONS, MODEL_SECTIONS } from "./sections";
import type { HubKindSpec } from "./types";

export type * from "./types";
export { PLACEHOLDER } from "./sections";

export const hubModelCard: HubKindSpec = {
  id: "hub-model",
  name: "Hugging Face model card",
  snippet: { prefix: "hf-model-card", description: "A Hugging Face Hub model card: README.md with metadata and the template's sections" },
  keys: MODEL_KEYS,
  sections: MODEL_SECTIONS,
};

export const hubDatasetCard: HubKindSpec = {
  id: "hub-dataset",
  name: "Hugging Face dataset card",
  snippet: { prefix: "hf-dataset-card", description: "A Hugging Face Hub dataset card: README.md with metadata and the template's sections" },
  keys: DATASET_KEYS,
  sections: DATASET_SECTIONS,
};

export const HUB_KINDS: readonly HubKindSpec[] = [hubModelCard, hubDatasetCard];

const DATASET_ONLY = new Set(DATASET_ONLY_KEYS.map((k) => k.key));
/** Keys that also mean other things in other front matter (a Jekyll post has `tags` and `title` too). */
const AMBIGUOUS = new Set(["tags", "thumbnail", "pretty_name"]);
const HUB_KEYS = new Set([...MODEL_KEYS, ...DATASET_KEYS].map((k) => k.key).filter((k) => !AMBIGUOUS.has(k)));

/**
 * The Hub kind that front matter keys describe: a dataset card when a dataset-only key is there,
 * a model card when any other Hub key is, and undefined when none is (an ordinary README).
 */
export function hubKindOfKeys(keys: readonly string[]): HubKindSpec | undefined {
  if (keys.some((k) => DATASET_ONLY.has(k))) return hubDatasetCard;
  return keys.some((k) => HUB_KEYS.has(k)) ? hubModelCard : undefined;
}
