/**
 * The markdown headings of a card's body, for cards whose body is sections (Hub cards) rather than
 * a bullet list. ATX headings only (`## Title`), outside fenced code, as the Hub's template writes them.
 */
import { execAt, type Line } from "../text/lines";
import type { Span } from "../text/span";

export interface Heading {
  readonly level: number;
  /** The heading's text without `#`s, closing `#`s or the template's `[optional]` mark. */
  readonly title: string;
  /** The title as titles compare: lower case, runs of spaces as one. */
  readonly key: string;
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

/** Heading titles compare without case, spacing or the `[optional]` mark (already cut from `Heading.title`). */
const titleKey = (title: string): string => title.toLowerCase().replace(/\s+/g, " ");

/** What a heading or a fence line starts with, after at most three spaces (sticky: tried at a line's start). */
const MARK = / {0,3}[#`~]/y;

export function parseHeadings(text: string, lines: readonly Line[], fromLine: number): Heading[] {
  const found: Omit<Heading, "end" | "endLine">[] = [];
  let fence: string | undefined;
  for (let i = fromLine; i < lines.length; i++) {
    const line = lines[i]!;
    // Most lines are prose: one cheap test where they stand spares them the copy and the two patterns below.
    if (!execAt(MARK, text, line.start)) continue;
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
    const title = written.replace(/\s*\[optional\]\s*$/i, "").trim();
    found.push({ level: m[1]!.length, title, key: titleKey(title), line: i, span: { start: line.start, end: line.end }, titleSpan: { start, end: start + written.length } });
  }
  // Each section ends where the next heading of its level or higher starts: the headings still
  // open are a stack of strictly rising levels, closed by the first heading that is not deeper.
  const headings: Heading[] = [];
  const open: number[] = [];
  const close = (index: number, endLine: number, end: number): void => {
    const h = found[index]!;
    headings[index] = { level: h.level, title: h.title, key: h.key, line: h.line, span: h.span, titleSpan: h.titleSpan, endLine, end };
  };
  found.forEach((heading, i) => {
    while (open.length > 0 && found[open.at(-1)!]!.level >= heading.level) close(open.pop()!, heading.line - 1, heading.span.start);
    open.push(i);
  });
  for (const index of open) close(index, lines.length - 1, text.length);
  return headings;
}

/** The titles a template section goes by, as `Heading.key`s: built once per section spec. */
const sectionKeys = new WeakMap<object, ReadonlySet<string>>();

/** Whether a heading is a template section: its title, or a heading of an earlier template for it. */
export function namesSection(heading: Heading, section: { readonly title: string; readonly aliases?: readonly string[] }): boolean {
  let keys = sectionKeys.get(section);
  if (!keys) {
    keys = new Set([section.title, ...(section.aliases ?? [])].map(titleKey));
    sectionKeys.set(section, keys);
  }
  return keys.has(heading.key);
}
