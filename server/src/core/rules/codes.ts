/**
 * Every diagnostic code, its default severity and what it means. Codes are stable: users key their
 * severity settings on them, so a code is never renamed or reused. The README table and the
 * settings schema in package.json are generated from this table.
 */
export type Severity = "error" | "warning" | "information" | "hint";

// Defaults: only text that is broken (YAML that does not parse) is an error; an incomplete or
// sloppy card is a list of warnings to finish; matters of house style are information or hints.
export const CODES = {
  "document.too-large": { severity: "warning", description: "A card too large to check in the editor without slowing it down; the CLI checks it." },
  "front-matter.syntax": { severity: "error", description: "The front matter is not valid YAML, or has no closing `---`." },
  "front-matter.missing-key": { severity: "warning", description: "A required front matter key (title, author, date, categories, tags) is missing." },
  "front-matter.date": { severity: "warning", description: "`date` is not `YYYY-MM-DD HH:MM:SS +ZZZZ` or not a real date." },
  "front-matter.date-filename": { severity: "warning", description: "`date` does not match the date in the post's file name." },
  "front-matter.unknown-tag": { severity: "warning", description: "A file treated as a card has no `models` or `benchmarks` tag." },
  "section.missing": { severity: "warning", description: "A section (a field with child fields) is missing." },
  "field.missing": { severity: "warning", description: "A required field is missing." },
  "field.unknown": { severity: "warning", description: "A bullet names no field of the card's schema." },
  "field.duplicate": { severity: "warning", description: "A field appears twice at the same level." },
  "field.order": { severity: "warning", description: "A field is not in the template's order." },
  "emoji.missing": { severity: "warning", description: "A field label lacks its emoji." },
  "emoji.wrong": { severity: "warning", description: "A field label has a different emoji than the template's." },
  "emoji.garbled": { severity: "warning", description: "A field's emoji is mojibake (UTF-8 read as Windows-1252/1254)." },
  "emoji.variant": { severity: "hint", description: "A field's emoji is another form (variation selector, ZWJ) of the template's." },
  "choice.unknown-option": { severity: "warning", description: "A choice group lists an option the schema does not know." },
  "choice.none-checked": { severity: "warning", description: "No option of a choice group is checked." },
  "choice.multiple-checked": { severity: "warning", description: "More than one option is checked in a single-choice group." },
  "checkbox.missing": { severity: "warning", description: "An option of a choice group has no `[ ]` / `[x]` checkbox." },
  "checkbox.malformed": { severity: "warning", description: "A checkbox such as `[]`, `[ x]` or `[v]` that GitHub markdown does not render as a task item." },
  "checkbox.uppercase": { severity: "hint", description: "`[X]` is valid but the template writes `[x]`." },
  "value.empty": { severity: "warning", description: "A field that takes a value has none (write `/` when it is not reported)." },
  "value.boolean": { severity: "warning", description: "A yes/no field uses something other than ✅ or ❌ (`√`, `×`, yes, no)." },
  "value.link": { severity: "warning", description: "A link field is not a well-formed markdown link `[Title](https://…)`." },
  "value.number": { severity: "warning", description: "A numeric field has no number (`learning rate: fast`)." },
  "value.size": { severity: "warning", description: "A model size does not parse (`6.7B`, `350M`)." },
  "value.unknown": { severity: "warning", description: "A value is not one of the field's known values (`bp16` for a precision)." },
  "list.marker": { severity: "information", description: "The bullet marker is not the template's for its level (`-`, `+`, `*`)." },
  "list.indent": { severity: "warning", description: "The indent is not two spaces per level." },
  "suppression.unused": { severity: "information", description: "A `<!-- model-cards-disable… -->` comment hides no problem: the problem was fixed, or the comment is in the wrong place." },
  "suppression.unknown-code": { severity: "warning", description: "A `<!-- model-cards-disable… -->` comment names a code that does not exist." },
  // Hugging Face Hub cards: what the Hub refuses on push is an error, what it takes but is wrong or
  // weak a warning, what is only unfinished information.
  "hub.metadata-syntax": { severity: "error", description: "Hub metadata that is not valid YAML or not a mapping: the Hub refuses the push." },
  "hub.duplicate-key": { severity: "error", description: "A Hub metadata key appears twice in the same mapping." },
  "hub.type": { severity: "error", description: "A Hub metadata value of the wrong type (a mapping where a list or text is wanted)." },
  "hub.null-item": { severity: "error", description: "An empty item in a Hub metadata list (`datasets: - null`)." },
  "hub.license": { severity: "error", description: "`license` is not one of the Hub's license ids (`MIT` → `mit`, `apache2` → `apache-2.0`)." },
  "hub.license-other": { severity: "warning", description: "`license: other` without `license_name` and `license_link`." },
  "hub.language": { severity: "error", description: "A `language` value that is not an ISO 639 code (`en-US`, `EN`): the Hub refuses it." },
  "hub.language-unknown": { severity: "warning", description: "A well-formed `language` code that no ISO 639 list has." },
  "hub.legacy": { severity: "warning", description: "A legacy key or value the Hub still reads (`language_bcp47`, `iw`, `conversational`)." },
  "hub.pipeline-tag": { severity: "error", description: "`pipeline_tag` is not one of the Hub's tasks." },
  "hub.task": { severity: "warning", description: "A task id (`task_categories`, `task_ids`, a model-index `task.type`) the Hub does not know." },
  "hub.library": { severity: "warning", description: "`library_name` is not a library the Hub knows: no code snippet or download count." },
  "hub.base-model": { severity: "error", description: "`base_model` (or `new_version`) is not a Hub id `owner/name`, such as a local path." },
  "hub.repo-id": { severity: "warning", description: "A dataset in `datasets` that is not a Hub id: the Hub does not link it." },
  "hub.model-index": { severity: "error", description: "A `model-index` entry lacks a key the Hub requires (`name`, `task.type`, `dataset.type`, `metrics[].value`, …)." },
  "hub.metric-value": { severity: "warning", description: "A model-index metric with an empty `value`." },
  "hub.value": { severity: "warning", description: "A dataset card value that is not one of its known values (`size_categories`, `multilinguality`, …)." },
  "hub.misspelt-key": { severity: "warning", description: "A Hub metadata key that is a misspelling of a known one (`licence`): the Hub ignores it." },
  "hub.unknown-key": { severity: "information", description: "A Hub metadata key the Hub does not use (it keeps it)." },
  "hub.section-missing": { severity: "information", description: "A section the Hub's template recommends is not written yet." },
  "hub.placeholder": { severity: "information", description: "The template's `[More Information Needed]` is still there." },
} as const satisfies Record<string, { severity: Severity; description: string }>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];
