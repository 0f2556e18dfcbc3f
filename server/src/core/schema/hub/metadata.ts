/**
 * The metadata keys of Hub cards, with what the Hub does with each: the model card and dataset
 * card specs of huggingface_hub (`ModelCardData`, `DatasetCardData`) and hub-docs' `model-cards.md`
 * and `datasets-cards.md`.
 */
import type { HubKeySpec, HubValue } from "./types";

/** A key spec, written compactly: the schema has some eighty of them. */
const k = (key: string, value: HubValue, description: string, more: { readonly required?: true; readonly replacedBy?: string; readonly example?: string } = {}): HubKeySpec => ({
  key,
  value,
  ...(more.required && { required: true }),
  ...(more.replacedBy !== undefined && { replacedBy: more.replacedBy }),
  help: { description, ...(more.example !== undefined && { example: more.example }) },
});

const str: HubValue = { kind: "string" };
const strings: HubValue = { kind: "list", item: str, single: true };
const url: HubValue = { kind: "string" };
const any: HubValue = { kind: "any" };
const bool: HubValue = { kind: "boolean" };
const num: HubValue = { kind: "number" };
const words = (vocabulary: NonNullable<Extract<HubValue, { kind: "string" }>["vocabulary"]>): HubValue => ({ kind: "list", item: { kind: "string", vocabulary }, single: true });

/** Keys both kinds of card take. */
const COMMON: readonly HubKeySpec[] = [
  { key: "license", value: { kind: "list", item: { kind: "string", vocabulary: "license" }, single: true }, help: { description: "One of the Hub's license ids (lower case, not SPDX). The Hub shows it and filters by it; it refuses ids it does not know.", example: "license: apache-2.0" } },
  k("license_name", str, "With `license: other`: a short id for the license, shown on the page.", { example: "license_name: my-license-1.0" }),
  k("license_link", url, "With `license: other`: a link to the license text (a URL or a file in the repository such as `LICENSE.md`).", { example: "license_link: LICENSE.md" }),
  k("language", words("language"), "ISO 639-1/2/3 codes (or `multilingual`, `code`), one or a list; the Hub filters by them. A BCP-47 tag such as `en-US` belongs in `language_details`.", { example: "language:\n- en\n- fr" }),
  k("language_details", strings, "Full BCP-47 tags (`en-US`, `fr-CA`) when the region or script matters.", { example: "language_details:\n- en-US" }),
  k("language_bcp47", strings, "The old name of `language_details`.", { replacedBy: "language_details" }),
  k("tags", strings, "Free tags; the Hub shows them and lets people search by them.", { example: "tags:\n- chat" }),
  k("thumbnail", url, "The URL of an image used when the card is shared."),
  k("pretty_name", str, "A readable name for the repository.", { example: "pretty_name: My Dataset" }),
  k("extra_gated_prompt", str, "Gated access: the text people must agree to before they can download."),
  k("extra_gated_fields", { kind: "map", keys: [], open: true }, "Gated access: the form fields people fill in to ask for access."),
  ...["heading", "description", "button_content"].map((part): HubKeySpec => ({ key: `extra_gated_${part}`, value: str, help: { description: `Gated access: the request form's ${part.replace("_", " ")}.` } })),
  k("gated", { kind: "oneOf", options: [bool, str] }, "Whether downloads need approval: `true`, `auto` or `manual`."),
  k("viewer", bool, "Whether the Hub shows the dataset viewer."),
];

const metric: HubValue = {
  kind: "map",
  keys: [
    k("type", str, "The metric's id, such as `accuracy` or `wer` (a metric on the Hub where one exists).", { required: true }),
    k("value", { kind: "scalar" }, "The score: a number (or text such as `197.0 +/- 73.6`).", { required: true }),
    k("name", str, "The metric's display name."),
    k("config", str, "The metric's configuration, such as `exact_match`."),
    k("args", any, "Arguments the metric was computed with."),
    ...["verified", "verifyToken"].map((key): HubKeySpec => ({ key, value: key === "verified" ? bool : str, help: { description: "Set by the Hub for results it computed itself; leave it out." } })),
  ],
};

const result: HubValue = {
  kind: "map",
  keys: [
    {
      key: "task",
      required: true,
      value: { kind: "map", keys: [
        k("type", { kind: "string", vocabulary: "task" }, "The task's id (a pipeline tag such as `text-generation`), not its display name.", { required: true }),
        k("name", str, "The task's display name."),
      ] },
      help: { description: "What the model was evaluated on." },
    },
    {
      key: "dataset",
      required: true,
      value: { kind: "map", keys: [
        k("type", str, "The dataset's id on the Hub, such as `ai2_arc` or `mozilla-foundation/common_voice_11_0`.", { required: true }),
        k("name", str, "The dataset's display name.", { required: true }),
        k("config", str, "The dataset configuration (subset)."),
        k("split", str, "The split evaluated on, such as `test`."),
        k("revision", str, "The dataset's git revision."),
        k("args", any, "Arguments the dataset was loaded with."),
      ] },
      help: { description: "The dataset the results are on." },
    },
    { key: "metrics", required: true, value: { kind: "list", item: metric }, help: { description: "The scores, each with `type` and `value`." } },
    { key: "source", value: { kind: "map", keys: [
      k("name", str, "Where the results come from, such as `Open LLM Leaderboard`."),
      k("url", url, "A link to the source."),
    ] }, help: { description: "Where the results were published." } },
  ],
};

