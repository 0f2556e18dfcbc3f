import { FoldingRangeKind, SymbolKind, type DocumentLink, type DocumentSymbol, type FoldingRange } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import type { ListItem } from "../parse/body";
import type { Span } from "../text/span";
import { hubFolding, hubSymbols } from "./hub/outline";
import { locateLine } from "./locate";

function symbolKind(analysis: Analysis, item: ListItem): SymbolKind {
  const { field, option } = locateLine(analysis, item.line);
  if (option) return SymbolKind.EnumMember;
  const children = field?.spec.children?.kind;
  if (children === "fields") return SymbolKind.Namespace;
  if (children === "choice") return SymbolKind.Enum;
  return field ? SymbolKind.Field : SymbolKind.String;
}

function itemSymbol(analysis: Analysis, item: ListItem): DocumentSymbol {
  const { text } = analysis.parsed;
  const { positions } = analysis;
  const name = text.slice(item.head.start, item.head.end).trim();
  const checkbox = item.checkbox ? text.slice(item.checkbox.span.start, item.checkbox.span.end) : undefined;
  const value = item.value ? text.slice(item.value.start, item.value.end) : undefined;
  return {
    // The outline needs a non-empty name; an empty bullet shows as its marker.
    name: name === "" ? item.checkbox ? "[ ]" : "•" : name,
    detail: checkbox ?? value,
    kind: symbolKind(analysis, item),
    range: positions.range({ start: item.lineSpan.start, end: item.subtreeEnd }),
    selectionRange: positions.range(item.head),
    children: item.children.map((child) => itemSymbol(analysis, child)),
  };
}

/** The card as an outline: the front matter with its keys, then every bullet nested as written, values as details. */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  if (analysis.hub) return hubSymbols(analysis, analysis.hub);
  if (!analysis.model) return [];
  const { parsed, positions } = analysis;
  const symbols: DocumentSymbol[] = [];
  const fm = parsed.frontMatter;
  if (fm) {
    symbols.push({
      name: "Front matter",
      kind: SymbolKind.Module,
      range: positions.range(fm.span),
      selectionRange: positions.range({ start: fm.span.start, end: parsed.lines[0]!.end }),
      children: fm.entries.map((e) => ({
        name: e.key,
        detail: e.valueSpan ? parsed.text.slice(e.valueSpan.start, e.valueSpan.end) : undefined,
        kind: SymbolKind.Property,
        range: positions.range({ start: e.keySpan.start, end: e.valueSpan?.end ?? e.keySpan.end }),
        selectionRange: positions.range(e.keySpan),
      })),
    });
  }
  return [...symbols, ...parsed.roots.map((item) => itemSymbol(analysis, item))];
}

/** Folding for the front matter and for every bullet with something under it. */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  if (analysis.hub) return hubFolding(analysis.hub);
  if (!analysis.model) return [];
  const { parsed, positions } = analysis;
  const ranges: FoldingRange[] = [];
  const fm = parsed.frontMatter;
  if (fm && fm.closed && parsed.bodyLine > 1) ranges.push({ startLine: 0, endLine: parsed.bodyLine - 1, kind: FoldingRangeKind.Region });
  for (const item of parsed.items) {
    if (item.subtreeLastLine > item.line) ranges.push({ startLine: item.line, endLine: positions.positionAt(item.subtreeEnd).line });
  }
  return ranges;
}

const LINK = /\[[^\]\n]*\]\(\s*<?(https?:\/\/[^\s)>]+)>?[^)]*\)|<?(https?:\/\/[^\s<>)\]`]+)>?/g;

/** Every http(s) URL in a field's value (📙Paper, 🔗URL, links in free text), as a clickable link. */
export function documentLinks(analysis: Analysis): DocumentLink[] {
  if (!analysis.model) return [];
  const { parsed, positions } = analysis;
  const links: DocumentLink[] = [];
  for (const item of parsed.items) {
    const value: Span = item.value ?? item.content;
    for (const m of parsed.text.slice(value.start, value.end).matchAll(LINK)) {
      const url = m[1] ?? m[2]!;
      const start = value.start + m.index + m[0].indexOf(url);
      links.push({ range: positions.range({ start, end: start + url.length }), target: url });
    }
  }
  return links;
}
