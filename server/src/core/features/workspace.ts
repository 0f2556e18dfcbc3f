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

/**
 * One card's free-text and known values (publisher, affiliation, hardware, optimizer, …) as
 * written, in one flat array of pairs: field id, text, field id, text, … A Map of arrays per card
 * cost a kilobyte a card, 9 MB of a 10,000-card index; the field ids are the schema's own strings.
 */
type CardValues = readonly string[];

function cardValues(analysis: Analysis): CardValues {
  const pairs: string[] = [];
  if (!analysis.model) return pairs;
  for (const field of analysis.model.fields) {
    const kind = field.spec.value?.kind;
    const value = field.item.value;
    if ((kind !== "text" && kind !== "enum") || !value) continue;
    const text = analysis.parsed.text.slice(value.start, value.end).trim();
    if (text === "" || valueKey(text) === cardSchema.notReported) continue;
    // Kept for as long as the card is in the index: a copy, not a slice that holds the whole file.
    pairs.push(field.spec.id, detached(text));
  }
  // An exact-sized copy: growing by push leaves up to a third of an array's capacity unused.
  return pairs.slice();
}

/** The texts a card writes for one field, in the card's order. */
function textsOf(card: CardValues, fieldId: string): string[] {
  const texts: string[] = [];
  for (let i = 0; i < card.length; i += 2) if (card[i] === fieldId) texts.push(card[i + 1]!);
  return texts;
}

/** One field's values over the cards, most used first; a value's spelling is its most frequent one, the first seen on a tie. */
function rank(cards: Iterable<CardValues>, fieldId: string): RankedValue[] | undefined {
  const values = new Map<string, Map<string, number>>();
  for (const card of cards) {
    for (const text of textsOf(card, fieldId)) {
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

const sameTexts = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((text, i) => text === b[i]);

/**
 * Counts the values many cards write, so completion can offer what the site already uses, most
 * used first. Kept card by card and ranked per field when asked: an edit re-reads one card and
 * re-ranks only the fields whose values it changed, instead of recounting the workspace on the
 * next completion (which the profile showed costing 10× a round trip with 140 cards, per keystroke).
 */
export class ValueTally implements ValueCounts {
  private readonly cards = new Map<string, CardValues>();
  private readonly ranked = new Map<string, readonly RankedValue[] | undefined>();

  /** Records a card's latest values; a card already counted keeps its place in the order. */
  set(analysis: Analysis): void {
    const values = cardValues(analysis);
    this.forgetChanged(this.cards.get(analysis.uri), values);
    this.cards.set(analysis.uri, values);
  }

  delete(uri: string): void {
    this.forgetChanged(this.cards.get(uri), []);
    this.cards.delete(uri);
  }

  get(fieldId: string): readonly RankedValue[] | undefined {
    if (!this.ranked.has(fieldId)) this.ranked.set(fieldId, rank(this.cards.values(), fieldId));
    return this.ranked.get(fieldId);
  }

  private forgetChanged(before: CardValues = [], after: CardValues): void {
    const fieldIds = new Set<string>();
    for (const card of [before, after]) for (let i = 0; i < card.length; i += 2) fieldIds.add(card[i]!);
    for (const fieldId of fieldIds) {
      if (!sameTexts(textsOf(before, fieldId), textsOf(after, fieldId))) this.ranked.delete(fieldId);
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
