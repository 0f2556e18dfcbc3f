import { decodeMojibake } from "./emoji";
import { applyEdits, type Fix, type SpanEdit } from "../rules/problem";

/** What a fix would drop from the user's text. */
export interface Loss {
  /** A word, or a character that is neither a letter, a digit nor a blank. */
  readonly token: string;
  /** Where it stands in the original text. */
  readonly offset: number;
}

/*
 * What a fix may change without losing anything: the forms the card format normalises. Everything
 * else that is not blank counts, as words (runs of letters, digits and marks) and as single
 * characters (punctuation, symbols, CJK too: a run of letters).
 */
// A list marker and a task checkbox at the start of a line: fixes rewrite both (`*` → `+`, `[X]` → `[x]`).
const LINE_START = /^[ \t]*(?:[-+*](?=[ \t]|$)[ \t]*(?:\[[ xXvV✓✔✗*-]{0,3}\])?)?/u;
// UTF-8 bytes of an emoji read as Windows-1252: a fix restores the emoji they were.
const MOJIBAKE_RUN = /[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u011e\u011f\u0130\u0131\u015e\u015f\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]{2,}/gu;
// The yes/no marks a fix writes as ✅ or ❌: they count, as the value they are.
const YES_CHARS = "√✓✔☑✅";
const NO_CHARS = "✗✘×❌❎";
const YES = new RegExp(`[${YES_CHARS}]`, "gu");
const NO = new RegExp(`[${NO_CHARS}]`, "gu");
const holds = (text: string, chars: string): boolean => new RegExp(`[${chars}]`, "u").test(text);
// Emoji and their decorations: a fix writes the template's form of a field's emoji.
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200d\u2640\u2642]|\ufe0e|\ufe0f|\u20e3/gu;
// A long run of one punctuation character is one token (a line of 10,000 backticks is one, not
// 10,000); short ones stay single characters, as fixes split and join them (`::` → `: :`).
const TOKEN = /[\p{L}\p{N}\p{M}_]+|([^\s\p{L}\p{N}\p{M}_])\1{7,}|[^\s\p{L}\p{N}\p{M}_]/gu;

const YES_MARK = "\u0001";
const NO_MARK = "\u0002";
const blank = (run: string): string => " ".repeat(run.length);

// Fixes are checked one by one and their lines repeat (skeletons of `/` fields, the same card line
// checked for every fix on it): tokens are remembered per line text, a bounded number of them.
const memo = new Map<string, readonly { token: string; at: number }[]>();
const MEMO_LINES = 4096;

/** The tokens of one line that a fix must keep, with their offsets in the line. */
function lineTokens(line: string): readonly { token: string; at: number }[] {
  let tokens = memo.get(line);
  if (!tokens) {
    if (memo.size >= MEMO_LINES) memo.clear();
    tokens = tokenize(line);
    memo.set(line, tokens);
  }
  return tokens;
}

/** Every rewrite keeps the length, so offsets hold; printable ASCII has none of the forms to rewrite. */
function tokenize(line: string): { token: string; at: number }[] {
  const start = LINE_START.exec(line)![0].length;
  const text = /^[\t -~]*$/.test(line) ? line.slice(start) : normalizeForms(line.slice(start));
  const out: { token: string; at: number }[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ token: m[0].replaceAll(YES_MARK, "✅").replaceAll(NO_MARK, "❌"), at: start + m.index });
  return out;
}

function normalizeForms(line: string): string {
  return line
    .replace(MOJIBAKE_RUN, (run) => {
      const decoded = decodeMojibake(run);
      // Only mojibake of an emoji is a form a fix normalises; `Ã©` for `é` is text the user wrote.
      if (!/[\p{Extended_Pictographic}\ufffd]/u.test(decoded)) return run;
      const mark = holds(decoded, YES_CHARS) ? YES_MARK : holds(decoded, NO_CHARS) ? NO_MARK : " ";
      return mark + blank(run.slice(1));
    })
    .replace(YES, YES_MARK)
    .replace(NO, NO_MARK)
    .replace(EMOJI, blank)
    .replace(/\uff1a/gu, ":");
}

/** The tokens of `text[start, end)` line by line; `start` is a line start. */
function tokens(text: string, start: number, end: number): { token: string; offset: number }[] {
  const out: { token: string; offset: number }[] = [];
  for (const m of text.slice(start, end).matchAll(/[^\r\n]+/g)) {
    for (const t of lineTokens(m[0])) out.push({ token: t.token, offset: start + m.index + t.at });
  }
  return out;
}

const isBreak = (c: number): boolean => c === 10 || c === 13;

/** The edits' spans widened to whole lines and merged: tokens never cross a line, so only these lines can differ. */
function regions(text: string, edits: readonly SpanEdit[]): { start: number; end: number; edits: SpanEdit[] }[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: { start: number; end: number; edits: SpanEdit[] }[] = [];
  for (const edit of sorted) {
    let start = Math.min(edit.span.start, text.length);
    while (start > 0 && !isBreak(text.charCodeAt(start - 1))) start--;
    let end = Math.min(edit.span.end, text.length);
    while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
    const last = out.at(-1);
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.edits.push(edit);
    } else {
      out.push({ start, end, edits: [edit] });
    }
  }
  return out;
}

/**
 * The one rule every fix keeps, for the editor and the CLI alike: what the card says as a whole
 * — the multiset of its words and of every other character that is not blank — stays, except for
 * the forms the card format normalises (markers, checkboxes, emoji and their mojibake, `√` for ✅,
 * `：` for `:`) and the words the fixes declare they replace (`replaces`). Moving text keeps it;
 * inserting adds to it. Compares only the lines the edits touch, so a fix on a large card costs
 * what its edits cost. Returns the first token lost, or undefined when nothing was.
 */
export function findLoss(original: string, edits: readonly SpanEdit[], replaces: readonly string[] = []): Loss | undefined {
  const budget = new Map<string, number>();
  const add = (token: string, n: number): void => {
    budget.set(token, (budget.get(token) ?? 0) + n);
  };
  const before: { token: string; offset: number }[] = [];
  for (const region of regions(original, edits)) {
    before.push(...tokens(original, region.start, region.end));
    const shifted = region.edits.map((e) => ({ span: { start: e.span.start - region.start, end: e.span.end - region.start }, newText: e.newText }));
    const after = applyEdits(original.slice(region.start, region.end), shifted);
    for (const t of tokens(after, 0, after.length)) add(t.token, 1);
  }
  for (const text of replaces) for (const t of tokens(text, 0, text.length)) add(t.token, 1);
  for (const t of before) {
    const left = budget.get(t.token) ?? 0;
    if (left <= 0) return { token: t.token, offset: t.offset };
    budget.set(t.token, left - 1);
  }
  return undefined;
}

// A fix is made for one text, so what it loses is known once: code actions ask again for every
// diagnostic that carries it (the "insert all missing" fix is on many).
const losses = new WeakMap<Fix, { loss: Loss | undefined }>();

/** What one fix would lose, applied alone to the text it was made for. */
export function fixLoss(text: string, fix: Fix): Loss | undefined {
  let known = losses.get(fix);
  if (!known) {
    known = { loss: findLoss(text, fix.edits, fix.replaces) };
    losses.set(fix, known);
  }
  return known.loss;
}
