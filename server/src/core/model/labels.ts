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

interface OptionIndex {
  /** Each normalised name, to the first option that has it. */
  readonly normalized: ReadonlyMap<string, OptionSpec>;
  /** Each label and alias as the schema spells it (most checkboxes do), to what its normalised form finds. */
  readonly verbatim: ReadonlyMap<string, OptionSpec>;
}

// Derived from the immutable schema only, like `optionNames`.
const optionIndexes = new WeakMap<readonly OptionSpec[], OptionIndex>();

/** A choice group's names, looked up in one step: every checkbox of every card is bound through it. */
function optionIndex(options: readonly OptionSpec[]): OptionIndex {
  let index = optionIndexes.get(options);
  if (!index) {
    const normalized = new Map<string, OptionSpec>();
    for (const option of options) for (const name of namesOf(option)) if (!normalized.has(name)) normalized.set(name, option);
    const verbatim = new Map<string, OptionSpec>();
    for (const option of options) for (const name of [option.label, ...(option.aliases ?? [])]) verbatim.set(name, normalized.get(normalizeLabel(name))!);
    index = { normalized, verbatim };
    optionIndexes.set(options, index);
  }
  return index;
}

/** The option a text names, if any: the first whose label or an alias it matches. */
export function findOption(options: readonly OptionSpec[], text: string): OptionSpec | undefined {
  const index = optionIndex(options);
  return index.verbatim.get(text) ?? index.normalized.get(normalizeLabel(text));
}
