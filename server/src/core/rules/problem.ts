import type { Span } from "../text/span";
import type { Code } from "./codes";

/**
 * Replace the text in `span` (offsets into the document) with `newText`; an empty span inserts.
 * Not LSP's `TextEdit`, which is by line and character: `Positions.edit` turns one into the other.
 */
export interface SpanEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A fix is data: a title and the edits it makes. Features turn it into a code action; the CLI applies it. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly SpanEdit[];
  /** The fix the user most likely wants (VS Code applies it with the quick-fix shortcut). */
  readonly preferred?: boolean;
  /** True for fixes that only normalise what is there (no new content is invented). */
  readonly normalizes?: boolean;
  /**
   * The user's text this fix knowingly replaces (a misspelt label, `yes` for ✅, a wrong emoji): the
   * nothing-lost guard lets these words go and no others.
   */
  readonly replaces?: readonly string[];
}

export interface Problem {
  readonly code: Code;
  readonly span: Span;
  readonly message: string;
  readonly fixes: readonly Fix[];
}

/**
 * Applies edits to text. Edits are applied as if simultaneously, against the original offsets;
 * inserts at the same offset keep their given order; an edit overlapping an earlier one is skipped
 * rather than corrupting the text.
 */
export function applyEdits(text: string, edits: readonly SpanEdit[]): string {
  const ordered = edits.map((edit, i) => ({ edit, i })).sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end || a.i - b.i);
  let out = "";
  let pos = 0;
  for (const { edit } of ordered) {
    if (edit.span.start < pos || edit.span.end > text.length || edit.span.end < edit.span.start) continue;
    out += text.slice(pos, edit.span.start) + edit.newText;
    pos = edit.span.end;
  }
  return out + text.slice(pos);
}
