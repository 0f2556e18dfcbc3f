import { indentFor, markerFor } from "../model/skeleton";
import type { Rule } from "./rule";

export const listRule: Rule = {
  name: "list",
  codes: ["list.marker", "list.indent"],
  check(ctx) {
    const text = ctx.model.doc.text;
    for (const item of ctx.model.doc.items) {
      const marker = markerFor(item.depth);
      if (item.markerChar !== marker) {
        ctx.report("list.marker", item.marker, `Level ${item.depth} bullets use \`${marker}\` in the template.`, { title: `Change to ${marker}`, edits: [{ span: item.marker, newText: marker }], preferred: true, normalizes: true });
      }
      const indent = indentFor(item.depth);
      if (text.slice(item.indent.start, item.indent.end) !== indent) {
        const span = item.indent.start === item.indent.end ? item.marker : item.indent;
        ctx.report("list.indent", span, `Level ${item.depth} bullets are indented by ${indent.length} spaces (two per level).`, { title: `Indent by ${indent.length} spaces`, edits: [{ span: item.indent, newText: indent }], preferred: true, normalizes: true });
      }
    }
  },
};
