import type { OptionSpec } from "../schema";

/** Labels compare case-insensitively with runs of whitespace folded, as people type them. */
export function normalizeLabel(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Index of the first ASCII letter or digit: every label starts with one, whatever precedes it is the emoji. */
export function labelStart(text: string): number {
  const m = /[A-Za-z0-9]/.exec(text);
  return m ? m.index : text.length;
}

// Derived from the immutable schema only, so sharing it between documents and tests is safe.
const optionNames = new WeakMap<OptionSpec, ReadonlySet<string>>();

export function matchesOption(option: OptionSpec, text: string): boolean {
  // Every choice item of every card is compared with each option: normalize the schema's side once.
  let names = optionNames.get(option);
  if (!names) {
    names = new Set([option.label, ...(option.aliases ?? [])].map(normalizeLabel));
    optionNames.set(option, names);
  }
  return names.has(normalizeLabel(text));
}
