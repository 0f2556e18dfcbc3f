/**
 * Where the cursor is in `.modelcards.yaml`: the path of keys down to it, and whether it is on a
 * key or a value. Read from the lines' indentation and the flow brackets before the cursor, not
 * from the YAML tree, because completion runs on text being typed: `severity:\n  list.m` is a
 * scalar to the YAML library, but a code being typed to the user.
 */
import { splitLines } from "../text/lines";
import type { Span } from "../text/span";

export interface ConfigContext {
  /**
   * Keys from the top, `[]` standing for a list's item. On a key: the path of the mapping it is
   * in. On a value: the path of the value itself.
   */
  readonly path: readonly string[];
  /** On a key, on a value, or on a `- ` item without a `:` yet: a scalar item, or a mapping item's first key. */
  readonly at: "key" | "value" | "item";
  /** The word at the cursor (a key, code, field id or value), as far as it goes on both sides. */
  readonly word: { readonly text: string; readonly span: Span };
  /** The keys already written in the same block mapping (not offered again). */
  readonly siblings: readonly string[];
}

/** A line's block structure: its indent, the `- ` markers after it, and the `key:` that starts it. */
interface LineShape {
  readonly indent: number;
  /** Columns of the `- ` markers. */
  readonly dashes: readonly number[];
  /** Where the content after the markers starts. */
  readonly content: number;
  /** The key when the content starts with `key:`, and whether anything but a comment follows it. */
  readonly key?: string;
  readonly hasValue: boolean;
  readonly blank: boolean;
}

const KEY = /^("([^"]*)"|'([^']*)'|[^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;
const WORD = /[\w.-]/;

function shapeOf(text: string): LineShape {
  let at = text.length - text.trimStart().length;
  const indent = at;
  const dashes: number[] = [];
  while (text[at] === "-" && (text[at + 1] === " " || at + 1 === text.length)) {
    dashes.push(at);
    at += 1;
    while (text[at] === " ") at++;
  }
  const rest = text.slice(at);
  const m = KEY.exec(rest);
  const afterKey = m ? rest.slice(m[0].length).trim() : "";
  return { indent, dashes, content: at, key: m ? (m[2] ?? m[3] ?? m[1]!) : undefined, hasValue: afterKey !== "" && !afterKey.startsWith("#"), blank: rest.trim() === "" || rest.trimStart().startsWith("#") };
}

/** A bracket level of a flow collection on the cursor's line (`{ kind: models, id: … }`, `[a, b]`). */
interface Frame {
  readonly list: boolean;
  key?: string;
  /** The keys the mapping already has before the cursor. */
  readonly keys: string[];
}

/**
 * The path below the line's block key, and the position, from the flow text before the cursor;
 * undefined inside a comment.
 */
function flowPath(before: string): { path: string[]; at: "key" | "value"; keys: readonly string[] } | undefined {
  const frames: Frame[] = [{ list: false, keys: [] }];
  let segment = 0;
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    const frame = frames[frames.length - 1]!;
    if (c === '"' || c === "'") {
      const close = before.indexOf(c, i + 1);
      // The cursor is inside the quotes: what is typed there is the value or key being written.
      if (close < 0) break;
      i = close;
    } else if (c === "#" && (i === 0 || before[i - 1] === " ")) {
      return undefined;
    } else if (c === "{" || c === "[") {
      frames.push({ list: c === "[", keys: [] });
      segment = i + 1;
    } else if ((c === "}" || c === "]") && frames.length > 1) {
      frames.pop();
    } else if (c === ",") {
      delete frame.key;
      segment = i + 1;
    } else if (c === ":" && !frame.list && frame.key === undefined && (i + 1 === before.length || before[i + 1] === " ")) {
      frame.key = unquote(before.slice(segment, i).trim());
      frame.keys.push(frame.key);
      segment = i + 1;
    }
  }
  const path = frames.flatMap((f) => (f.list ? ["[]"] : f.key === undefined ? [] : [f.key]));
  const last = frames[frames.length - 1]!;
  return { path, at: last.list || last.key !== undefined ? "value" : "key", keys: last.keys };
}

const unquote = (key: string): string => key.replace(/^(["'])(.*)\1$/, "$2");

export function configContext(text: string, offset: number): ConfigContext | undefined {
  const lines = splitLines(text);
  let index = lines.findIndex((l) => offset >= l.start && offset <= l.end);
  if (index < 0) index = lines.length - 1;
  const lineOf = (i: number): string => text.slice(lines[i]!.start, lines[i]!.end);
  const line = lineOf(index);
  const column = offset - lines[index]!.start;
  const current = shapeOf(line);
  if (column < current.content && current.dashes.length === 0 && !current.blank) return undefined;

  const flow = flowPath(line.slice(Math.min(current.content, column), column));
  if (!flow) return undefined;
  // A `- ` line without a key yet: a list item's value, or the first key of a mapping item.
  const onItem = current.dashes.length > 0 && flow.path.length === 0 && flow.at === "key";
  const blockPath = current.dashes.map(() => "[]");

  // Up through the lines above: each less indented `key:` or `- ` item encloses the cursor.
  let anchor = current.dashes[0] ?? (current.blank ? column : current.content);
  const siblings: string[] = [];
  const parents: string[] = [];
  // Whether the block just entered is a list item, whose list YAML lets start at its key's column.
  let inItem = current.dashes.length > 0;
  for (let i = index - 1; i >= 0; i--) {
    const above = shapeOf(lineOf(i));
    if (above.blank) continue;
    if (above.content === anchor && above.dashes.length > 0 && current.dashes.length === 0) {
      // The first line of the list item the cursor's mapping belongs to.
      if (above.key !== undefined) siblings.push(above.key);
      parents.unshift(...above.dashes.map(() => "[]"));
      anchor = above.dashes[0]!;
      inItem = true;
    } else if (above.content === anchor && above.dashes.length === 0 && parents.length === 0) {
      if (above.key !== undefined) siblings.push(above.key);
    } else if (above.content < anchor || (inItem && above.indent === anchor && above.dashes.length === 0 && above.key !== undefined && !above.hasValue)) {
      // A key whose block value the cursor is in.
      if (above.key === undefined || above.hasValue) break;
      parents.unshift(...above.dashes.map(() => "[]"), above.key);
      anchor = above.dashes[0] ?? above.indent;
      inItem = above.dashes.length > 0;
    }
  }
  // Keys of the same mapping below the cursor count as written too.
  for (let i = index + 1; i < lines.length; i++) {
    const below = shapeOf(lineOf(i));
    if (below.blank) continue;
    if (below.content < current.content || (below.dashes.length > 0 && below.indent <= current.content)) break;
    if (below.content === current.content && below.key !== undefined) siblings.push(below.key);
  }

  let start = column;
  while (start > 0 && WORD.test(line[start - 1]!)) start--;
  let end = column;
  while (end < line.length && WORD.test(line[end]!)) end++;
  const word = { text: line.slice(start, end), span: { start: lines[index]!.start + start, end: lines[index]!.start + end } };
  const at = onItem ? "item" : flow.at;
  // Inside `{ … }` the mapping's keys are the ones before the cursor on the line; in a block, the lines'.
  const inFlow = /[{[]/.test(line.slice(current.content, column));
  return { path: [...parents, ...blockPath, ...flow.path], at, word, siblings: at === "value" ? [] : inFlow ? flow.keys : siblings };
}
