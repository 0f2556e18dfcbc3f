import type { TextEdit } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { bindCard, outOfOrder, type CardModel } from "../model/card";
import { moveFieldEdits } from "../model/placement";
import { indentFor, markerFor } from "../model/skeleton";
import { canonicalCheckbox, indentOf, markerOf, type ListItem } from "../parse/body";
import { parseDocument } from "../parse/document";
import { applyEdits, type SpanEdit } from "../rules/problem";
import type { CardKindSpec } from "../schema";
import { minimalEdit } from "../text/diff";
import { overlaps, type Span } from "../text/span";
import { locateLine } from "./locate";

/**
 * The whitespace-and-markup edits that make one bullet line canonical; its words are never touched.
 * The space after `:` is a field's business only: in free text a colon is just punctuation.
 */
function lineEdits(text: string, item: ListItem, isField: boolean): SpanEdit[] {
  const edits: SpanEdit[] = [];
  const replace = (span: Span, newText: string): void => {
    if (text.slice(span.start, span.end) !== newText) edits.push({ span, newText });
  };
  replace(indentOf(item), indentFor(item.depth));
  replace(markerOf(item), markerFor(item.depth));
  const box = item.checkbox;
  // One space after the marker, and after the checkbox; `[ x]`, `[]` and `[X]` take their canonical form.
  // An empty bullet is left as typed: a space added there would only be trailing whitespace.
  if (box || item.content.end > item.content.start) replace({ start: item.markerStart + 1, end: box?.span.start ?? item.content.start }, " ");
  if (box) {
    replace(box.span, canonicalCheckbox(box));
    replace({ start: box.span.end, end: item.content.start }, item.content.start === item.content.end ? "" : " ");
  }
  if (isField && item.colon !== undefined && item.value && item.value.end > item.value.start) {
    replace({ start: item.head.end, end: item.colon }, "");
    replace({ start: item.colon + 1, end: item.value.start }, " ");
  }
  return edits;
}

/** Moves one out-of-order field at a time, re-binding after each move, until the template order holds. */
function reorder(text: string, kind: CardKindSpec): string {
  // Each move puts one field in place for good, so the number of fields bounds the loop.
  for (let guard = parseDocument(text).items.length; guard >= 0; guard--) {
    const model: CardModel = bindCard(parseDocument(text), kind);
    let edits: SpanEdit[] | undefined;
    for (const section of model.sections) {
      const first = outOfOrder(section)[0];
      edits = first && moveFieldEdits(model, section, first.field);
      if (edits) break;
    }
    if (!edits) return text;
    text = applyEdits(text, edits);
  }
  return text;
}

/**
 * Formats a card: canonical markers and indent per level, one space after markers, checkboxes and
 * `:`, canonical checkboxes, and (for the whole document) fields in template order with everything
 * attached to them. Values are never changed; formatting twice changes nothing the second time.
 * With a range, only the bullet lines in it are touched and nothing moves.
 */
export function format(analysis: Analysis, range?: Span): TextEdit[] {
  const model = analysis.model;
  if (!model) return [];
  const { text, items } = analysis.parsed;
  const edits = items.filter((item) => !range || overlaps(item.lineSpan, range)).flatMap((item) => lineEdits(text, item, locateLine(analysis, item.line).field?.spec.value !== undefined));
  const normalized = applyEdits(text, edits);
  return minimalEdit(text, range ? normalized : reorder(normalized, model.kind)).map((e) => analysis.positions.edit(e));
}
