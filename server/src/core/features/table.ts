import type { Analysis } from "../analysis";
import { findOption } from "../model/labels";
import { cardSchema, type CardKindSpec, type FieldSpec, type OptionSpec } from "../schema";
import { exportCard, type JsonValue } from "./export";
import { hubRowCells, hubTableColumns } from "./hub/table";
import { HUB_KINDS, type HubKindSpec } from "../schema/hub";

/**
 * Cards side by side: one row per card, one column per field of its kind, read from the same
 * export as Export Card (so the table, the CLI's `export` and the JSON never disagree).
 */

/** How a column's values compare and filter: sizes sort as sizes, dates as dates. */
export type ColumnType = "text" | "link" | "boolean" | "number" | "size" | "date" | "choice" | "list";

export interface Column {
  /** The field id (`tokenizer.technology`), or a front matter key (`title`, `date`). */
  readonly id: string;
  /** The field's label under its section's: `Tokenizer › Technology`. */
  readonly label: string;
  readonly type: ColumnType;
  /** The values the schema knows, for filtering and counting (choices, known values, ✅/❌). */
  readonly options?: readonly string[];
  /** Shown before the reader picks columns. */
  readonly shown: boolean;
}

/** A value as a table shows it; a field the card lacks has no cell at all (null), unlike `/`. */
export interface Cell {
  /** The value as text; null when the card writes `/` (not reported). */
  readonly text: string | null;
  /** 0-based line of the field's bullet (or front matter key), where a click goes. */
  readonly line: number;
  /** A number to sort by: a size's parameters, a date's time, a number's value, ✅ as 1. */
  readonly sort?: number;
  /** The schema's options the value names, for filtering and the per-option counts. */
  readonly values?: readonly string[];
}

export interface CardRow {
  /** The kind's tag: `models`. */
  readonly kind: string;
  readonly cells: Readonly<Record<string, Cell | null>>;
}

const FRONT_MATTER_COLUMNS: readonly Column[] = [
  { id: "title", label: "Title", type: "text", shown: true },
  { id: "date", label: "Date", type: "date", shown: true },
];

const BOOLEAN_OPTIONS = [cardSchema.booleans.yes, cardSchema.booleans.no];

function columnType(spec: FieldSpec): ColumnType {
  const children = spec.children;
  if (children?.kind === "choice") return "choice";
  if (children?.kind === "items") return children.item === "sizes" ? "size" : "list";
  switch (spec.value?.kind) {
    case "link": return "link";
    case "boolean": return "boolean";
    case "number": return "number";
    case "sizes": return "size";
    default: return "text";
  }
}

function optionsOf(spec: FieldSpec): readonly OptionSpec[] | undefined {
  if (spec.children?.kind === "choice") return spec.children.options;
  switch (spec.value?.kind) {
    case "boolean": return BOOLEAN_OPTIONS;
    case "enum": return spec.value.options;
    case "text": return spec.value.suggestions;
    default: return undefined;
  }
}

/** A field has a column when it holds a value of its own; a heading for child fields only lends them its label. */
const hasColumn = (spec: FieldSpec): boolean => spec.value !== undefined || (spec.children !== undefined && spec.children.kind !== "fields");

/** A kind of card as the table shows it: its tag (the rows' `kind`), its name and its columns. */
export interface TableKind {
  readonly tag: string;
  readonly name: string;
  readonly columns: readonly Column[];
}

const jekyllKind = (kind: CardKindSpec): TableKind => ({ tag: kind.tag, name: kind.name, columns: tableColumns(kind) });
const hubKind = (kind: HubKindSpec): TableKind => ({ tag: kind.id, name: kind.name, columns: hubTableColumns(kind) });

/** The table's kinds: the Jekyll kinds in force (a config may extend them), then the Hub's. */
export const tableKinds = (kinds: readonly CardKindSpec[]): TableKind[] => [...kinds.map(jekyllKind), ...HUB_KINDS.map(hubKind)];

/** The kind a card is listed under, or undefined for markdown that is not a card. */
export function tableKindOf(analysis: Analysis): TableKind | undefined {
  if (analysis.hub) return hubKind(analysis.hub.kind);
  return analysis.model && jekyllKind(analysis.model.kind);
}

/** Every column of a kind: title and date, then each field with a value, in the template's order. */
export function tableColumns(kind: CardKindSpec): Column[] {
  const columns = [...FRONT_MATTER_COLUMNS];
  const shown = new Set(kind.columns ?? []);
  const walk = (fields: readonly FieldSpec[], prefix: string): void => {
    for (const spec of fields) {
      const label = prefix + spec.label;
      if (hasColumn(spec)) {
        const options = optionsOf(spec)?.map((o) => o.label);
        columns.push({ id: spec.id, label, type: columnType(spec), ...(options ? { options } : {}), shown: kind.columns ? shown.has(spec.id) : columns.length < FRONT_MATTER_COLUMNS.length + 8 });
      }
      if (spec.children?.kind === "fields") walk(spec.children.fields, `${label} › `);
    }
  };
  walk(kind.fields, "");
  return columns;
}

