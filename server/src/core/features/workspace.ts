import { SymbolKind, type WorkspaceSymbol } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { allFields } from "../model/card";
import { normalizeLabel } from "../model/labels";
import { cardSchema } from "../schema";

/** Values written in the workspace's cards, per field id, most used first. */
export type ValueCounts = ReadonlyMap<string, readonly { readonly text: string; readonly count: number }[]>;

export const NO_VALUES: ValueCounts = new Map();

/** Values compare without backticks and case: `` `Arxiv` `` and `arxiv` are one publisher. */
export const valueKey = (text: string): string => normalizeLabel(text.replace(/`/g, ""));

/**
 * Counts the free-text and known-value fields of many cards (publishers, affiliations, hardware,
 * optimizers, …), so completion can offer what the site already uses, most used first. The
 * spelling kept for a value is its most frequent one.
 */
export function countValues(analyses: Iterable<Analysis>): ValueCounts {
  const byField = new Map<string, Map<string, Map<string, number>>>();
  for (const analysis of analyses) {
    if (!analysis.model) continue;
    for (const field of allFields(analysis.model.root)) {
      const kind = field.spec.value?.kind;
      const value = field.item.value;
      if ((kind !== "text" && kind !== "enum") || !value) continue;
      const text = analysis.parsed.text.slice(value.start, value.end).trim();
      if (text === "" || valueKey(text) === cardSchema.notReported) continue;
      const values = byField.get(field.spec.id) ?? new Map<string, Map<string, number>>();
      byField.set(field.spec.id, values);
      const spellings = values.get(valueKey(text)) ?? new Map<string, number>();
      values.set(valueKey(text), spellings);
      spellings.set(text, (spellings.get(text) ?? 0) + 1);
    }
  }
  const counts = new Map<string, { text: string; count: number }[]>();
  for (const [id, values] of byField) {
    const ranked = [...values.values()].map((spellings) => {
      const [text] = [...spellings].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
      return { text, count: [...spellings.values()].reduce((a, b) => a + b, 0) };
    });
    counts.set(id, ranked.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)));
  }
  return counts;
}

/** A card for "Go to Symbol in Workspace": its title, and each model named in `🧪Hyperparameters (…)`. */
export function cardSymbols(analysis: Analysis): WorkspaceSymbol[] {
  const model = analysis.model;
  if (!model) return [];
  const { parsed, positions, uri } = analysis;
  const symbols: WorkspaceSymbol[] = [];
  const title = parsed.frontMatter?.entries.find((e) => e.key === "title");
  if (title?.valueSpan && typeof title.value === "string") {
    symbols.push({ name: title.value, kind: SymbolKind.File, containerName: model.kind.name, location: { uri, range: positions.range(title.valueSpan) } });
  }
  for (const field of allFields(model.root)) {
    if (!field.suffix) continue;
    const name = parsed.text.slice(field.suffix.start, field.suffix.end).replace(/^\(|\)$/g, "").trim();
    if (name !== "") symbols.push({ name, kind: SymbolKind.Class, containerName: typeof title?.value === "string" ? title.value : model.kind.name, location: { uri, range: positions.range(field.suffix) } });
  }
  return symbols;
}
