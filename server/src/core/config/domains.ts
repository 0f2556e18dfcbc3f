/**
 * The names `.modelcards.yaml` refers to, with what each means: the diagnostic codes, the levels,
 * the field ids and card kinds of the built-in schema the file extends, and the value kinds of a
 * new field. Readers check names against these; completion, hover and the JSON Schema list them.
 */
import { ALL_CODES, CODES } from "../rules/codes";
import { cardSchema, displayName, type CardKindSpec, type FieldSpec } from "../schema";
import type { SeverityLevel } from "../settings";
import { namesOf, type Domain, type Named } from "./shape";

const LEVEL_HELP: Readonly<Record<SeverityLevel, string>> = {
  error: "Shown as an error; `model-cards check` exits with 1.",
  warning: "Shown as a warning; `model-cards check` fails on warnings only past `--max-warnings`.",
  information: "Shown as information; never fails `model-cards check`.",
  hint: "Shown as a hint (a faint underline); never fails `model-cards check`.",
  off: "Not reported at all.",
};

export const VALUE_KIND_HELP = {
  link: "A markdown link, `[Title](https://…)`.",
  boolean: "✅ or ❌, as `🔑Public: ✅`.",
  number: "A number, as `` `1e-4` ``.",
  sizes: "Model sizes, as `` `350M, 2.7B` ``.",
  text: "Free text; `options` can suggest values for it.",
} as const satisfies Record<string, string>;

export type ValueKind = keyof typeof VALUE_KIND_HELP;

export const CODE_DOMAIN = namesOf("a diagnostic code", ALL_CODES.map((code) => ({ name: code, description: CODES[code].description, detail: `default: ${CODES[code].severity}` })));
export const LEVEL_DOMAIN = namesOf("a level", Object.entries(LEVEL_HELP).map(([name, description]) => ({ name, description })));
export const VALUE_KIND_DOMAIN = namesOf("a value kind", Object.entries(VALUE_KIND_HELP).map(([name, description]) => ({ name, description })));

/** Every field id of these kinds (child fields' ids are dotted: `hyperparameters.optimizer`). */
export function fieldIds(kinds: readonly CardKindSpec[]): Map<string, FieldSpec> {
  const ids = new Map<string, FieldSpec>();
  const walk = (fields: readonly FieldSpec[]): void => {
    for (const f of fields) {
      ids.set(f.id, f);
      if (f.children?.kind === "fields") walk(f.children.fields);
    }
  };
  for (const kind of kinds) walk(kind.fields);
  return ids;
}

/** Only choice groups and fields with known or suggested values can take more options. */
export const takesOptions = (spec: FieldSpec): boolean => spec.children?.kind === "choice" || spec.value?.kind === "enum" || spec.value?.kind === "text";

/** The options a field has now: a choice group's, or its known or suggested values. */
function optionsOf(spec: FieldSpec): readonly string[] {
  if (spec.children?.kind === "choice") return spec.children.options.map((o) => o.label);
  if (spec.value?.kind === "enum") return spec.value.options.map((o) => o.label);
  if (spec.value?.kind === "text") return spec.value.suggestions?.map((o) => o.label) ?? [];
  return [];
}

function fieldNamed(spec: FieldSpec): Named {
  const options = optionsOf(spec);
  const description = [spec.help.description, ...(options.length > 0 ? [`Options now: ${options.map((o) => `\`${o}\``).join(", ")}.`] : [])].join("\n\n");
  return { name: spec.id, description, detail: displayName(spec) };
}

const BUILT_IN_FIELDS = fieldIds(cardSchema.kinds);

/** The built-in field ids: what `optional` and the places of a new field name. */
export const FIELD_DOMAIN: Domain = { what: "a field id", values: () => [...BUILT_IN_FIELDS.values()].map(fieldNamed), closed: true };
/** Field ids that can take options: the keys under `options`. */
export const OPTIONS_FIELD_DOMAIN: Domain = { what: "a field id that takes options", values: () => [...BUILT_IN_FIELDS.values()].filter(takesOptions).map(fieldNamed), closed: true };
/** A place for a new field: a built-in field id, or one of a kind the same file defines. */
export const PLACE_DOMAIN: Domain = { ...FIELD_DOMAIN, closed: false };
/** The card kinds a new field can be for: the built-in ones, or one the same file defines. */
export const KIND_DOMAIN: Domain = { what: "the tag of a card kind", values: () => cardSchema.kinds.map((k) => ({ name: k.tag, description: `The ${k.name}: posts tagged \`${k.tag}\`.` })), closed: false };

export const BUILT_IN_TAGS: readonly string[] = cardSchema.kinds.map((k) => k.tag);
export { BUILT_IN_FIELDS };
