/**
 * The model of a Hugging Face Hub card: its metadata tree and its sections. Which files are Hub
 * cards is decided here, once, for the editor and the CLI alike.
 */
import { parseHeadings, type Heading } from "../parse/markdownSections";
import type { Metadata } from "../parse/hubMetadata";
import { hubMetadata } from "../parse/frontMatter";
import type { ParsedDocument } from "../parse/document";
import { hubKindOfKeys, type HubKindSpec } from "../schema/hub";

export interface HubModel {
  readonly doc: ParsedDocument;
  readonly kind: HubKindSpec;
  readonly metadata: Metadata;
  readonly headings: readonly Heading[];
}

const README = /(?:^|[/\\])readme\.md$/i;

/**
 * `README.md` in any case, the file the Hub reads as a repository's card. Only the last segment
 * of the path is decoded (an escaped `/` or `\` in it still separates): it runs for every file checked.
 */
function isReadme(uri: string): boolean {
  const query = uri.search(/[?#]/);
  const end = query < 0 ? uri.length : query;
  const name = uri.slice(uri.lastIndexOf("/", end - 1) + 1, end);
  // A name with no escape decodes to itself.
  return README.test(name.includes("%") ? decodeURIComponent(name) : name);
}

/** Whether a file may be a Hub card, so its front matter is to be read as Hub metadata: a `README.md`, or a file a setting marks as a card. */
export const mayBeHubCard = (uri: string, forced: boolean): boolean => forced || isReadme(uri);

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)[ \t]*:/gm;

/**
 * The Hub card a document is, or undefined: a file that `mayBeHubCard`, parsed with the Hub
 * reading of its front matter, whose front matter holds Hub metadata keys. A dataset card when its keys say so.
 */
export function recogniseHubCard(doc: ParsedDocument): HubModel | undefined {
  const fm = doc.frontMatter;
  if (!fm?.closed || fm.reading !== "hub") return undefined;
  // Metadata that does not parse is still a card's: its keys, read as text, say which kind.
  const keys = !fm.metadata ? fm.entries.map((e) => e.key) : fm.metadata.root ? fm.metadata.root.pairs.map((p) => p.key) : [...doc.text.slice(fm.content.start, fm.content.end).matchAll(TOP_LEVEL_KEY)].map((m) => m[1]!);
  const kind = hubKindOfKeys(keys);
  return kind && { doc, kind, metadata: hubMetadata(doc.text, fm), headings: parseHeadings(doc.text, doc.lines, fm.bodyLine) };
}
