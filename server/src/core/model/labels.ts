import type { OptionSpec } from "../schema";

/** Labels compare case-insensitively with runs of whitespace folded, as people type them. */
export function normalizeLabel(text: string): string {
  const trimmed = text.trim();
  // Labels are mostly single-spaced already, and the replace would copy them all the same.
  return (/\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed).toLowerCase();
}

/**
 * Index of the first ASCII letter or digit in `text` from `from` to `to` (or `to` when there is
 * none): every label starts with one, whatever precedes it is the emoji. Taking the bounds spares
 * callers cutting the bullet's head out of the document to look.
 */
export function labelStart(text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) if (isAsciiAlphanumeric(text.charCodeAt(i))) return i;
  return to;
}

const isAsciiAlphanumeric = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

// Derived from the immutable schema only, so sharing it between documents and tests is safe.
const optionNames = new WeakMap<OptionSpec, ReadonlySet<string>>();

/** An option's label and aliases, normalised once: every choice item of every card is compared with them. */
function namesOf(option: OptionSpec): ReadonlySet<string> {
  let names = optionNames.get(option);
  if (!names) {
    names = new Set([option.label, ...(option.aliases ?? [])].map(normalizeLabel));
    optionNames.set(option, names);
  }
  return names;
}

export function matchesOption(option: OptionSpec, text: string): boolean {
  return namesOf(option).has(normalizeLabel(text));
}

/** Things with a label and aliases, by name: normalised, and as written (most cards spell names as the schema does). */
export interface NameIndex<T> {
  readonly normalized: ReadonlyMap<string, T>;
  readonly verbatim: ReadonlyMap<string, T>;
}

/**
 * Indexes things by their label and aliases. When two share a normalised name the first or the last
 * keeps it; a name as written finds what its normalised form finds, so the two lookups always agree.
 */
export function nameIndex<T extends { readonly label: string; readonly aliases?: readonly string[] }>(items: readonly T[], clash: "first" | "last"): NameIndex<T> {
  const normalized = new Map<string, T>();
  for (const item of items) {
    for (const name of [item.label, ...(item.aliases ?? [])]) {
      const key = normalizeLabel(name);
      if (clash === "last" || !normalized.has(key)) normalized.set(key, item);
    }
  }
  const verbatim = new Map<string, T>();
  for (const item of items) for (const name of [item.label, ...(item.aliases ?? [])]) verbatim.set(name, normalized.get(normalizeLabel(name))!);
  return { normalized, verbatim };
}

/** What a text names in an index: looked up as written first, normalised only when that fails. */
export const lookUpName = <T>(index: NameIndex<T>, text: string): T | undefined => index.verbatim.get(text) ?? index.normalized.get(normalizeLabel(text));

// Derived from the immutable schema only, like `optionNames`.
const optionIndexes = new WeakMap<readonly OptionSpec[], NameIndex<OptionSpec>>();

/** The option a text names, if any: the first whose label or an alias it matches. Every checkbox of every card is bound through it. */
export function findOption(options: readonly OptionSpec[], text: string): OptionSpec | undefined {
  let index = optionIndexes.get(options);
  if (!index) {
    index = nameIndex(options, "first");
    optionIndexes.set(options, index);
  }
  return lookUpName(index, text);
}
