import { detectEol, splitLines, type Line } from "../text/lines";
import { parseBody, type ListItem } from "./body";
import type { Directive } from "./directive";
import { parseFrontMatter, type EarlierVersion, type FrontMatter, type FrontMatterReading } from "./frontMatter";

/** Everything the rules and features read about one version of a document's text. */
export interface ParsedDocument {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly eol: "\n" | "\r\n" | "\r";
  readonly frontMatter: FrontMatter | undefined;
  /** Index of the first body line (after the front matter). */
  readonly bodyLine: number;
  readonly roots: readonly ListItem[];
  /** Every bullet in document order. */
  readonly items: readonly ListItem[];
  /** The suppression comments of the body, in line order. */
  readonly directives: readonly Directive[];
}

export interface ParseOptions {
  /** False to read only the lines and the front matter: enough to tell a card from other markdown. */
  readonly body?: boolean;
  /** How much of the front matter's YAML to read; all of it unless said. */
  readonly frontMatter?: FrontMatterReading;
  /** The document's previous version (its parse), whose front matter is reused when unchanged. */
  readonly earlier?: EarlierVersion;
}

/** Parses any text; never throws. A BOM is skipped (the offsets still count it). */
export function parseDocument(text: string, { body = true, frontMatter: reading = "all", earlier }: ParseOptions = {}): ParsedDocument {
  const lines = splitLines(text);
  const eol = detectEol(text, lines[0]!);
  // The BOM belongs to no line's text, so a first line of `---` or `- 📙Paper` is still recognised.
  if (text.charCodeAt(0) === 0xfeff) lines[0] = { ...lines[0]!, start: 1 };
  const frontMatter = parseFrontMatter(text, lines, lines[0]!, reading, earlier);
  const bodyLine = frontMatter?.bodyLine ?? 0;
  const { roots, items, directives } = body ? parseBody(text, lines, bodyLine) : { roots: [], items: [], directives: [] };
  return { text, lines, eol, frontMatter, bodyLine, roots, items, directives };
}

/** The list item on a given line, by binary search over the items in line order. */
export function itemAtLine(doc: ParsedDocument, line: number): ListItem | undefined {
  let lo = 0;
  let hi = doc.items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = doc.items[mid]!;
    if (item.line === line) return item;
    if (item.line < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
