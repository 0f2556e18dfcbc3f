import type { Analysis } from "../analysis";
import type { BoundField, BoundSection } from "../model/card";
import { matchesOption } from "../model/labels";
import type { ListItem } from "../parse/body";
import { canonicalCheckbox } from "../parse/body";
import { exportHubCard } from "./hub/export";
import { cardSchema, isNotReported, type CardKindSpec, type FieldSpec } from "../schema";

/**
 * A card as data, for other tools: front matter, then every field under a key derived from its
 * id, values read as their kind says (links as {text, url}, ✅/❌ as booleans, options as strings),
 * `/` as null. The shape is described by `cardJsonSchema`, generated from the same schema.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The JSON key of a field: the last part of its id (`tokenizer.technology` → `technology`). */
const jsonKey = (spec: FieldSpec): string => spec.id.slice(spec.id.lastIndexOf(".") + 1);

const absent = (text: string): boolean => text.trim() === "" || isNotReported(text);
const unticked = (text: string): string => text.replace(/`/g, "").trim();
const LINK = /^\[([^\]\n]*)\]\(\s*<?([^\s)>]+)>?[^)]*\)/;

function inlineValue(spec: FieldSpec, text: string): JsonValue {
  if (absent(text)) return null;
  switch (spec.value?.kind) {
    case "link": {
      const m = LINK.exec(text.trim());
      return m ? { text: m[1]!, url: m[2]! } : { text: text.trim(), url: null };
    }
    case "boolean": {
      const { yes, no } = cardSchema.booleans;
      const token = /^[^\s(]+/.exec(text.trim())?.[0] ?? "";
      const value = matchesOption(yes, token) || token.startsWith(yes.label) ? true : matchesOption(no, token) || token.startsWith(no.label) ? false : null;
      const note = text.trim().slice(token.length).trim();
      return { value, note: note === "" ? null : note };
    }
    default:
      return unticked(text);
  }
}

function itemText(text: string, item: ListItem): string {
  return text.slice(item.content.start, item.content.end);
}

/**
 * Hears every field of the template as the export reads it: its spec, the bullet that wrote it
 * (undefined when the card lacks it) and its exported value. Tables of cards are built from this.
 */
export type FieldVisitor = (spec: FieldSpec, field: BoundField | undefined, value: JsonValue) => void;

function fieldValue(analysis: Analysis, field: BoundField, visit: FieldVisitor | undefined): JsonValue {
  const { text } = analysis.parsed;
  const spec = field.spec;
  const value = spec.value ? inlineValue(spec, field.item.value ? text.slice(field.item.value.start, field.item.value.end) : "") : undefined;
  const children = spec.children;
  let nested: JsonValue | undefined;
  if (children?.kind === "fields" && field.section) nested = sectionValue(analysis, field.section, visit);
  else if (children?.kind === "choice") {
    const checked = field.options.filter((o) => o.item.checkbox && canonicalCheckbox(o.item.checkbox) === "[x]").map((o) => o.option?.label ?? unticked(itemText(text, o.item)));
    nested = children.selection === "single" ? (checked[0] ?? null) : checked;
  } else if (children?.kind === "items") {
    const items = field.item.children.map((c) => itemText(text, c)).filter((t) => !absent(t));
    // Sizes are written as backticked lists (`` `350M`; `2.7B` ``): one entry per size.
    nested = children.item === "sizes" ? items.flatMap((t) => (t.includes("`") ? [...t.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim()) : [t.trim()])) : items.map(unticked);
  }
  const suffix = field.suffix ? text.slice(field.suffix.start, field.suffix.end).replace(/^\(|\)$/g, "").trim() : undefined;
  if (suffix === undefined && (value === undefined || nested === undefined)) return value ?? nested ?? null;
  // A field with a value and children (optimizer with betas and eps) or a suffix becomes an object.
  const out: { [key: string]: JsonValue } = {};
  if (suffix !== undefined) out.model = suffix;
  if (value !== undefined) out.value = value;
  if (nested !== null && typeof nested === "object" && !Array.isArray(nested)) Object.assign(out, nested);
  else if (nested !== undefined) out.items = nested;
  return out;
}

