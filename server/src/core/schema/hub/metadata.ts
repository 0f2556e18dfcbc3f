/**
 * The metadata keys of Hub cards, with what the Hub does with each: the model card and dataset
 * card specs of huggingface_hub (`ModelCardData`, `DatasetCardData`) and hub-docs' `model-cards.md`
 * and `datasets-cards.md`.
 */
import type { HubKeySpec, HubValue } from "./types";

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
  { key: "license_name", value: str, help: { description: "With `license: other`: a short id for the license, shown on the page.", example: "license_name: my-license-1.0" } },
  { key: "license_link", value: url, help: { description: "With `license: other`: a link to the license text (a URL or a file in the repository such as `LICENSE.md`).", example: "license_link: LICENSE.md" } },
  { key: "language", value: words("language"), help: { description: "ISO 639-1/2/3 codes (or `multilingual`, `code`), one or a list; the Hub filters by them. A BCP-47 tag such as `en-US` belongs in `language_details`.", example: "language:\n- en\n- fr" } },
  { key: "language_details", value: strings, help: { description: "Full BCP-47 tags (`en-US`, `fr-CA`) when the region or script matters.", example: "language_details:\n- en-US" } },
  { key: "language_bcp47", value: strings, replacedBy: "language_details", help: { description: "The old name of `language_details`." } },
  { key: "tags", value: strings, help: { description: "Free tags; the Hub shows them and lets people search by them.", example: "tags:\n- chat" } },
  { key: "thumbnail", value: url, help: { description: "The URL of an image used when the card is shared." } },
  { key: "pretty_name", value: str, help: { description: "A readable name for the repository.", example: "pretty_name: My Dataset" } },
  { key: "extra_gated_prompt", value: str, help: { description: "Gated access: the text people must agree to before they can download." } },
  { key: "extra_gated_fields", value: { kind: "map", keys: [], open: true }, help: { description: "Gated access: the form fields people fill in to ask for access." } },
  ...["heading", "description", "button_content"].map((part): HubKeySpec => ({ key: `extra_gated_${part}`, value: str, help: { description: `Gated access: the request form's ${part.replace("_", " ")}.` } })),
  { key: "gated", value: { kind: "oneOf", options: [bool, str] }, help: { description: "Whether downloads need approval: `true`, `auto` or `manual`." } },
  { key: "viewer", value: bool, help: { description: "Whether the Hub shows the dataset viewer." } },
];

const metric: HubValue = {
  kind: "map",
  keys: [
    { key: "type", value: str, required: true, help: { description: "The metric's id, such as `accuracy` or `wer` (a metric on the Hub where one exists)." } },
    { key: "value", value: { kind: "scalar" }, required: true, help: { description: "The score: a number (or text such as `197.0 +/- 73.6`)." } },
    { key: "name", value: str, help: { description: "The metric's display name." } },
    { key: "config", value: str, help: { description: "The metric's configuration, such as `exact_match`." } },
    { key: "args", value: any, help: { description: "Arguments the metric was computed with." } },
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
        { key: "type", value: { kind: "string", vocabulary: "task" }, required: true, help: { description: "The task's id (a pipeline tag such as `text-generation`), not its display name." } },
        { key: "name", value: str, help: { description: "The task's display name." } },
      ] },
      help: { description: "What the model was evaluated on." },
    },
    {
      key: "dataset",
      required: true,
      value: { kind: "map", keys: [
        { key: "type", value: str, required: true, help: { description: "The dataset's id on the Hub, such as `ai2_arc` or `mozilla-foundation/common_voice_11_0`." } },
        { key: "name", value: str, required: true, help: { description: "The dataset's display name." } },
        { key: "config", value: str, help: { description: "The dataset configuration (subset)." } },
        { key: "split", value: str, help: { description: "The split evaluated on, such as `test`." } },
        { key: "revision", value: str, help: { description: "The dataset's git revision." } },
        { key: "args", value: any, help: { description: "Arguments the dataset was loaded with." } },
      ] },
      help: { description: "The dataset the results are on." },
    },
    { key: "metrics", required: true, value: { kind: "list", item: metric }, help: { description: "The scores, each with `type` and `value`." } },
    { key: "source", value: { kind: "map", keys: [
      { key: "name", value: str, help: { description: "Where the results come from, such as `Open LLM Leaderboard`." } },
      { key: "url", value: url, help: { description: "A link to the source." } },
    ] }, help: { description: "Where the results were published." } },
  ],
};

