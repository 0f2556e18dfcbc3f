import { isMap, isScalar } from "yaml";
import type { Line } from "../text/lines";
import type { Span } from "../text/span";
import { metadataOf, type Metadata } from "./hubMetadata";
import { readYaml, type YamlRead } from "./yaml";

export interface FrontMatterEntry {
  readonly key: string;
  readonly keySpan: Span;
  /** Undefined when the key has no value (`tags:`). */
  readonly valueSpan: Span | undefined;
  readonly value: unknown;
}

export interface FrontMatterError {
  readonly span: Span;
  readonly message: string;
}

export interface FrontMatter {
  /** From the opening `---` to the end of the closing line. */
  readonly span: Span;
  readonly content: Span;
  /** False when no closing `---` line was found; the whole rest of the file is then front matter to Jekyll too. */
  readonly closed: boolean;
  readonly entries: readonly FrontMatterEntry[];
  readonly errors: readonly FrontMatterError[];
  /** Index of the first line after the front matter. */
  readonly bodyLine: number;
  /** How the YAML was read (`FrontMatterReading`). */
  readonly reading: FrontMatterReading;
  /** The same YAML as a tree of nodes, for Hub metadata, when it was read by the library for a file that may be a Hub card (`hubMetadata`). */
  readonly metadata?: Metadata;
}

/**
 * How much of the front matter's YAML to read: all of it; with its Hub metadata tree too (a file
 * that may be a Hub card); or only when its text names one of the card kinds' tags, the words by
 * which a post says it is a card. Front matter that names none cannot declare a kind, so its YAML
 * (a page's, or a dataset's metadata of thousands of lines) is left unread, its entries empty.
 */
export type FrontMatterReading = "all" | "hub" | { readonly naming: readonly string[] };

const sameReading = (a: FrontMatterReading, b: FrontMatterReading): boolean =>
  typeof a === "string" || typeof b === "string" ? a === b : a.naming.length === b.naming.length && a.naming.every((tag, i) => tag === b.naming[i]);

/** Whether YAML may hold one of these words as a value: written out, or spelt with escapes (`"m\x6fdels"`) in double quotes. */
const mayName = (source: string, words: readonly string[]): boolean => source.includes("\\") || words.some((word) => source.includes(word));

/** Aliases expand exponentially ("billion laughs"); Jekyll front matter never needs more than a few. */
const MAX_ALIAS_COUNT = 100;

const isDelimiter = (text: string, line: Line, allowDots: boolean): boolean => {
  // Only a line that starts like one is copied out to compare: front matter is mostly `key: value`.
  const first = text.charCodeAt(line.start);
  if (first !== 45 && !(allowDots && first === 46)) return false;
  const t = text.slice(line.start, line.end).trimEnd();
  return t === "---" || (allowDots && t === "...");
};

/** An earlier version of the same document, whose front matter is reused when it has not changed. */
export interface EarlierVersion {
  readonly text: string;
  readonly frontMatter: FrontMatter | undefined;
}

/**
 * Finds and parses the YAML front matter at the top of the document, as much as `reading` asks.
 * Never throws: YAML errors come back as `errors` with spans in document offsets.
 */
export function parseFrontMatter(text: string, lines: readonly Line[], firstLine: Line, reading: FrontMatterReading, earlier?: EarlierVersion): FrontMatter | undefined {
  if (!isDelimiter(text, firstLine, false)) return undefined;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (isDelimiter(text, lines[i]!, true)) {
      close = i;
      break;
    }
  }
  const contentStart = firstLine.next;
  if (close < 0) {
    const end = text.length;
    return {
      span: { start: firstLine.start, end },
      content: { start: contentStart, end },
      closed: false,
      entries: [],
      errors: [{ span: { start: firstLine.start, end: firstLine.end }, message: "The front matter has no closing `---` line, so Jekyll reads the whole file as YAML. Add a `---` line after the last key." }],
      bodyLine: lines.length,
      reading,
    };
  }
  const closing = lines[close]!;
  // Typing in the body leaves the front matter as it was, and it starts the text, so its offsets
  // hold too: reading its YAML again (most of a Hub card's analysis) would give the same result.
  const reused = earlier?.frontMatter;
  if (reused?.closed && reused.span.end === closing.end && sameReading(reused.reading, reading) && earlier!.text.slice(0, closing.end) === text.slice(0, closing.end)) return reused;
  const content = { start: contentStart, end: closing.start };
  const span = { start: firstLine.start, end: closing.end };
  const source = yamlSource(text, content);
  // Built whole rather than spread from a common part: the spread was the costliest line here (profiled).
  const read = (entries: readonly FrontMatterEntry[], errors: readonly FrontMatterError[]): FrontMatter => ({ span, content, closed: true, entries, errors, bodyLine: close + 1, reading });
  if (typeof reading === "object" && !mayName(source, reading.naming)) return read([], []);
  // Front matter simple enough to read without the library (a post's, which a card glob may claim)
  // gets a metadata tree only once its keys are a Hub card's (`hubMetadata`).
  const simple = parseSimpleYaml(source, content.start);
  if (simple) return read(simple, []);
  // The library's document gives the entries and, from the same read, the metadata tree.
  const yaml = readYaml(source);
  const { entries, errors } = entriesOf(yaml, content.start, source.length);
  return reading === "hub" ? { ...read(entries, errors), metadata: metadataOf(yaml, content.start) } : read(entries, errors);
}

