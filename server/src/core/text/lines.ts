/** One line of the document: where it starts, where its text ends, and where the next line starts. */
export interface Line {
  readonly start: number;
  /** End of the line's text, before `\r\n` or `\n`. */
  readonly end: number;
  /** Start of the next line (equals `end` on the last line). */
  readonly next: number;
}

/**
 * Splits text into lines in one pass without copying; LF, CRLF and lone CR all end a line. Each
 * break is found by a native search (`indexOf`) rather than a loop over every character: the next
 * LF and the next CR are known, and the nearer one ends the line.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let lf = text.indexOf("\n");
  let cr = text.indexOf("\r");
  while (lf >= 0 || cr >= 0) {
    const end = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
    const next = end === cr && lf === cr + 1 ? lf + 1 : end + 1;
    lines.push({ start, end, next });
    start = next;
    if (lf >= 0 && lf < start) lf = text.indexOf("\n", start);
    if (cr >= 0 && cr < start) cr = text.indexOf("\r", start);
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

/** Runs a sticky (`y`) pattern at an offset of the text, so a line is tested where it is rather than on a copy. */
export function execAt(pattern: RegExp, text: string, offset: number): RegExpExecArray | null {
  pattern.lastIndex = offset;
  return pattern.exec(text);
}

/**
 * The line ending the document already uses, so inserted text matches it (LF when it has none):
 * the first one, which `splitLines` has found already, so it is read off the first line.
 */
export function detectEol(text: string, first: Line): "\n" | "\r\n" | "\r" {
  if (first.next - first.end === 2) return "\r\n";
  return first.next > first.end && text.charCodeAt(first.end) === 13 ? "\r" : "\n";
}