const MULTIPLIER: Readonly<Record<string, number>> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };
const SIZE = /(\d+(?:\.\d+)?)\s*([KMBT])\b/gi;
const NUMBER = /(\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?)\s*([KMBT]\b)?/i;

/** The largest size a value names (`350M; 2.7B` → 2.7e9): a model family sorts by its biggest member. */
function largestSize(text: string): number | undefined {
  let largest: number | undefined;
  for (const m of text.matchAll(SIZE)) {
    const size = Number(m[1]) * MULTIPLIER[m[2]!.toUpperCase()]!;
    largest = Math.max(largest ?? 0, size);
  }
  return largest;
}

function firstNumber(text: string): number | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]!.replace(/,/g, "")) * (m[2] ? MULTIPLIER[m[2].toUpperCase()]! : 1);
  return Number.isFinite(value) ? value : undefined;
}

/** Jekyll's `2021-07-07 00:00:00 +0800` as a time; the export's ISO dates parse as they are. */
function dateValue(text: string): number | undefined {
  const jekyll = /^(\d{4}-\d\d-\d\d)(?:[ T](\d\d:\d\d(?::\d\d)?))?\s*(?:([-+]\d\d):?(\d\d))?/.exec(text.trim());
  const iso = jekyll ? `${jekyll[1]!}T${jekyll[2] ?? "00:00:00"}${jekyll[3] ? `${jekyll[3]}:${jekyll[4]!}` : "Z"}` : text;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

/** The export's value of a field as text (free items one per line); null for `/`. */
function display(value: JsonValue, type: ColumnType): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((v) => display(v, type) ?? cardSchema.notReported).join(type === "list" ? "\n" : "; ");
  if (typeof value !== "object") return String(value);
  if ("url" in value) return typeof value.text === "string" ? value.text : null;
  if ("note" in value) {
    const mark = value.value === true ? cardSchema.booleans.yes.label : value.value === false ? cardSchema.booleans.no.label : null;
    const note = typeof value.note === "string" ? value.note : null;
    return mark === null ? note : note === null ? mark : `${mark} ${note}`;
  }
  // A field with a value and children (optimizer, with betas and eps under it): the column shows its value.
  if ("value" in value) return display(value.value ?? null, type);
  return "items" in value ? display(value.items ?? null, type) : null;
}

function sortKey(type: ColumnType, value: JsonValue, text: string): number | undefined {
  switch (type) {
    case "size": return largestSize(text);
    case "number": return firstNumber(text);
    case "date": return dateValue(text);
    case "boolean": return typeof value === "object" && value !== null && "value" in value && typeof value.value === "boolean" ? Number(value.value) : undefined;
    default: return undefined;
  }
}

/** The options a value names: each `;`-separated or backticked part that is one of them. */
function namedOptions(options: readonly OptionSpec[], value: JsonValue, text: string): string[] {
  const parts = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : text.split(/;|`/);
  const named = parts.map((p) => findOption(options, p.trim())?.label).filter((l): l is string => l !== undefined);
  if (named.length === 0 && /^[✅❌]/u.test(text)) named.push(text.startsWith(cardSchema.booleans.yes.label) ? cardSchema.booleans.yes.label : cardSchema.booleans.no.label);
  return [...new Set(named)];
}

function cell(spec: FieldSpec | undefined, type: ColumnType, value: JsonValue, line: number): Cell {
  const text = display(value, type);
  if (text === null) return { text, line };
  const sort = sortKey(type, value, text);
  const options = spec && optionsOf(spec);
  return { text, line, ...(sort === undefined ? {} : { sort }), ...(options ? { values: namedOptions(options, value, text) } : {}) };
}

/** The card as one table row, or undefined for markdown that is not a card. */
export function cardRow(analysis: Analysis): CardRow | undefined {
  if (analysis.hub) return { kind: analysis.hub.kind.id, cells: hubRowCells(analysis.hub, analysis.uri, analysis.positions) };
  const cells: Record<string, Cell | null> = {};
  const exported = exportCard(analysis, (spec, field, value) => {
    if (field && hasColumn(spec)) cells[spec.id] = cell(spec, columnType(spec), value, field.item.line);
  });
  if (!exported || !analysis.model) return undefined;
  for (const column of FRONT_MATTER_COLUMNS) {
    const entry = analysis.parsed.frontMatter?.entries.find((e) => e.key === column.id);
    const value = exported.frontMatter && typeof exported.frontMatter === "object" && !Array.isArray(exported.frontMatter) ? exported.frontMatter[column.id] : undefined;
    // Front matter keys sit on lines of their own; the key's offset finds its line.
    if (entry && value !== undefined) cells[column.id] = cell(undefined, column.type, value, analysis.positions.positionAt(entry.keySpan.start).line);
  }
  return { kind: analysis.model.kind.tag, cells };
}
