import type { Position, Range, TextEdit } from "vscode-languageserver-types";
import type { Line } from "./lines";
import type { Span } from "./span";

/**
 * The one place offsets become LSP positions and back. Offsets and LSP characters are both UTF-16
 * code units, so an emoji with ZWJ counts as the editor counts it; lines split on LF, CRLF and CR
 * exactly as LSP does. A BOM counts as a character of line 0, as in the text the client sent.
 */
export class Positions {
  constructor(private readonly lines: readonly Line[]) {}

  private lineStart(index: number): number {
    return index === 0 ? 0 : this.lines[index]!.start;
  }

  lineIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStart(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const line = this.lineIndexAt(offset);
    const end = this.lines[line]!.end;
    return { line, character: Math.min(offset, end) - this.lineStart(line) };
  }

  /** Clamps positions past a line's end or the document's end, as LSP asks servers to. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    const line = this.lines[Math.min(position.line, this.lines.length - 1)]!;
    if (position.line >= this.lines.length) return line.end;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), line.end);
  }

  range(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  span(range: Range): Span {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }

  /** A core edit (offsets) as an LSP text edit. */
  edit(edit: { readonly span: Span; readonly newText: string }): TextEdit {
    return { range: this.range(edit.span), newText: edit.newText };
  }
}
