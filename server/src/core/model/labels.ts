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

export function matchesOption(option: OptionSpec, text: string): boolean {
  const n = normalizeLabel(text);
  return normalizeLabel(option.label) === n || (option.aliases ?? []).some((a) => normalizeLabel(a) === n);
}
