/** One line of the document: where it starts, where its text ends, and where the next line starts. */
export interface Line {
  readonly start: number;
  /** End of the line's text, before `\r\n` or `\n`. */
  readonly end: number;
  /** Start of the next line (equals `end` on the last line). */
  readonly next: number;
}

/** Splits text into lines in one pass without copying; LF, CRLF and lone CR all end a line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push({ start, end: i, next: i + 1 });
      start = i + 1;
    } else if (c === 13) {
      const crlf = text.charCodeAt(i + 1) === 10;
      lines.push({ start, end: i, next: i + (crlf ? 2 : 1) });
      if (crlf) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: n, next: n });
  return lines;
}

/** The line ending the document already uses, so inserted text matches it (LF when it has none). */
export function detectEol(text: string): "\n" | "\r\n" | "\r" {
  const m = /\r\n|\n|\r/.exec(text);
  return (m?.[0] as "\n" | "\r\n" | "\r" | undefined) ?? "\n";
}
