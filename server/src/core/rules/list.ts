import { indentFor, markerFor } from "../model/skeleton";
import { indentOf, markerOf } from "../parse/body";
import type { Rule } from "./rule";

/** What an indent is, as a person counts it: `4 spaces`, `1 tab`, `2 spaces and 1 tab`. */
function describeIndent(ws: string): string {
  const spaces = ws.replace(/\t/g, "").length;
  const tabs = ws.length - spaces;
  const parts = [spaces > 0 ? `${spaces} space${spaces === 1 ? "" : "s"}` : "", tabs > 0 ? `${tabs} tab${tabs === 1 ? "" : "s"}` : ""].filter((p) => p !== "");
  return parts.join(" and ");
}

/** "a top-level bullet", "a level-2 bullet": the level as the template's nesting names it. */
const bulletAt = (depth: number): string => (depth === 1 ? "A top-level bullet" : `A level-${depth} bullet`);

export const listRule: Rule = {
  name: "list",
  codes: ["list.marker", "list.indent"],
  check(ctx) {
    const text = ctx.model.doc.text;
    for (const item of ctx.model.doc.items) {
      const marker = markerFor(item.depth);
      if (item.markerChar !== marker) {
        const span = markerOf(item);
        ctx.report("list.marker", span, `${bulletAt(item.depth)} starts with \`${marker}\` in the template; this one starts with \`${item.markerChar}\`.`, { title: `Change to ${marker}`, edits: [{ span, newText: marker }], preferred: true, normalizes: true });
      }
      const indent = indentFor(item.depth);
      // Compared in place: nearly every bullet is indented right, and its indent is needed only for a message.
      const start = item.lineSpan.start;
      if (item.markerStart - start !== indent.length || !text.startsWith(indent, start)) {
        const written = text.slice(start, item.markerStart);
        const span = written === "" ? markerOf(item) : indentOf(item);
        const should = item.depth === 1 ? "is not indented" : `is indented by ${indent.length} spaces (two per level)`;
        const has = written === "" ? "none" : describeIndent(written);
        ctx.report("list.indent", span, `${bulletAt(item.depth)} ${should}; this one has ${has}.`, { title: `Indent by ${indent.length} spaces`, edits: [{ span: indentOf(item), newText: indent }], preferred: true, normalizes: true });
      }
    }
  },
};
