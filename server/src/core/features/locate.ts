import type { Analysis } from "../analysis";
import type { BoundField, BoundOption, BoundSection } from "../model/card";
import type { ListItem } from "../parse/body";
import { itemAtLine } from "../parse/document";

export interface Located {
  readonly item: ListItem | undefined;
  readonly field: BoundField | undefined;
  /** Set when the item is an option of a choice group. */
  readonly option: { readonly group: BoundField; readonly bound: BoundOption } | undefined;
}

const NOWHERE: Omit<Located, "item"> = { field: undefined, option: undefined };

/**
 * The binding of an item, found from its ancestors down: a field's parent bullet is the field that
 * owns its section, an option's parent is its choice group. Only the siblings on that path are
 * looked at, so a request at the cursor costs the same on a card of any length (a map of every
 * binding, built on the first request after each edit, made it grow with the card).
 */
function bindingOf(root: BoundSection, item: ListItem): Omit<Located, "item"> {
  const owner = item.parent && bindingOf(root, item.parent).field;
  if (item.parent && !owner) return NOWHERE;
  const field = (owner ? owner.section : root)?.fields.find((f) => f.item === item);
  if (field) return { field, option: undefined };
  const bound = owner?.options.find((o) => o.item === item);
  return owner && bound ? { field: undefined, option: { group: owner, bound } } : NOWHERE;
}

/** What the bullet on a line is in the card: a field, an option of a group, or neither. */
export function locateLine(analysis: Analysis, line: number): Located {
  const item = itemAtLine(analysis.parsed, line);
  if (!item || !analysis.model) return { item, ...NOWHERE };
  return { item, ...bindingOf(analysis.model.root, item) };
}

/** The bound field that owns the bullets nested under `item` (undefined at the top level). */
export function fieldOf(analysis: Analysis, item: ListItem | undefined): BoundField | undefined {
  return item ? locateLine(analysis, item.line).field : undefined;
}
