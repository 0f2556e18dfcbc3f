import { execAt, type Line } from "../text/lines";
import type { Span } from "../text/span";
import { parseDirective, type Directive } from "./directive";

export type CheckboxState = "checked" | "unchecked" | "malformed";

export interface Checkbox {
  /** From `[` to `]` inclusive. */
  readonly span: Span;
  /** What is between the brackets: ` `, `x`, `X`, or something malformed such as `` or ` x`. */
  readonly inner: string;
  /** False when text follows `]` with no space: GitHub then renders no task item. */
  readonly spaced: boolean;
  readonly state: CheckboxState;
}

/** One bullet line of the body, with the exact spans every feature needs. */
export interface ListItem {
  readonly line: number;
  /** The item's line: its text span (without the line ending), the very `Line` of `ParsedDocument.lines`. */
  readonly lineSpan: Line;
  /** Offset of the marker (`-`, `+` or `*`); the line's text before it is the indent (`indentOf`, `markerOf`). */
  readonly markerStart: number;
  /** Indent in columns, tabs counted to the next multiple of 4 as CommonMark does. */
  readonly indentWidth: number;
  readonly markerChar: "-" | "+" | "*";
  readonly checkbox: Checkbox | undefined;
  /** The text after marker and checkbox, trailing whitespace trimmed. */
  readonly content: Span;
  /** The text before the `: ` separator, or the whole content when there is none. */
  readonly head: Span;
  /** Offset of the `:` separating label and value. */
  readonly colon: number | undefined;
  /** The trimmed value after `: ` (empty span at line end when the value is empty). */
  readonly value: Span | undefined;
  /** 1 for top-level bullets; the nesting depth by indentation. */
  readonly depth: number;
  readonly parent: ListItem | undefined;
  readonly children: readonly ListItem[];
  /** End offset of the last line that belongs to this item: its children and continuation lines. */
  readonly subtreeEnd: number;
  /** Index of that last line. */
  readonly subtreeLastLine: number;
}

// The indent and the marker are spans only their rules and the formatter read, so they are made on
// demand rather than kept on every bullet of every card.

/** A bullet's leading whitespace. */
export const indentOf = (item: ListItem): Span => ({ start: item.lineSpan.start, end: item.markerStart });

/** A bullet's marker character. */
export const markerOf = (item: ListItem): Span => ({ start: item.markerStart, end: item.markerStart + 1 });

/** A bullet while the tree is built: it gains children, and its subtree grows. */
interface OpenItem extends ListItem {
  children: readonly ListItem[];
  subtreeEnd: number;
  subtreeLastLine: number;
}

// Shared by every bullet without children (most of them); a parent gets an array of its own.
const NO_CHILDREN: readonly ListItem[] = Object.freeze([]);

function adopt(parent: OpenItem, child: ListItem): void {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  // Any other array is the parent's own, made just above for its first child.
  else (parent.children as ListItem[]).push(child);
}

// Only short bracket runs made of checkbox-like characters are task items gone wrong; `[1]` or a link is not.
const CHECKBOX_INNER = " xXvV✓✔✗*-";

/**
 * Where a checkbox that opens at `open` (a `[`) ends, just after its `]`, or -1 when the brackets hold
 * something else or a link follows. Read in place: the one pattern for it cost more than the rest of
 * a bullet line together (profiled).
 */
function checkboxEnd(text: string, open: number): number {
  let i = open + 1;
  while (i < open + 4 && i < text.length && CHECKBOX_INNER.includes(text.charAt(i))) i++;
  if (text.charCodeAt(i) !== 93) return -1;
  const next = text.charCodeAt(i + 1);
  return next === 40 || next === 91 ? -1 : i + 1;
}

