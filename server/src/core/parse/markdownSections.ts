/**
 * The markdown headings of a card's body, for cards whose body is sections (Hub cards) rather than
 * a bullet list. ATX headings only (`## Title`), outside fenced code, as the Hub's template writes them.
 */
import type { Line } from "../text/lines";
import type { Span } from "../text/span";

export interface Heading {
  readonly level: number;
  /** The heading's text without `#`s, closing `#`s or the template's `[optional]` mark. */
  readonly title: string;
  readonly line: number;
  /** The whole heading line. */
  readonly span: Span;
  /** The title's text as written. */
  readonly titleSpan: Span;
  /** Where the section ends: before the next heading of the same or a higher level, or at the end. */
  readonly end: number;
  readonly endLine: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function parseHeadings(text: string, lines: readonly Line[], fromLine: number): Heading[] {
  const found: { level: number; title: string; line: number; span: Span; titleSpan: Span }[] = [];
  let fence: string | undefined;
  for (let i = fromLine; i < lines.length; i++) {
    const line = lines[i]!;
    const raw = text.slice(line.start, line.end);
    const f = FENCE.exec(raw);
    if (f) {
      if (fence === undefined) fence = f[1]!;
      else if (f[1]!.startsWith(fence[0]!) && f[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const m = ATX.exec(raw);
    if (!m) continue;
    const written = m[2] ?? "";
    const start = line.start + (written === "" ? raw.length : raw.indexOf(written, m[1]!.length));
    found.push({ level: m[1]!.length, title: written.replace(/\s*\[optional\]\s*$/i, "").trim(), line: i, span: { start: line.start, end: line.end }, titleSpan: { start, end: start + written.length } });
  }
  return found.map((h, i) => {
    const next = found.slice(i + 1).find((o) => o.level <= h.level);
    const endLine = next ? next.line - 1 : lines.length - 1;
    return { ...h, endLine, end: next ? next.span.start : text.length };
  });
}

/** Heading titles compare without case, spacing or the `[optional]` mark (already cut from `Heading.title`). */
const sameTitle = (a: string, b: string): boolean => a.toLowerCase().replace(/\s+/g, " ") === b.toLowerCase().replace(/\s+/g, " ");

/** Whether a heading is a template section: its title, or a heading of an earlier template for it. */
export const namesSection = (heading: string, section: { readonly title: string; readonly aliases?: readonly string[] }): boolean =>
  sameTitle(heading, section.title) || (section.aliases ?? []).some((alias) => sameTitle(heading, alias));
