import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from "vscode-languageserver-types";
import type { Analysis } from "../../analysis";
import type { HubModel } from "../../model/hub";
import type { Heading } from "../../parse/markdownSections";

/** The card's outline: the metadata with its top-level keys, then the headings nested by level. */
export function hubSymbols(analysis: Analysis, hub: HubModel): DocumentSymbol[] {
  const { positions } = analysis;
  const { text } = hub.doc;
  const symbols: DocumentSymbol[] = [];
  const fm = hub.doc.frontMatter!;
  symbols.push({
    name: "Metadata",
    kind: SymbolKind.Module,
    range: positions.range(fm.span),
    selectionRange: positions.range({ start: fm.span.start, end: hub.doc.lines[0]!.end }),
    children: (hub.metadata.root?.pairs ?? []).map((p) => ({
      name: p.key,
      detail: p.value.kind === "scalar" ? text.slice(p.value.span.start, p.value.span.end).split(/\r?\n/)[0] : p.value.kind === "seq" ? `${p.value.items.length} item(s)` : undefined,
      kind: SymbolKind.Property,
      range: positions.range({ start: p.keySpan.start, end: Math.max(p.keySpan.end, p.value.span.end) }),
      selectionRange: positions.range(p.keySpan),
    })),
  });
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  for (const h of hub.headings) {
    const symbol: DocumentSymbol = { name: h.title || "#".repeat(h.level), kind: SymbolKind.String, range: positions.range({ start: h.span.start, end: h.end }), selectionRange: positions.range(h.span), children: [] };
    while (stack.length > 0 && stack.at(-1)!.level >= h.level) stack.pop();
    (stack.at(-1)?.symbol.children ?? symbols).push(symbol);
    stack.push({ level: h.level, symbol });
  }
  return symbols;
}

const sectionFold = (h: Heading): FoldingRange | undefined => (h.endLine > h.line ? { startLine: h.line, endLine: h.endLine } : undefined);

/** Folding for the metadata and for each section under its heading. */
export function hubFolding(hub: HubModel): FoldingRange[] {
  const bodyLine = hub.doc.frontMatter!.bodyLine;
  return [{ startLine: 0, endLine: bodyLine - 1, kind: FoldingRangeKind.Region }, ...hub.headings.flatMap((h) => sectionFold(h) ?? [])];
}