// A sticky pattern runs at an offset of the whole text, so no line is copied out just to be tested.
const FENCE = / {0,3}(`{3,}|~{3,})/y;

/** Indent in columns of the whitespace from `start` to `end`. */
function columns(text: string, start: number, end: number): number {
  let col = 0;
  for (let i = start; i < end; i++) col = text.charCodeAt(i) === 9 ? col + 4 - (col % 4) : col + 1;
  return col;
}

// Characters people use for "done" inside brackets; anything else malformed is read as unchecked.
const CHECKED_LIKE = /[xXvV✓✔*]/u;

/** The task-item form a checkbox means: `[x]` or `[ ]`, whatever was typed. */
export function canonicalCheckbox(box: Checkbox): "[x]" | "[ ]" {
  return box.state === "checked" || CHECKED_LIKE.test(box.inner) ? "[x]" : "[ ]";
}

function checkboxState(inner: string): CheckboxState {
  if (inner === " ") return "unchecked";
  if (inner === "x" || inner === "X") return "checked";
  return "malformed";
}

/**
 * Finds the `:` that separates a label from its value: the first one followed by whitespace or the
 * end, else the first one that does not start a URL's `://` (people type `Public:✅` too).
 */
function findColon(text: string, start: number, end: number): number | undefined {
  let tight: number | undefined;
  for (let i = text.indexOf(":", start); i >= 0 && i < end; i = text.indexOf(":", i + 1)) {
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 32;
    if (next === 32 || next === 9) return i;
    if (tight === undefined && next !== 47) tight = i;
  }
  return tight;
}

const isSpace = (c: number): boolean => c === 32 || c === 9;

/** Whether a line's first character after up to three spaces is a backtick or tilde: only such a line is worth the fence pattern. */
function mayOpenFence(text: string, line: Line): boolean {
  let i = line.start;
  while (i < line.end && i - line.start < 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return i < line.end && (c === 96 || c === 126);
}

/** Where a bullet's marker (`-`, `+` or `*` after the indent, then whitespace or the line's end) is, or -1 on any other line. */
function markerAt(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end && isSpace(text.charCodeAt(i))) i++;
  if (i === line.end) return -1;
  const c = text.charCodeAt(i);
  if (c !== 45 && c !== 43 && c !== 42) return -1;
  return i + 1 === line.end || isSpace(text.charCodeAt(i + 1)) ? i : -1;
}

/**
 * Whether a bullet nests under an earlier one. Cards give each level its own marker, so a different
 * marker one column further in is a child, while the same marker needs a full level (two columns):
 * a bullet one space off its level then stays with its siblings instead of swallowing them.
 */
function nestsUnder(parent: OpenItem, indentWidth: number, markerChar: string): boolean {
  const deeper = indentWidth - parent.indentWidth;
  return markerChar === parent.markerChar ? deeper >= 2 : deeper >= 1;
}

/**
 * Builds the bullet tree of the body in one pass over its lines. Fenced code is skipped; text lines
 * indented under an item belong to that item's subtree (so insertions land after them). Suppression
 * comments are collected and otherwise ignored: whatever their indent, they neither end the list
 * nor belong to an item.
 */
export function parseBody(text: string, lines: readonly Line[], firstLine: number): { roots: ListItem[]; items: ListItem[]; directives: Directive[] } {
  const roots: ListItem[] = [];
  const items: ListItem[] = [];
  const directives: Directive[] = [];
  const stack: OpenItem[] = [];
  let fence: string | undefined;
  for (let n = firstLine; n < lines.length; n++) {
    const line = lines[n]!;
    const fenceMatch = mayOpenFence(text, line) ? execAt(FENCE, text, line.start) : null;
    if (fence !== undefined) {
      // CommonMark: only a fence of the same character, at least as long, and nothing after it closes.
      const closing = fenceMatch?.[1];
      if (closing && closing[0] === fence[0] && closing.length >= fence.length && text.slice(line.start + fenceMatch[0].length, line.end).trim() === "") fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    const markerStart = markerAt(text, line);
    if (markerStart < 0) {
      const directive = parseDirective(text, line, n);
      if (directive) directives.push(directive);
      else attachContinuation(text, line, n, stack);
      continue;
    }
    const indentWidth = columns(text, line.start, markerStart);
    const markerChar = text[markerStart] as ListItem["markerChar"];
    while (stack.length > 0 && !nestsUnder(stack[stack.length - 1]!, indentWidth, markerChar)) stack.pop();
    const parent = stack[stack.length - 1];
    let pos = markerStart + 1;
    while (pos < line.end && isSpace(text.charCodeAt(pos))) pos++;
    let checkbox: Checkbox | undefined;
    const boxEnd = text.charCodeAt(pos) === 91 ? checkboxEnd(text, pos) : -1;
    if (boxEnd >= 0) {
      const inner = text.slice(pos + 1, boxEnd - 1);
      const spaced = boxEnd >= line.end || isSpace(text.charCodeAt(boxEnd));
      checkbox = { span: { start: pos, end: boxEnd }, inner, spaced, state: spaced ? checkboxState(inner) : "malformed" };
      pos = boxEnd;
      while (pos < line.end && isSpace(text.charCodeAt(pos))) pos++;
    }
    let end = line.end;
    while (end > pos && isSpace(text.charCodeAt(end - 1))) end--;
    const colon = findColon(text, pos, end);
    let headEnd = colon ?? end;
    while (headEnd > pos && isSpace(text.charCodeAt(headEnd - 1))) headEnd--;
    let value: Span | undefined;
    if (colon !== undefined) {
      let vs = colon + 1;
      while (vs < end && isSpace(text.charCodeAt(vs))) vs++;
      value = { start: vs, end };
    }
    // Spans are never changed once built, so an item shares the ones that exist already: its line,
    // and its content as its head when there is no separator.
    const content = { start: pos, end };
    const item: OpenItem = {
      line: n,
      lineSpan: line,
      markerStart,
      indentWidth,
      markerChar,
      checkbox,
      content,
      head: colon === undefined ? content : { start: pos, end: headEnd },
      colon,
      value,
      depth: stack.length + 1,
      parent,
      children: NO_CHILDREN,
      subtreeEnd: line.end,
      subtreeLastLine: n,
    };
    if (parent) adopt(parent, item);
    else roots.push(item);
    items.push(item);
    for (const ancestor of stack) extend(ancestor, line.end, n);
    stack.push(item);
  }
  return { roots, items, directives };
}

function extend(item: OpenItem, end: number, line: number): void {
  item.subtreeEnd = end;
  item.subtreeLastLine = line;
}

function attachContinuation(text: string, line: Line, n: number, stack: OpenItem[]): void {
  const raw = text.slice(line.start, line.end);
  const trimmed = raw.trimStart();
  if (trimmed === "") return;
  const width = columns(raw, 0, raw.length - trimmed.length);
  // A line at column 0 that is not a bullet ends the list for our purposes (a paragraph or heading).
  if (width === 0) {
    stack.length = 0;
    return;
  }
  for (const item of stack) if (item.indentWidth < width) extend(item, line.end, n);
}
