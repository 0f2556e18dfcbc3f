import type { TextEdit } from "../rules/problem";

/** A character of the original text that a fix dropped. */
export interface Loss {
  readonly char: string;
  /** Its offset in the original text. */
  readonly offset: number;
}

const isWhitespace = (ch: string): boolean => /\s/u.test(ch);

const nonWhitespace = (text: string): string => text.replace(/\s+/gu, "");

/** The non-whitespace UTF-16 units of `text[start, end)` with their offsets, as the rule compares them. */
function nonWhitespaceAt(text: string, start: number, end: number, skip: (offset: number) => boolean = () => false): { char: string; offset: number }[] {
  const out: { char: string; offset: number }[] = [];
  for (let i = start; i < end; i++) if (!isWhitespace(text[i]!) && !skip(i)) out.push({ char: text[i]!, offset: i });
  return out;
}

/** The first character of `wanted` (non-whitespace, with offsets) that `text` does not contain in order. */
function firstMissing(wanted: readonly { char: string; offset: number }[], text: string): Loss | undefined {
  let k = 0;
  for (let j = 0; j < text.length && k < wanted.length; j++) if (text[j] === wanted[k]!.char) k++;
  const missing = wanted[k];
  return missing && { char: missing.char, offset: missing.offset };
}

/**
 * The one rule every fix keeps, stated once for the tests and for `--fix`, which refuses to write a
 * fix that breaks it. A fix rewrites tokens within a line (an emoji, `√`, a checkbox, a marker, an
 * indent) and may add lines; text across lines it can only move. So:
 * 1. every non-whitespace character of the original outside the spans the edits replace is still
 *    in the fixed text, in the same order;
 * 2. what an edit removes across a line break comes back, in order, in the text the edits insert.
 * Returns the first character that breaks the rule, or undefined when nothing was lost.
 */
export function findLoss(original: string, edits: readonly TextEdit[], fixed: string): Loss | undefined {
  // One pass over a mask instead of testing every edit at every offset: large cards get many fixes.
  const replaced = new Uint8Array(original.length);
  for (const e of edits) replaced.fill(1, e.span.start, e.span.end);
  const kept = nonWhitespaceAt(original, 0, original.length, (i) => replaced[i] === 1);
  const outside = firstMissing(kept, fixed);
  if (outside) return outside;
  const inserted = nonWhitespace(edits.map((e) => e.newText).join(""));
  for (const edit of edits) {
    if (!/[\r\n]/.test(original.slice(edit.span.start, edit.span.end))) continue;
    const lost = firstMissing(nonWhitespaceAt(original, edit.span.start, edit.span.end), inserted);
    if (lost) return lost;
  }
  return undefined;
}
