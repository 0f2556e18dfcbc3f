/**
 * A card's Compare view row and workspace symbols as the workspace index keeps them, for 10,000
 * cards at a time: few objects, and no string that is a slice of the card's text (V8 keeps a whole
 * string alive for any slice of it). Unpacked into the protocol's shapes only when asked.
 */
import type { SymbolKind, WorkspaceSymbol } from "vscode-languageserver-types";
import type { CardRow, Cell } from "./core/features/table";
import { detached } from "./core/text/detach";

/**
 * A row's cells one after another in one array: id, text, line, then the sort key if the cell has
 * one (a number) and the options it names if any (an array); the next id (a string) starts the next
 * cell. As objects (a record, an object and an options array per cell) a row of 30 cells cost
 * 1.9 KB, 17 MB of a 10,000-card index.
 */
type Slot = string | number | null | readonly string[];

export interface PackedRow {
  readonly kind: string;
  readonly slots: readonly Slot[];
}

/** The one array per set of options cells name: the schema's labels, so a few dozen arrays serve every card. */
const optionSets = new Map<string, readonly string[]>();
function sharedOptions(values: readonly string[]): readonly string[] {
  const key = values.join("\n");
  const shared = optionSets.get(key);
  if (shared) return shared;
  optionSets.set(key, values);
  return values;
}

/** A cell's text: the schema's label when the text is one (`✅`, `Decoder-Only`), else a copy off the card's text. */
const keptText = (cell: Cell): string | null => (cell.text === null ? null : (cell.values?.find((label) => label === cell.text) ?? detached(cell.text)));

export function packRow(row: CardRow | undefined): PackedRow | undefined {
  if (!row) return undefined;
  const slots: Slot[] = [];
  for (const [id, cell] of Object.entries(row.cells)) {
    if (!cell) continue;
    slots.push(id, keptText(cell), cell.line);
    if (cell.sort !== undefined) slots.push(cell.sort);
    if (cell.values) slots.push(sharedOptions(cell.values));
  }
  // An exact-sized copy: growing by push leaves up to a third of an array's capacity unused.
  return { kind: row.kind, slots: slots.slice() };
}

export function unpackRow(row: PackedRow): CardRow {
  const cells: Record<string, Cell> = {};
  const { slots } = row;
  let i = 0;
  while (i < slots.length) {
    const id = slots[i] as string;
    const text = slots[i + 1] as string | null;
    const line = slots[i + 2] as number;
    i += 3;
    const sort = typeof slots[i] === "number" ? (slots[i++] as number) : undefined;
    const values = Array.isArray(slots[i]) ? (slots[i++] as readonly string[]) : undefined;
    cells[id] = { text, line, ...(sort === undefined ? {} : { sort }), ...(values ? { values } : {}) };
  }
  return { kind: row.kind, cells };
}

/** A workspace symbol in one object instead of five (symbol, location, range, two positions); its URI is the card's. */
export interface PackedSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly containerName: string | undefined;
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export function packSymbol(symbol: WorkspaceSymbol): PackedSymbol {
  const { start, end } = "range" in symbol.location ? symbol.location.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    name: detached(symbol.name),
    kind: symbol.kind,
    containerName: symbol.containerName === undefined ? undefined : detached(symbol.containerName),
    startLine: start.line,
    startCharacter: start.character,
    endLine: end.line,
    endCharacter: end.character,
  };
}

export const unpackSymbol = (uri: string, s: PackedSymbol): WorkspaceSymbol => ({
  name: s.name,
  kind: s.kind,
  ...(s.containerName === undefined ? {} : { containerName: s.containerName }),
  location: { uri, range: { start: { line: s.startLine, character: s.startCharacter }, end: { line: s.endLine, character: s.endCharacter } } },
});
