/**
 * The Hugging Face Hub card kinds as data: the metadata keys (nested, for `model-index`, `configs`,
 * `dataset_info`) and the template's markdown sections. Diagnostics, completion, hover, snippets,
 * fixes and the JSON Schema all read these, as they read the Jekyll kinds' field specs.
 */
import type { Help } from "../types";

/** A named list of allowed values, built from the Hub's own packages or tables (see vocabularies.ts). */
export type VocabularyId =
  | "license"
  | "language"
  | "task"
  | "subtask"
  | "library"
  | "sizeCategory"
  | "annotationsCreator"
  | "languageCreator"
  | "multilinguality"
  | "baseModelRelation";

/** What a metadata value must be. */
export type HubValue =
  | {
      readonly kind: "string";
      readonly vocabulary?: VocabularyId;
      /** A repository id `owner/name` on the Hub. */
      readonly hubId?: "model" | "dataset";
      /** Set on an old form the Hub still reads (as an option of `oneOf`): why to write the new one. */
      readonly oldForm?: string;
    }
  | { readonly kind: "boolean" }
  | { readonly kind: "number" }
  /** Any scalar: a metric's value may be a number or text such as `197.02 +/- 73.63`. */
  | { readonly kind: "scalar" }
  /** A list; `single` also takes one item written without a list (`language: en`). */
  | { readonly kind: "list"; readonly item: HubValue; readonly single?: boolean }
  /** A mapping of known keys; `open` ones also take keys the schema does not list (arguments, features). */
  | { readonly kind: "map"; readonly keys: readonly HubKeySpec[]; readonly open?: boolean }
  /** Free structure the Hub reads but does not check (widget inputs, features). */
  | { readonly kind: "any" }
  /** One of several shapes, tried in order (`configs` entries, `gated`). */
  | { readonly kind: "oneOf"; readonly options: readonly HubValue[] };

export interface HubKeySpec {
  readonly key: string;
  readonly value: HubValue;
  /** Required inside its mapping (model-index); top-level keys are never required by the Hub. */
  readonly required?: boolean;
  /** A key the Hub still reads but replaced: the key to write now. */
  readonly replacedBy?: string;
  readonly help: Help;
}

/** A section of the Hub's card template. */
export interface HubSectionSpec {
  readonly title: string;
  /** Headings of the Hub's earlier templates (the `datasets` card template, the cards `Trainer` writes) that serve as this section. */
  readonly aliases?: readonly string[];
  /** 1 for `#`, 2 for `##`, … as the template writes it. */
  readonly level: number;
  /** Recommended sections missing from a card are reported (information); the others are only offered. */
  readonly recommended: boolean;
  /** The template's guidance, inserted under a new heading. */
  readonly guidance: string;
  readonly children?: readonly HubSectionSpec[];
}

export interface HubKindSpec {
  /** Stable id, used as the kind's name in settings, exports and the JSON Schema's file name. */
  readonly id: "hub-model" | "hub-dataset";
  /** Human name: "Hugging Face model card". */
  readonly name: string;
  readonly snippet: { readonly prefix: string; readonly description: string };
  readonly keys: readonly HubKeySpec[];
  readonly sections: readonly HubSectionSpec[];
}
