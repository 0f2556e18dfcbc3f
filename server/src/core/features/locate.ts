import type { Analysis } from "../analysis";
import { allFields, type BoundField, type BoundOption } from "../model/card";
import type { ListItem } from "../parse/body";
import { itemAtLine } from "../parse/document";

export interface Located {
  readonly item: ListItem | undefined;
  readonly field: BoundField | undefined;
  /** Set when the item is an option of a choice group. */
  readonly option: { readonly group: BoundField; readonly bound: BoundOption } | undefined;
}

const bindingsCache = new WeakMap<Analysis, Map<ListItem, Omit<Located, "item">>>();

/** What the bullet on a line is in the card: a field, an option of a group, or neither. Built once per analysis. */
export function locateLine(analysis: Analysis, line: number): Located {
  const item = itemAtLine(analysis.parsed, line);
  if (!item || !analysis.model) return { item, field: undefined, option: undefined };
  let map = bindingsCache.get(analysis);
  if (!map) {
    map = new Map();
    for (const field of allFields(analysis.model.root)) {
      map.set(field.item, { field, option: undefined });
      for (const bound of field.options) map.set(bound.item, { field: undefined, option: { group: field, bound } });
    }
    bindingsCache.set(analysis, map);
  }
  return { item, ...(map.get(item) ?? { field: undefined, option: undefined }) };
}

/** The bound field that owns the bullets nested under `item` (undefined at the top level). */
export function fieldOf(analysis: Analysis, item: ListItem | undefined): BoundField | undefined {
  return item ? locateLine(analysis, item.line).field : undefined;
}
