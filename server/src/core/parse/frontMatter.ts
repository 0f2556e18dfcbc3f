import { isMap, isScalar } from "yaml";
import type { Line } from "../text/lines";
import type { Span } from "../text/span";
import { readYaml } from "./yaml";

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
}

/** Aliases expand exponentially ("billion laughs"); Jekyll front matter never needs more than a few. */
const MAX_ALIAS_COUNT = 100;

const isDelimiter = (text: string, line: Line, allowDots: boolean): boolean => {
  const t = text.slice(line.start, line.end).trimEnd();
  return t === "---" || (allowDots && t === "...");
};

/**
 * Finds and parses the YAML front matter at the top of the document. Never throws: YAML errors come
 * back as `errors` with spans in document offsets.
 */
export function parseFrontMatter(text: string, lines: readonly Line[], firstLine: Line): FrontMatter | undefined {
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
    };
  }
  const closing = lines[close]!;
  const content = { start: contentStart, end: closing.start };
  const { entries, errors } = parseYaml(text.slice(content.start, content.end), content.start);
  return { span: { start: firstLine.start, end: closing.end }, content, closed: true, entries, errors, bodyLine: close + 1 };
}

function parseYaml(source: string, base: number): { entries: FrontMatterEntry[]; errors: FrontMatterError[] } {
  const read = readYaml(source);
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
    errors.push({ span: { start: base, end: base + source.length }, message: `YAML: ${firstLine(String(e))}` });
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
