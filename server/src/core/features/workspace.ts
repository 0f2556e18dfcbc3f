import { SymbolKind, type WorkspaceSymbol } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { normalizeLabel } from "../model/labels";
import { cardSchema } from "../schema";
import { detached } from "../text/detach";
import { hubWorkspaceSymbols } from "./hub/workspace";

/** A value written in the workspace's cards, with how often they write it. */
export interface RankedValue {
  readonly text: string;
  readonly count: number;
}

/** Values written in the workspace's cards, per field id, most used first. */
export interface ValueCounts {
  get(fieldId: string): readonly RankedValue[] | undefined;
}

export const NO_VALUES: ValueCounts = new Map();

/** Values compare without backticks and case: `` `Arxiv` `` and `arxiv` are one publisher. */
export const valueKey = (text: string): string => normalizeLabel(text.replace(/`/g, ""));

/** One card's free-text and known values (publisher, affiliation, hardware, optimizer, …) per field id, as written. */
function cardValues(analysis: Analysis): ReadonlyMap<string, readonly string[]> {
  const byField = new Map<string, string[]>();
  if (!analysis.model) return byField;
  for (const field of analysis.model.fields) {
    const kind = field.spec.value?.kind;
    const value = field.item.value;
    if ((kind !== "text" && kind !== "enum") || !value) continue;
    const text = analysis.parsed.text.slice(value.start, value.end).trim();
    if (text === "" || valueKey(text) === cardSchema.notReported) continue;
    const texts = byField.get(field.spec.id) ?? [];
    byField.set(field.spec.id, texts);
    // Kept for as long as the card is in the index: a copy, not a slice that holds the whole file.
    texts.push(detached(text));
  }
  return byField;
}

/** One field's values over the cards, most used first; a value's spelling is its most frequent one, the first seen on a tie. */
function rank(cards: Iterable<ReadonlyMap<string, readonly string[]>>, fieldId: string): RankedValue[] | undefined {
  const values = new Map<string, Map<string, number>>();
  for (const card of cards) {
    for (const text of card.get(fieldId) ?? []) {
      const spellings = values.get(valueKey(text)) ?? new Map<string, number>();
      values.set(valueKey(text), spellings);
      spellings.set(text, (spellings.get(text) ?? 0) + 1);
    }
  }
  if (values.size === 0) return undefined;
  const ranked = [...values.values()].map((spellings) => {
    const [text] = [...spellings].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    return { text, count: [...spellings.values()].reduce((a, b) => a + b, 0) };
  });
  return ranked.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

const sameTexts = (a: readonly string[] = [], b: readonly string[] = []): boolean => a.length === b.length && a.every((text, i) => text === b[i]);

/**
 * Counts the values many cards write, so completion can offer what the site already uses, most
 * used first. Kept card by card and ranked per field when asked: an edit re-reads one card and
 * re-ranks only the fields whose values it changed, instead of recounting the workspace on the
 * next completion (which the profile showed costing 10× a round trip with 140 cards, per keystroke).
 */
export class ValueTally implements ValueCounts {
  private readonly cards = new Map<string, ReadonlyMap<string, readonly string[]>>();
  private readonly ranked = new Map<string, readonly RankedValue[] | undefined>();

  /** Records a card's latest values; a card already counted keeps its place in the order. */
  set(analysis: Analysis): void {
    const values = cardValues(analysis);
    this.forgetChanged(this.cards.get(analysis.uri), values);
    this.cards.set(analysis.uri, values);
  }

  delete(uri: string): void {
    this.forgetChanged(this.cards.get(uri), new Map());
    this.cards.delete(uri);
  }

  get(fieldId: string): readonly RankedValue[] | undefined {
    if (!this.ranked.has(fieldId)) this.ranked.set(fieldId, rank(this.cards.values(), fieldId));
    return this.ranked.get(fieldId);
  }

  private forgetChanged(before: ReadonlyMap<string, readonly string[]> = new Map(), after: ReadonlyMap<string, readonly string[]>): void {
    for (const fieldId of new Set([...before.keys(), ...after.keys()])) {
      if (!sameTexts(before.get(fieldId), after.get(fieldId))) this.ranked.delete(fieldId);
    }
  }
}

/** A card for "Go to Symbol in Workspace": its title, and each model named in `🧪Hyperparameters (…)`. */
export function cardSymbols(analysis: Analysis): WorkspaceSymbol[] {
  if (analysis.hub) return hubWorkspaceSymbols(analysis, analysis.hub);
  const model = analysis.model;
  if (!model) return [];
  const { parsed, positions, uri } = analysis;
  const symbols: WorkspaceSymbol[] = [];
  const title = parsed.frontMatter?.entries.find((e) => e.key === "title");
  if (title?.valueSpan && typeof title.value === "string") {
    symbols.push({ name: title.value, kind: SymbolKind.File, containerName: model.kind.name, location: { uri, range: positions.range(title.valueSpan) } });
  }
  for (const field of model.fields) {
    if (!field.suffix) continue;
    const name = parsed.text.slice(field.suffix.start, field.suffix.end).replace(/^\(|\)$/g, "").trim();
    if (name !== "") symbols.push({ name, kind: SymbolKind.Class, containerName: typeof title?.value === "string" ? title.value : model.kind.name, location: { uri, range: positions.range(field.suffix) } });
  }
  return symbols;
}
