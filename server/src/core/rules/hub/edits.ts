/** Edits of Hub metadata that work on whole YAML lines, shared by the Hub rules' fixes. */
import type { MetaNode } from "../../parse/hubMetadata";
import type { Span } from "../../text/span";
import type { SpanEdit } from "../problem";
import type { HubRuleContext } from "./rule";

/** The span of the lines a node occupies, from the start of its first line to the start of the line after it. */
export function wholeLines(ctx: HubRuleContext, span: Span): Span {
  const { lines } = ctx.model.doc;
  const first = lines[ctx.positions.lineIndexAt(span.start)]!;
  const last = lines[ctx.positions.lineIndexAt(Math.max(span.start, span.end - 1))]!;
  return { start: first.start, end: last.next };
}

/** Removes a block list item (`- x` and its line); undefined for items of a `[flow, list]`, which have no line of their own. */
export function dropItemEdit(ctx: HubRuleContext, item: MetaNode): SpanEdit | undefined {
  const { text } = ctx.model.doc;
  const lines = wholeLines(ctx, item.span);
  return /^\s*-/.test(text.slice(lines.start, item.span.start + 1)) ? { span: lines, newText: "" } : undefined;
}

/** Inserts lines after the lines a node occupies, in the document's line ending. */
export function insertLinesAfter(ctx: HubRuleContext, span: Span, lines: readonly string[]): SpanEdit {
  const { doc } = ctx.model;
  const at = wholeLines(ctx, span).end;
  // The last line before the closing `---` always ends with a line break; a last line of the file may not.
  const lead = at > 0 && !/[\r\n]/.test(doc.text.charAt(at - 1)) ? doc.eol : "";
  return { span: { start: at, end: at }, newText: lead + lines.map((l) => l + doc.eol).join("") };
}