// A lone CR ends a line everywhere else (lines.ts); the YAML readers see only LF and CRLF, so
// give them LF in its place (one unit for one: offsets stay the document's). Most front matter
// has no CR at all, and a search for one is cheaper than the pattern.
function yamlSource(text: string, content: Span): string {
  const source = text.slice(content.start, content.end);
  return source.includes("\r") ? source.replace(/\r(?!\n)/g, "\n") : source;
}

/** The front matter's Hub metadata tree: the one read with its entries, or, when they were read without the library, read now. */
export const hubMetadata = (text: string, fm: FrontMatter): Metadata => fm.metadata ?? metadataOf(readYaml(yamlSource(text, fm.content)), fm.content.start);

/** Any YAML, with the yaml library's document model: the reference `parseSimpleYaml` must agree with. */
export const parseYamlDocument = (source: string, base: number): { entries: FrontMatterEntry[]; errors: FrontMatterError[] } => entriesOf(readYaml(source), base, source.length);

function entriesOf(read: YamlRead, base: number, length: number): { entries: FrontMatterEntry[]; errors: FrontMatterError[] } {
  if (read.refused) return { entries: [], errors: [{ span: { start: base + read.refused.start, end: base + read.refused.end }, message: read.refused.message }] };
  const doc = read.doc;
  const errors: FrontMatterError[] = doc.errors.map((e) => ({
    span: { start: base + e.pos[0], end: base + Math.max(e.pos[1], e.pos[0] + 1) },
    message: `YAML: ${firstLine(e.message)}`,
  }));
  const entries: FrontMatterEntry[] = [];
  if (errors.length > 0) return { entries, errors };
  if (doc.contents !== null && !isMap(doc.contents)) {
    const range = doc.contents.range;
    errors.push({ span: { start: base + range[0], end: base + range[1] }, message: "The front matter must be a YAML mapping of keys to values (`title: …`)." });
    return { entries, errors };
  }
  let data: Record<string, unknown> = {};
  try {
    // toJS expands aliases; the cap turns an alias bomb into an error instead of a hang.
    const js: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (js !== null && typeof js === "object") data = js as Record<string, unknown>;
  } catch (e) {
    errors.push({ span: { start: base, end: base + length }, message: `YAML: ${firstLine(String(e))}` });
    return { entries, errors };
  }
  for (const pair of doc.contents?.items ?? []) {
    if (!isScalar(pair.key)) continue;
    const keyRange = pair.key.range;
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    const key = String(pair.key.value);
    entries.push({
      key,
      keySpan: { start: base + keyRange[0], end: base + keyRange[1] },
      valueSpan: valueRange ? { start: base + valueRange[0], end: base + valueRange[1] } : undefined,
      value: data[key],
    });
  }
  return { entries, errors };
}

const firstLine = (message: string): string => message.split("\n")[0]!.trim();

