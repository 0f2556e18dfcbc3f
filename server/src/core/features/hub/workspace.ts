import { SymbolKind, type WorkspaceSymbol } from "vscode-languageserver-types";
import type { Analysis } from "../../analysis";
import type { HubModel } from "../../model/hub";
import { metaValue } from "../../parse/hubMetadata";

/**
 * A Hub card for "Go to Symbol in Workspace": its `# Model Card for …` title (or `pretty_name`),
 * and each model named in `model-index`, so a folder of model repositories can be searched by name.
 */
export function hubWorkspaceSymbols(analysis: Analysis, hub: HubModel): WorkspaceSymbol[] {
  const { positions, uri } = analysis;
  const { text } = hub.doc;
  const symbols: WorkspaceSymbol[] = [];
  const title = hub.headings.find((h) => h.level === 1 && h.title !== "");
  const pretty = metaValue(hub.metadata.root, "pretty_name");
  const named = title ? { name: title.title, span: title.titleSpan } : pretty?.kind === "scalar" && typeof pretty.value === "string" ? { name: pretty.value, span: pretty.span } : undefined;
  if (named) symbols.push({ name: named.name, kind: SymbolKind.File, containerName: hub.kind.name, location: { uri, range: positions.range(named.span) } });
  const index = metaValue(hub.metadata.root, "model-index");
  for (const entry of index?.kind === "seq" ? index.items : []) {
    const name = entry.kind === "map" ? entry.pairs.find((p) => p.key === "name")?.value : undefined;
    if (name?.kind === "scalar" && (typeof name.value === "string" || typeof name.value === "number")) {
      symbols.push({ name: String(name.value), kind: SymbolKind.Class, containerName: named?.name ?? hub.kind.name, location: { uri, range: positions.range(name.span) } });
    }
  }
  return text === "" ? [] : symbols;
}
