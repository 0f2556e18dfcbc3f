import type { ListItem } from "../parse/body";
import type { FieldSpec } from "../schema";
import type { Span } from "../text/span";
import type { SpanEdit } from "../rules/problem";
import type { BoundField, BoundSection, CardModel } from "./card";
import { plainHoles, renderField, type Holes } from "./skeleton";

export interface Placement {
  /** Where the new lines go: always a line start, or the end of a file without a final line break. */
  readonly offset: number;
  /** True when the offset is the end of a last line that has no line break yet. */
  readonly leadingEol: boolean;
  /** Where to show a diagnostic about the missing field: the neighbour it belongs next to. */
  readonly anchor: Span;
}

/**
 * The place right after an item and everything under it. Built whole with its anchor: spreading a
 * partial placement into a new object cost microseconds per missing field (profiled).
 */
function afterSubtree(model: CardModel, item: ListItem, anchor: Span): Placement {
  const line = model.doc.lines[item.subtreeLastLine]!;
  return line.next === line.end ? { offset: line.end, leadingEol: true, anchor } : { offset: line.next, leadingEol: false, anchor };
}

/** The card's top of body: the first bullet, or the line after the front matter. */
function bodyStart(model: CardModel): Pick<Placement, "offset" | "leadingEol"> & { anchor: Span } {
  const { doc } = model;
  const first = doc.roots[0];
  if (first) return { offset: first.lineSpan.start, leadingEol: false, anchor: first.head };
  const fm = doc.frontMatter;
  const anchor = fm ? { start: fm.span.start, end: doc.lines[0]!.end } : doc.lines[0]!;
  const line = doc.lines[doc.bodyLine];
  if (line) return { offset: line.start, leadingEol: false, anchor };
  const last = doc.lines[doc.lines.length - 1]!;
  return { offset: last.end, leadingEol: last.end > last.start, anchor };
}

/**
 * The canonical place for a field of `section`: after the nearest earlier sibling in schema order,
 * else before the nearest later one, else right under the owning field, else at the top of the body.
 * `exclude` leaves one field out of the siblings (the one being moved).
 */
export function placeField(model: CardModel, section: BoundSection, spec: FieldSpec, exclude?: BoundField): Placement {
  const order = section.specs.indexOf(spec);
  let prev: BoundField | undefined;
  let next: BoundField | undefined;
  let prevOrder = -1;
  let nextOrder = Infinity;
  for (const field of section.fields) {
    if (field === exclude) continue;
    const i = section.specs.indexOf(field.spec);
    if (i < order && i >= prevOrder) {
      prev = field;
      prevOrder = i;
    }
    if (i > order && i < nextOrder) {
      next = field;
      nextOrder = i;
    }
  }
  const anchor = next?.item.head ?? section.owner?.label ?? prev?.item.head;
  if (prev) return afterSubtree(model, prev.item, anchor!);
  if (next) return { offset: next.item.lineSpan.start, leadingEol: false, anchor: next.item.head };
  if (section.owner) return afterSubtree(model, section.owner.item, section.owner.label);
  return bodyStart(model);
}

/** Depth of the fields of a section: 1 at the top level. */
function sectionDepth(section: BoundSection): number {
  return section.owner ? section.owner.item.depth + 1 : 1;
}

/** The title from the front matter, used to name the model in `🧪Hyperparameters (…)`. */
export function cardTitle(model: CardModel): string {
  const title = model.doc.frontMatter?.entries.find((e) => e.key === "title")?.value;
  return typeof title === "string" && title.trim() !== "" ? title.trim() : "Model";
}

/** Holes filled the way a quick fix fills them: `/` for values, unchecked options, the card's title as model name. */
export function fixHoles(model: CardModel): Holes {
  return plainHoles(`(${cardTitle(model)})`);
}

/** The edit that inserts whole lines at a placement, in the document's line ending. */
export function insertLines(model: CardModel, at: Pick<Placement, "offset" | "leadingEol">, lines: readonly string[]): SpanEdit {
  const eol = model.doc.eol;
  const body = lines.join(eol);
  return { span: { start: at.offset, end: at.offset }, newText: at.leadingEol ? eol + body : body + eol };
}

/** The edit that inserts lines right after an item and everything under it. */
export function insertAfter(model: CardModel, item: ListItem, lines: readonly string[]): SpanEdit {
  // An insert reads only where; the anchor is for diagnostics.
  return insertLines(model, afterSubtree(model, item, item.head), lines);
}

/** The edit that inserts a missing field (with its whole skeleton) at its canonical place. */
export function insertFieldEdit(model: CardModel, section: BoundSection, spec: FieldSpec, placement = placeField(model, section, spec)): SpanEdit {
  return insertLines(model, placement, renderField(spec, sectionDepth(section), fixHoles(model)));
}

/** The edits that move a field and its subtree to its canonical place, or undefined when it cannot move safely. */
export function moveFieldEdits(model: CardModel, section: BoundSection, field: BoundField): SpanEdit[] | undefined {
  const { doc } = model;
  const first = doc.lines[field.item.line]!;
  const last = doc.lines[field.item.subtreeLastLine]!;
  let cut: Span = { start: first.start, end: last.next };
  let moved = doc.text.slice(cut.start, cut.end);
  if (last.next === last.end) {
    // The block is the end of a file without a final line break: take the break before it instead.
    const before = doc.lines[field.item.line - 1];
    if (!before) return undefined;
    cut = { start: before.end, end: last.end };
    moved += doc.eol;
  }
  const target = placeField(model, section, field.spec, field);
  if (target.offset > cut.start && target.offset < cut.end) return undefined;
  const newText = target.leadingEol ? doc.eol + moved.slice(0, moved.length - doc.eol.length) : moved;
  return [{ span: cut, newText: "" }, { span: { start: target.offset, end: target.offset }, newText }];
}