// The YAML 1.2 core schema's plain scalars that are not strings, as the yaml library tests them:
// one pattern for all of them, since most scalars are strings and then one test says so.
const BOOLEAN_WORDS = "[Tt]rue|TRUE|[Ff]alse|FALSE";
const BOOLEAN = new RegExp(String.raw`^(?:${BOOLEAN_WORDS})$`);
const NOT_A_STRING = new RegExp(String.raw`^(?:${BOOLEAN_WORDS}|~|[Nn]ull|NULL|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$`);
/** What keeps a scalar from being a plain word, in one test: YAML's indicators, quotes or whitespace first, a `:` last, a comment or a `key: value` inside. */
const NOT_PLAIN = /^[\s\-?:,[\]{}#&*!|>'"%@`]|:$| #|: /;
/** What ends a plain scalar inside a `[list]`. */
const FLOW_END = /[:,[\]{}#]/;
const BLANK = /^ *$/;
const SPACE = 0x20;
const COLON = 0x3a;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Printable YAML without tabs, carriage returns, line or paragraph separators or a BOM, which the yaml library treats specially. */
const UNUSUAL = /[^\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;

const isUnusual = (line: string): boolean => !PRINTABLE_ASCII.test(line) && UNUSUAL.test(line);

/** A plain scalar's value, or undefined for the ones left to the yaml library (null, numbers, comments, odd syntax). */
function plainValue(raw: string, inList: boolean): string | boolean | undefined {
  if (raw === "" || NOT_PLAIN.test(raw) || (inList && FLOW_END.test(raw))) return undefined;
  if (!NOT_A_STRING.test(raw)) return raw;
  return BOOLEAN.test(raw) ? raw.startsWith("t") || raw.startsWith("T") : undefined;
}

/**
 * Text without the spaces around it. Not `trim`: YAML separates with spaces and tabs only (tabs go
 * to the library), so other whitespace (U+00A0, U+3000) around a word is part of it.
 */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return text.slice(start, end);
}

/** A `[list]` of plain words, or undefined for anything else. */
function flowList(raw: string): string[] | undefined {
  if (!raw.endsWith("]")) return undefined;
  const inner = raw.slice(1, -1);
  if (BLANK.test(inner)) return [];
  const items: string[] = [];
  for (const item of inner.split(",")) {
    const value = plainValue(trimSpaces(item), true);
    if (typeof value !== "string") return undefined;
    items.push(value);
  }
  return items;
}

/** A key is a letter or `_` and then up to 99 more of letters, digits, `_` and `-`. */
const MAX_KEY_LENGTH = 100;

const isKeyStart = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isKeyChar = (c: number): boolean => isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

/** One `key: value` line's parts, as offsets into the source. */
interface EntryLine {
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/**
 * Reads a line from `start` to `end` as `key: value` (a plain key, a colon, spaces, a value,
 * trailing spaces), or undefined for any other line. YAML separates with spaces and tabs only, so
 * other whitespace (`\u3000`) is part of the value, as the library reads it; a tab goes to the
 * library (`isUnusual`). Read in place with character tests: the one pattern for it, on a copy of
 * each line, was most of the fast path's time.
 */
function entryLine(source: string, start: number, end: number): EntryLine | undefined {
  if (!isKeyStart(source.charCodeAt(start))) return undefined;
  let keyEnd = start + 1;
  while (keyEnd < end && isKeyChar(source.charCodeAt(keyEnd))) keyEnd++;
  if (keyEnd - start > MAX_KEY_LENGTH || source.charCodeAt(keyEnd) !== COLON || source.charCodeAt(keyEnd + 1) !== SPACE) return undefined;
  let valueStart = keyEnd + 2;
  while (valueStart < end && source.charCodeAt(valueStart) === SPACE) valueStart++;
  if (valueStart === end) return undefined;
  let valueEnd = end;
  while (source.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
  return { keyEnd, valueStart, valueEnd };
}

/** Whether a line holds nothing but spaces. */
function isBlank(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (source.charCodeAt(i) !== SPACE) return false;
  return true;
}

/**
 * Front matter as posts write it, one `key: value` a line with plain words, booleans or a `[list]`
 * of words, read without the yaml library: building its document model costs more than the rest of
 * a card's analysis together. Anything else (quotes, block lists, comments, numbers, empty values,
 * duplicate keys, …) returns undefined and goes to `parseYamlDocument`, so the result is the same.
 */
export function parseSimpleYaml(source: string, base: number): FrontMatterEntry[] | undefined {
  const entries: FrontMatterEntry[] = [];
  const keys = new Set<string>();
  for (let lineStart = 0, next = 0; lineStart < source.length; lineStart = next) {
    const lf = source.indexOf("\n", lineStart);
    next = lf < 0 ? source.length : lf + 1;
    // A CR ends a line only before an LF: a lone one is left to the library (isUnusual catches it).
    const lineEnd = lf < 0 ? source.length : lf > lineStart && source.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    if (isBlank(source, lineStart, lineEnd)) continue;
    const line = entryLine(source, lineStart, lineEnd);
    if (!line) return undefined;
    // The key and its colon and spaces are printable ASCII: only the value may hold anything unusual.
    const text = source.slice(line.valueStart, line.valueEnd);
    const key = source.slice(lineStart, line.keyEnd);
    if (isUnusual(text) || keys.has(key) || NOT_A_STRING.test(key)) return undefined;
    const value = text.startsWith("[") ? flowList(text) : plainValue(text, false);
    if (value === undefined) return undefined;
    keys.add(key);
    entries.push({
      key,
      keySpan: { start: base + lineStart, end: base + line.keyEnd },
      valueSpan: { start: base + line.valueStart, end: base + line.valueEnd },
      value,
    });
  }
  return entries;
}