export const MODEL_KEYS: readonly HubKeySpec[] = [
  ...COMMON,
  { key: "pipeline_tag", value: { kind: "string", vocabulary: "task" }, help: { description: "The task the model does. The Hub picks the inference widget and the task filter by it.", example: "pipeline_tag: text-generation" } },
  { key: "library_name", value: { kind: "string", vocabulary: "library" }, help: { description: "The library that loads the model. The Hub shows its code snippet (\"Use this model\") and counts downloads by it.", example: "library_name: transformers" } },
  { key: "base_model", value: { kind: "list", item: { kind: "string", hubId: "model" }, single: true }, help: { description: "The Hub id (`owner/name`) of the model this one was trained, merged or quantized from; the Hub builds the model tree from it. A local path is refused.", example: "base_model: mistralai/Mistral-7B-v0.1" } },
  { key: "base_model_relation", value: { kind: "string", vocabulary: "baseModelRelation" }, help: { description: "How the model derives from `base_model`, when the Hub cannot tell.", example: "base_model_relation: finetune" } },
  { key: "datasets", value: { kind: "list", item: { kind: "string", hubId: "dataset" }, single: true }, help: { description: "Hub ids of the datasets the model was trained on; the Hub links them.", example: "datasets:\n- HuggingFaceH4/ultrachat_200k" } },
  { key: "metrics", value: strings, help: { description: "Ids of the metrics the model is evaluated with, such as `accuracy`.", example: "metrics:\n- accuracy" } },
  { key: "new_version", value: { kind: "string", hubId: "model" }, help: { description: "The Hub id of a newer version of this model; the Hub points readers to it." } },
  { key: "inference", value: { kind: "oneOf", options: [bool, { kind: "map", keys: [], open: true }] }, help: { description: "`false` turns the inference widget off." } },
  { key: "widget", value: { kind: "list", item: any }, help: { description: "Example inputs for the inference widget." } },
  { key: "model-index", value: { kind: "list", item: { kind: "map", keys: [
    { key: "name", value: str, required: true, help: { description: "The model's name." } },
    { key: "results", value: { kind: "list", item: result }, required: true, help: { description: "Evaluation results, each with a task, a dataset and metrics." } },
  ] } }, help: { description: "Evaluation results in the Hub's format; the Hub shows them on the page and in leaderboards. A malformed entry is dropped.", example: "model-index:\n- name: my-model\n  results: []" } },
  { key: "co2_eq_emissions", value: { kind: "oneOf", options: [num, { kind: "map", keys: [], open: true }] }, help: { description: "The CO₂ emitted by training, in grams, or a mapping with `emissions`, `source`, `training_type`, …" } },
  { key: "model_name", value: str, help: { description: "The model's name, as training libraries write it." } },
  { key: "model_creator", value: str, help: { description: "Who made the original model (quantizers write it)." } },
  { key: "model_type", value: str, help: { description: "The architecture's name, as quantizers write it." } },
  { key: "quantized_by", value: str, help: { description: "Who quantized the model." } },
  { key: "prompt_template", value: str, help: { description: "The prompt format the model expects." } },
  { key: "instance_prompt", value: str, help: { description: "The trigger words of a LoRA for image generation." } },
  { key: "library_version", value: { kind: "scalar" }, help: { description: "The version of `library_name` used." } },
];

const feature: HubValue = { kind: "map", keys: [], open: true };
const splitInfo: HubValue = { kind: "map", open: true, keys: [
  { key: "name", value: str, required: true, help: { description: "The split's name, such as `train`." } },
  { key: "num_bytes", value: num, help: { description: "The split's size in bytes." } },
  { key: "num_examples", value: num, help: { description: "The number of examples." } },
] };
const datasetInfo: HubValue = { kind: "map", open: true, keys: [
  { key: "config_name", value: str, help: { description: "The configuration these facts are about." } },
  { key: "features", value: { kind: "oneOf", options: [{ kind: "list", item: feature }, feature] }, help: { description: "The columns and their types." } },
  { key: "splits", value: { kind: "list", item: splitInfo }, help: { description: "The splits, each with `name`, `num_bytes`, `num_examples`." } },
  { key: "download_size", value: num, help: { description: "Bytes to download." } },
  { key: "dataset_size", value: num, help: { description: "Bytes of the prepared dataset." } },
] };

/** Keys only dataset cards have: one of them makes a README a dataset card. */
export const DATASET_ONLY_KEYS: readonly HubKeySpec[] = [
  { key: "task_categories", value: words("task"), help: { description: "The tasks the dataset is for, as task ids; the Hub filters by them.", example: "task_categories:\n- text-classification" } },
  { key: "task_ids", value: words("subtask"), help: { description: "Finer task ids, such as `intent-classification`.", example: "task_ids:\n- intent-classification" } },
  { key: "size_categories", value: words("sizeCategory"), help: { description: "How many examples the dataset has, as a range.", example: "size_categories:\n- 10K<n<100K" } },
  { key: "annotations_creators", value: words("annotationsCreator"), help: { description: "Who made the annotations." } },
  { key: "language_creators", value: words("languageCreator"), help: { description: "Who wrote the text." } },
  { key: "multilinguality", value: words("multilinguality"), help: { description: "Whether the dataset has one language or several." } },
  { key: "source_datasets", value: strings, help: { description: "`original`, or `extended|<dataset id>` for each dataset this one extends." } },
  { key: "paperswithcode_id", value: str, help: { description: "The dataset's id on Papers with Code." } },
  { key: "configs", value: { kind: "list", item: { kind: "oneOf", options: [{ kind: "map", open: true, keys: [
    { key: "config_name", value: str, required: true, help: { description: "The configuration's name (`default` for one configuration)." } },
    { key: "data_files", value: any, required: true, help: { description: "The files of the configuration: a path or glob, or a list of `split` and `path`." } },
    { key: "default", value: bool, help: { description: "Whether the viewer opens this configuration first." } },
  ] }, { kind: "string", oldForm: "An old `configs` entry, a bare name: the Hub's viewer and `load_dataset` now read a mapping with `config_name` and `data_files`." }] } }, help: { description: "The dataset's configurations and their data files; the Hub's viewer and `load_dataset` read them.", example: "configs:\n- config_name: default\n  data_files: data/*.parquet" } },
  { key: "dataset_info", value: { kind: "oneOf", options: [{ kind: "list", item: datasetInfo }, datasetInfo] }, help: { description: "Features, splits and sizes per configuration, as `datasets` writes them." } },
  { key: "train-eval-index", value: { kind: "list", item: any }, help: { description: "How to evaluate models on the dataset (AutoTrain)." } },
];

export const DATASET_KEYS: readonly HubKeySpec[] = [...COMMON, ...DATASET_ONLY_KEYS];
