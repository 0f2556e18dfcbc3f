/**
 * Hub cards side by side, as the Compare view and `EXPORT_TABLE` show them: one column per
 * top-level metadata key that holds a value a cell can show (a string, a number, a boolean, or a
 * list of them), in the schema's order; `model-index`, `configs` and the other structures are left
 * to Export Card. The columns shown first are the ones the Hub itself puts on a card's page.
 */
import type { Positions } from "../../text/positions";
import type { HubModel } from "../../model/hub";
import { itemsOf, metaValue, type MetaNode } from "../../parse/hubMetadata";
import type { HubKeySpec, HubKindSpec, HubValue } from "../../schema/hub";
import { vocabulary } from "../../schema/hub/vocabularies";
import type { Cell, Column, ColumnType } from "../table";

/** Shown before the reader picks columns, per kind. */
const SHOWN: Readonly<Record<HubKindSpec["id"], readonly string[]>> = {
  "hub-model": ["license", "pipeline_tag", "library_name", "base_model", "language", "datasets"],
  "hub-dataset": ["license", "task_categories", "size_categories", "language", "multilinguality"],
};

/** The repository's name: the title column of a Hub card, which has no title of its own. */
export const NAME_COLUMN: Column = { id: "name", label: "Name", type: "text", shown: true };

/** The scalar a key's value is, or the scalar its list holds; undefined for structures. */
function scalarOf(value: HubValue): Extract<HubValue, { kind: "string" | "number" | "boolean" | "scalar" }> | undefined {
  if (value.kind === "list") return value.item.kind === "list" ? undefined : scalarOf(value.item);
  return value.kind === "string" || value.kind === "number" || value.kind === "boolean" || value.kind === "scalar" ? value : undefined;
}

function columnOf(kind: HubKindSpec, spec: HubKeySpec): Column | undefined {
  const scalar = scalarOf(spec.value);
  if (!scalar || spec.replacedBy !== undefined) return undefined;
  const vocabularyId = scalar.kind === "string" ? scalar.vocabulary : undefined;
  const type: ColumnType = vocabularyId ? "choice" : spec.value.kind === "list" ? "list" : scalar.kind === "number" ? "number" : scalar.kind === "boolean" ? "boolean" : "text";
  return { id: spec.key, label: spec.key, type, ...(vocabularyId && { options: vocabulary(vocabularyId).map((o) => o.label) }), shown: SHOWN[kind.id].includes(spec.key) };
}

const columnsOf = new Map<HubKindSpec["id"], ReadonlyMap<string, Column>>();

/** A Hub kind's columns by id, in their order: made once per kind, read for every card's row. */
function columnMap(kind: HubKindSpec): ReadonlyMap<string, Column> {
  let columns = columnsOf.get(kind.id);
  if (!columns) {
    columns = new Map([NAME_COLUMN, ...kind.keys.flatMap((spec) => columnOf(kind, spec) ?? [])].map((c) => [c.id, c]));
    columnsOf.set(kind.id, columns);
  }
  return columns;
}

/** Every column of a Hub kind: the name, then each key with a value a cell can show. */
export const hubTableColumns = (kind: HubKindSpec): readonly Column[] => [...columnMap(kind).values()];

/** What a card calls itself: `pretty_name`, `model_name`, the first `model-index` name, else its repository folder. */
export function hubCardName(hub: HubModel, uri: string): string {
  const root = hub.metadata.root;
  const named = [metaValue(root, "pretty_name"), metaValue(root, "model_name"), modelIndexName(metaValue(root, "model-index"))].find((n) => n?.kind === "scalar" && typeof n.value === "string" && n.value.trim() !== "");
  if (named?.kind === "scalar") return String(named.value);
  const parts = decodeURIComponent(uri.replace(/[?#].*$/, "")).split("/");
  return parts.at(-2) ?? parts.at(-1)!;
}

const modelIndexName = (node: MetaNode | undefined): MetaNode | undefined => (node?.kind === "seq" && node.items[0]?.kind === "map" ? metaValue(node.items[0], "name") : undefined);

function scalarText(node: MetaNode): string | undefined {
  if (node.kind !== "scalar") return undefined;
  const { value } = node;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

/** The card as one table row: a cell per key it writes, at the key's line. */
export function hubRowCells(hub: HubModel, uri: string, positions: Positions): Record<string, Cell | null> {
  const cells: Record<string, Cell | null> = { [NAME_COLUMN.id]: { text: hubCardName(hub, uri), line: 0 } };
  const columns = columnMap(hub.kind);
  for (const pair of hub.metadata.root?.pairs ?? []) {
    const column = columns.get(pair.key);
    if (!column) continue;
    const line = positions.positionAt(pair.keySpan.start).line;
    const texts = itemsOf(pair.value).flatMap((item) => scalarText(item) ?? []);
    if (texts.length === 0) {
      cells[pair.key] = { text: null, line };
      continue;
    }
    const text = texts.join(column.type === "list" ? "\n" : "; ");
    const sort = column.type === "number" ? Number(texts[0]) : column.type === "boolean" ? Number(texts[0] === "true") : undefined;
    const values = column.options ? texts.filter((t) => column.options!.includes(t)) : undefined;
    cells[pair.key] = { text, line, ...(sort !== undefined && Number.isFinite(sort) && { sort }), ...(values && { values }) };
  }
  return cells;
}