function sectionValue(analysis: Analysis, section: BoundSection, visit: FieldVisitor | undefined): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const spec of section.specs) {
    const field = section.fields.find((f) => f.spec === spec);
    const value = field ? fieldValue(analysis, field, visit) : null;
    visit?.(spec, field, value);
    out[jsonKey(spec)] = value;
  }
  return out;
}

export type JsonObject = { [key: string]: JsonValue };

/** The card as JSON data, or undefined for markdown that is not a card; `visit` hears each field on the way. */
export function exportCard(analysis: Analysis, visit?: FieldVisitor): JsonObject | undefined {
  if (analysis.hub) return exportHubCard(analysis.hub);
  const model = analysis.model;
  if (!model) return undefined;
  const frontMatter: { [key: string]: JsonValue } = {};
  for (const entry of analysis.parsed.frontMatter?.entries ?? []) frontMatter[entry.key] = toJson(entry.value);
  return { kind: model.kind.tag, frontMatter, fields: sectionValue(analysis, model.root, visit) };
}

function toJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  // YAML gives strings, numbers, booleans, lists and maps; anything else has no JSON form.
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
}

type Schema = { [key: string]: JsonValue };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: "null" }] });

function fieldSchema(spec: FieldSpec): Schema {
  const description = spec.help.description;
  const value: Schema | undefined = spec.value && (
    spec.value.kind === "link" ? { type: "object", properties: { text: { type: "string" }, url: { type: ["string", "null"] } }, required: ["text", "url"], additionalProperties: false }
    : spec.value.kind === "boolean" ? { type: "object", properties: { value: { type: ["boolean", "null"] }, note: { type: ["string", "null"] } }, required: ["value", "note"], additionalProperties: false }
    : { type: "string" });
  const children = spec.children;
  const nested: Schema | undefined =
    children?.kind === "fields" ? sectionSchema(children.fields)
    : children?.kind === "choice" ? (children.selection === "single" ? { type: ["string", "null"], examples: children.options.map((o) => o.label) } : { type: "array", items: { type: "string", examples: children.options.map((o) => o.label) } })
    : children?.kind === "items" ? { type: "array", items: { type: "string" } }
    : undefined;
  if (!spec.labelSuffix && (!value || !nested)) return { description, ...nullable(value ?? nested ?? { type: "null" }) };
  const properties: Schema = {};
  if (spec.labelSuffix) properties.model = { type: "string", description: spec.labelSuffix.help };
  if (value) properties.value = nullable(value);
  if (nested && nested.type === "object") Object.assign(properties, nested.properties);
  else if (nested) properties.items = nested;
  return { description, ...nullable({ type: "object", properties, additionalProperties: false }) };
}

function sectionSchema(fields: readonly FieldSpec[]): Schema {
  return { type: "object", properties: Object.fromEntries(fields.map((f) => [jsonKey(f), fieldSchema(f)])), required: fields.map(jsonKey), additionalProperties: false };
}

/** The JSON Schema (draft 2020-12) of `exportCard`'s output for one card kind. */
export function cardJsonSchema(kind: CardKindSpec): Schema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `${kind.name[0]!.toUpperCase()}${kind.name.slice(1)}`,
    description: `A ${kind.name} exported by model-cards: front matter and every field of the template (null when absent or not reported).`,
    type: "object",
    properties: {
      kind: { const: kind.tag },
      frontMatter: { type: "object", properties: Object.fromEntries(cardSchema.frontMatter.map((k) => [k.key, { description: k.help.description }])) },
      fields: sectionSchema(kind.fields),
    },
    required: ["kind", "frontMatter", "fields"],
    additionalProperties: false,
  };
}
