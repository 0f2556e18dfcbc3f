import type { HubModel } from "../../model/hub";
import type { MetaNode } from "../../parse/hubMetadata";
import type { JsonObject, JsonValue } from "../export";

function toJson(node: MetaNode): JsonValue {
  if (node.kind === "map") return Object.fromEntries(node.pairs.map((p) => [p.key, toJson(p.value)]));
  if (node.kind === "seq") return node.items.map(toJson);
  const { value } = node;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
}

/**
 * A Hub card as data: its kind, the metadata as the Hub reads it (its JSON Schema ships in
 * server/schemas/), and each section's heading and text.
 */
export function exportHubCard(hub: HubModel): JsonObject {
  const { text } = hub.doc;
  return {
    kind: hub.kind.id,
    metadata: hub.metadata.root ? toJson(hub.metadata.root) : null,
    sections: hub.headings.map((h) => ({ level: h.level, title: h.title, text: text.slice(h.span.end, hub.headings.find((o) => o.line > h.line)?.span.start ?? h.end).trim() })),
  };
}