export const MODEL_KEYS: readonly HubKeySpec[] = [
  ...COMMON,
  k("pipeline_tag", { kind: "string", vocabulary: "task" }, "The task the model does. The Hub picks the inference widget and the task filter by it.", { example: "pipeline_tag: text-generation" }),
  k("library_name", { kind: "string", vocabulary: "library" }, "The library that loads the model. The Hub shows its code snippet (\"Use this model\") and counts downloads by it.", { example: "library_name: transformers" }),
  { key: "base_model", value: { kind: "list", item: { kind: "string", hubId: "model" }, single: true }, help: { description: "The Hub id (`owner/name`) of the model this one was trained, merged or quantized from; the Hub builds the model tree from it. A local path is refused.", example: "base_model: mistralai/Mistral-7B-v0.1" } },
  k("base_model_relation", { kind: "string", vocabulary: "baseModelRelation" }, "How the model derives from `base_model`, when the Hub cannot tell.", { example: "base_model_relation: finetune" }),
  { key: "datasets", value: { kind: "list", item: { kind: "string", hubId: "dataset" }, single: true }, help: { description: "Hub ids of the datasets the model was trained on; the Hub links them.", example: "datasets:\n- HuggingFaceH4/ultrachat_200k" } },
  k("metrics", strings, "Ids of the metrics the model is evaluated with, such as `accuracy`.", { example: "metrics:\n- accuracy" }),
  k("new_version", { kind: "string", hubId: "model" }, "The Hub id of a newer version of this model; the Hub points readers to it."),
  { key: "inference", value: { kind: "oneOf", options: [bool, { kind: "map", keys: [], open: true }] }, help: { description: "`false` turns the inference widget off." } },
  k("widget", { kind: "list", item: any }, "Example inputs for the inference widget."),
  { key: "model-index", value: { kind: "list", item: { kind: "map", keys: [
    k("name", str, "The model's name.", { required: true }),
    k("results", { kind: "list", item: result }, "Evaluation results, each with a task, a dataset and metrics.", { required: true }),
  ] } }, help: { description: "Evaluation results in the Hub's format; the Hub shows them on the page and in leaderboards. A malformed entry is dropped.", example: "model-index:\n- name: my-model\n  results: []" } },
  { key: "co2_eq_emissions", value: { kind: "oneOf", options: [num, { kind: "map", keys: [], open: true }] }, help: { description: "The CO₂ emitted by training, in grams, or a mapping with `emissions`, `source`, `training_type`, …" } },
  k("model_name", str, "The model's name, as training libraries write it."),
  k("model_creator", str, "Who made the original model (quantizers write it)."),
  k("model_type", str, "The architecture's name, as quantizers write it."),
  k("quantized_by", str, "Who quantized the model."),
  k("prompt_template", str, "The prompt format the model expects."),
  k("instance_prompt", str, "The trigger words of a LoRA for image generation."),
  k("library_version", { kind: "scalar" }, "The version of `library_name` used."),
];

const feature: HubValue = { kind: "map", keys: [], open: true };
const splitInfo: HubValue = { kind: "map", open: true, keys: [
  k("name", str, "The split's name, such as `train`.", { required: true }),
  k("num_bytes", num, "The split's size in bytes."),
  k("num_examples", num, "The number of examples."),
] };
const datasetInfo: HubValue = { kind: "map", open: true, keys: [
  k("config_name", str, "The configuration these facts are about."),
  { key: "features", value: { kind: "oneOf", options: [{ kind: "list", item: feature }, feature] }, help: { description: "The columns and their types." } },
  k("splits", { kind: "list", item: splitInfo }, "The splits, each with `name`, `num_bytes`, `num_examples`."),
  k("download_size", num, "Bytes to download."),
  k("dataset_size", num, "Bytes of the prepared dataset."),
] };

/** Keys only dataset cards have: one of them makes a README a dataset card. */
export const DATASET_ONLY_KEYS: readonly HubKeySpec[] = [
  k("task_categories", words("task"), "The tasks the dataset is for, as task ids; the Hub filters by them.", { example: "task_categories:\n- text-classification" }),
  k("task_ids", words("subtask"), "Finer task ids, such as `intent-classification`.", { example: "task_ids:\n- intent-classification" }),
  k("size_categories", words("sizeCategory"), "How many examples the dataset has, as a range.", { example: "size_categories:\n- 10K<n<100K" }),
  k("annotations_creators", words("annotationsCreator"), "Who made the annotations."),
  k("language_creators", words("languageCreator"), "Who wrote the text."),
  k("multilinguality", words("multilinguality"), "Whether the dataset has one language or several."),
  k("source_datasets", strings, "`original`, or `extended|<dataset id>` for each dataset this one extends."),
  k("paperswithcode_id", str, "The dataset's id on Papers with Code."),
  { key: "configs", value: { kind: "list", item: { kind: "oneOf", options: [{ kind: "map", open: true, keys: [
    k("config_name", str, "The configuration's name (`default` for one configuration).", { required: true }),
    k("data_files", any, "The files of the configuration: a path or glob, or a list of `split` and `path`.", { required: true }),
    k("default", bool, "Whether the viewer opens this configuration first."),
  ] }, { kind: "string", oldForm: "An old `configs` entry, a bare name: the Hub's viewer and `load_dataset` now read a mapping with `config_name` and `data_files`." }] } }, help: { description: "The dataset's configurations and their data files; the Hub's viewer and `load_dataset` read them.", example: "configs:\n- config_name: default\n  data_files: data/*.parquet" } },
  { key: "dataset_info", value: { kind: "oneOf", options: [{ kind: "list", item: datasetInfo }, datasetInfo] }, help: { description: "Features, splits and sizes per configuration, as `datasets` writes them." } },
  k("train-eval-index", { kind: "list", item: any }, "How to evaluate models on the dataset (AutoTrain)."),
];

export const DATASET_KEYS: readonly HubKeySpec[] = [...COMMON, ...DATASET_ONLY_KEYS];
