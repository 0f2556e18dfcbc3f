/**
 * The sections of the Hub's card templates (huggingface_hub `templates/modelcard_template.md` and
 * `datasetcard_template.md`), with the level and order they are written in. Sections the template
 * marks `[optional]` are offered, not asked for; a missing recommended one is only information.
 */
import type { HubSectionSpec } from "./types";

const s = (level: number, title: string, recommended: boolean, guidance: string, children?: HubSectionSpec[], aliases?: string[]): HubSectionSpec => ({ level, title, recommended, guidance, ...(children && { children }), ...(aliases && { aliases }) });

const BIAS = s(2, "Bias, Risks, and Limitations", true, "Technical and sociotechnical limitations, and the risks of misuse.", [
  s(3, "Recommendations", false, "What users should do about the risks and limitations above."),
], ["Limitations and bias", "Limitations", "Bias", "Risks and limitations", "Considerations for Using the Data"]);
const CITATION = s(2, "Citation", false, "The BibTeX and APA citation of the paper or blog post.");
const GLOSSARY = s(2, "Glossary", false, "Terms and calculations readers need to understand the card.");
const MORE = s(2, "More Information", false, "Anything else worth knowing.");

export const MODEL_SECTIONS: readonly HubSectionSpec[] = [
  s(2, "Model Details", true, "What the model is, who made it, and where it comes from.", [
    s(3, "Model Description", false, "A summary of the model: developers, model type, languages, license, base model."),
    s(3, "Model Sources", false, "The repository, paper and demo."),
  ], ["Model description", "Model Summary", "Overview"]),
  s(2, "Uses", true, "How the model is meant to be used, and by whom.", [
    s(3, "Direct Use", false, "Use without fine-tuning or a larger application."),
    s(3, "Downstream Use", false, "Use after fine-tuning or within a larger application."),
    s(3, "Out-of-Scope Use", false, "Misuse, malicious use, and uses the model will not work well for."),
  ], ["Intended uses & limitations", "Intended uses", "Intended use", "Usage"]),
  BIAS,
  s(2, "How to Get Started with the Model", true, "The code to load and run the model.", undefined, ["How to use", "Usage", "Quick start", "Quickstart", "Getting started"]),
  s(2, "Training Details", true, "What the model was trained on, and how.", [
    s(3, "Training Data", false, "The training data, ideally a link to its dataset card."),
    s(3, "Training Procedure", false, "Preprocessing, hyperparameters, and speeds, sizes and times."),
  ], ["Training procedure", "Training and evaluation data", "Training", "Training data"]),
  s(2, "Evaluation", true, "How the model was evaluated, and the results.", [
    s(3, "Testing Data, Factors & Metrics", false, "The test data, the factors the results are broken down by, and the metrics."),
    s(3, "Results", false, "The results, and a summary of them."),
  ], ["Evaluation results", "Results", "Performance", "Benchmarks"]),
  s(2, "Model Examination", false, "Interpretability work on the model."),
  s(2, "Environmental Impact", false, "Hardware, hours used, cloud provider, region and carbon emitted."),
  s(2, "Technical Specifications", false, "The architecture, objective and compute infrastructure."),
  CITATION,
  GLOSSARY,
  MORE,
  s(2, "Model Card Authors", false, "Who wrote this card."),
  s(2, "Model Card Contact", false, "Where to send questions about the card."),
];

export const DATASET_SECTIONS: readonly HubSectionSpec[] = [
  s(2, "Dataset Details", true, "What the dataset is, who made it, and where it comes from.", [
    s(3, "Dataset Description", false, "A summary: curators, funding, languages, license."),
    s(3, "Dataset Sources", false, "The repository, paper and demo."),
  ], ["Dataset Description", "Dataset Summary"]),
  s(2, "Uses", true, "How the dataset is meant to be used.", [
    s(3, "Direct Use", false, "The uses the dataset suits."),
    s(3, "Out-of-Scope Use", false, "Misuse, malicious use, and uses the dataset will not work well for."),
  ], ["Supported Tasks and Leaderboards", "Intended uses"]),
  s(2, "Dataset Structure", true, "The fields, splits and how the examples relate.", undefined, ["Data Fields", "Data Instances"]),
  s(2, "Dataset Creation", true, "Why and how the dataset was made.", [
    s(3, "Curation Rationale", false, "The motivation for the dataset."),
    s(3, "Source Data", false, "Where the data comes from, and who produced it."),
    s(3, "Annotations", false, "How the annotations were made, and by whom."),
    s(3, "Personal and Sensitive Information", false, "Whether the data holds personal or sensitive information, and what was done about it."),
  ]),
  BIAS,
  CITATION,
  GLOSSARY,
  MORE,
  s(2, "Dataset Card Authors", false, "Who wrote this card."),
  s(2, "Dataset Card Contact", false, "Where to send questions about the card."),
];

/** What the template leaves where the author has not written anything yet. */
export const PLACEHOLDER = "[More Information Needed]";
