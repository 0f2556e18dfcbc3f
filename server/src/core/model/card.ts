import type { ListItem } from "../parse/body";
import type { ParsedDocument } from "../parse/document";
import type { CardKindSpec, FieldSpec, OptionSpec } from "../schema";
import type { Span } from "../text/span";
import { emojiPrefixLength } from "../text/emoji";
import { findOption, labelStart, lookUpName, nameIndex, normalizeLabel, type NameIndex } from "./labels";

/** A bullet recognised as a schema field, with the spans its parts occupy. */
export interface BoundField {
  readonly spec: FieldSpec;
  readonly item: ListItem;
  /** The emoji before the label: the right one, a wrong one, mojibake, or an empty span when none (other text there is left out). */
  readonly emoji: Span;
  readonly label: Span;
  /** The text after the label, such as `(Codex 12B)` for fields that take one. */
  readonly suffix: Span | undefined;
  /** Child fields, for fields whose children are fields. */
  readonly section: BoundSection | undefined;
  /** Checkbox children, for choice groups. */
  readonly options: readonly BoundOption[];
}

export interface BoundOption {
  readonly item: ListItem;
  /** The schema option this item names, or undefined for an unknown option. */
  readonly option: OptionSpec | undefined;
  readonly text: Span;
}

/** The fields at one level: the card's top level, or the children of a field. */
export interface BoundSection {
  readonly owner: BoundField | undefined;
  readonly specs: readonly FieldSpec[];
  readonly fields: readonly BoundField[];
  /** Bullets at this level that name no field of the schema. */
  readonly unknown: readonly ListItem[];
}

export interface CardModel {
  readonly doc: ParsedDocument;
  readonly kind: CardKindSpec;
  readonly root: BoundSection;
  /** Every bound field, depth first in document order: most rules and features walk them all. */
  readonly fields: readonly BoundField[];
  /** Every section, the root first. */
  readonly sections: readonly BoundSection[];
}

interface LabelIndex {
  readonly names: NameIndex<FieldSpec>;
  /**
   * Each field's label, at its place in the template, when written so it names that field (and no
   * other field takes it once normalised): a label expected there is then compared in place.
   */
  readonly inPlace: readonly ({ readonly label: string; readonly spec: FieldSpec } | undefined)[];
  readonly withSuffix: readonly { readonly label: string; readonly spec: FieldSpec }[];
  /** Each field's template emoji, when the prefix scan reads all of it as emoji: written so, it needs no scan. */
  readonly plainEmoji: ReadonlyMap<FieldSpec, string>;
}

// Derived from the immutable schema only, so sharing it between documents and tests is safe.
const indexCache = new WeakMap<readonly FieldSpec[], LabelIndex>();

function labelIndex(specs: readonly FieldSpec[]): LabelIndex {
  let index = indexCache.get(specs);
  if (!index) {
    const withSuffix = specs.filter((spec) => spec.labelSuffix).map((spec) => ({ label: normalizeLabel(spec.label), spec }));
    const plainEmoji = new Map<FieldSpec, string>();
    for (const spec of specs) if (spec.emoji !== undefined && emojiPrefixLength(spec.emoji) === spec.emoji.length) plainEmoji.set(spec, spec.emoji);
    const names = nameIndex(specs, "last");
    const inPlace = specs.map((spec) => (names.verbatim.get(spec.label) === spec ? { label: spec.label, spec } : undefined));
    index = { names, inPlace, withSuffix, plainEmoji };
    indexCache.set(specs, index);
  }
  return index;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Shared by every field without checkbox children: nothing ever adds to it.
const NO_OPTIONS: readonly BoundOption[] = Object.freeze([]);

/** The field at place `at` of the template, when the label from `from` to `end` is its own, written as the template writes it. */
function writtenInPlace(text: string, from: number, end: number, index: LabelIndex, at: number): FieldSpec | undefined {
  const own = index.inPlace[at];
  return own !== undefined && end - from === own.label.length && text.startsWith(own.label, from) ? own.spec : undefined;
}

/**
 * The field a bullet names, built whole with no section or options yet: binding fills those in
 * place, so no second object is made per field. Every return builds the same shape of object.
 * `expected` is the place in the template of the field the bullet most likely names: cards write
 * their fields in order and spelt as the template has them, and that one is compared in place
 * rather than copied out and looked up.
 */
function bindLabel(text: string, item: ListItem, index: LabelIndex, expected: number): Mutable<BoundField> | undefined {
  if (item.checkbox) return undefined;
  const { start, end } = item.head;
  const labelFrom = labelStart(text, start, end);
  const exact = writtenInPlace(text, labelFrom, end, index, expected) ?? lookUpName(index.names, text.slice(labelFrom, end));
  if (exact) return { spec: exact, item, emoji: emojiSpan(text, start, labelFrom, exact, index), label: { start: labelFrom, end }, suffix: undefined, section: undefined, options: NO_OPTIONS };
  const lower = text.slice(labelFrom, end).toLowerCase();
  for (const { label, spec } of index.withSuffix) {
    if (!lower.startsWith(label)) continue;
    const rest = lower.slice(label.length);
    if (/^[\s(]/.test(rest)) {
      const labelEnd = labelFrom + label.length;
      const suffix = { start: labelEnd + (rest.length - rest.trimStart().length), end };
      return { spec, item, emoji: emojiSpan(text, start, labelFrom, spec, index), label: { start: labelFrom, end: labelEnd }, suffix, section: undefined, options: NO_OPTIONS };
    }
  }
  return undefined;
}

/** The emoji before a label that starts at `labelFrom`: empty when the label starts the head. */
function emojiSpan(text: string, start: number, labelFrom: number, spec: FieldSpec, index: LabelIndex): Span {
  if (labelFrom === start) return { start, end: start };
  // Nearly every field has exactly its template's emoji before the label.
  const emoji = index.plainEmoji.get(spec);
  const written = emoji !== undefined && labelFrom - start === emoji.length && text.startsWith(emoji, start);
  return { start, end: written ? labelFrom : start + emojiPrefixLength(text.slice(start, labelFrom)) };
}

/** Splits a bullet's head into emoji prefix and label text, and finds the field the label names. */
export function matchField(text: string, item: ListItem, specs: readonly FieldSpec[]): Omit<BoundField, "section" | "options"> | undefined {
  return bindLabel(text, item, labelIndex(specs), 0);
}

/** Every field and section of a card, depth first in document order, as binding meets them. */
interface Bound {
  readonly fields: BoundField[];
  readonly sections: BoundSection[];
}

function bindSection(doc: ParsedDocument, items: readonly ListItem[], specs: readonly FieldSpec[], owner: BoundField | undefined, bound: Bound): BoundSection {
  const fields: BoundField[] = [];
  const unknown: ListItem[] = [];
  const section: BoundSection = { owner, specs, fields, unknown };
  bound.sections.push(section);
  const index = labelIndex(specs);
  // The place in the template after the last field bound: where the next one most likely is.
  let next = 0;
  for (const item of items) {
    const field = bindLabel(doc.text, item, index, next);
    if (!field) {
      unknown.push(item);
      continue;
    }
    next = field.spec === specs[next] ? next + 1 : specs.indexOf(field.spec) + 1;
    // Listed before the fields of its own section, which are bound next.
    bound.fields.push(field);
    const children = field.spec.children;
    if (children?.kind === "fields") field.section = bindSection(doc, item.children, children.fields, field, bound);
    else if (children?.kind === "choice") field.options = item.children.map((child) => bindOption(doc.text, child, children.options));
    fields.push(field);
  }
  return section;
}

function bindOption(text: string, item: ListItem, options: readonly OptionSpec[]): BoundOption {
  const span = item.content;
  const label = text.slice(span.start, span.end);
  return { item, option: findOption(options, label), text: span };
}

/** Binds the bullet tree of a parsed document to a card kind's schema. */
export function bindCard(doc: ParsedDocument, kind: CardKindSpec): CardModel {
  // A bound model never changes, so the lists of fields and sections most rules and features walk
  // are made once, as binding meets them. (As generators they were a sixth of what checking a card
  // allocated; memoised in WeakMaps keyed by the short-lived sections, they kept each card's model
  // alive through young-generation GCs; a walk after binding went over the whole model again.)
  const bound: Bound = { fields: [], sections: [] };
  const root = bindSection(doc, doc.roots, kind.fields, undefined, bound);
  return { doc, kind, root, fields: bound.fields, sections: bound.sections };
}

/** True when each field stands after the one before it in the template: none repeats, none is out of place. */
export function inTemplateOrder(section: BoundSection): boolean {
  let last = -1;
  for (const field of section.fields) {
    // Searching on from the previous field's place finds each spec once (or not at all) in one pass.
    last = section.specs.indexOf(field.spec, last + 1);
    if (last < 0) return false;
  }
  return true;
}

export interface Misplaced {
  readonly field: BoundField;
  /** The field in place it belongs right after, or undefined when it belongs first. */
  readonly after: FieldSpec | undefined;
  /** The field in place it belongs right before, when it belongs first. */
  readonly before: FieldSpec | undefined;
}

/**
 * The fields to move so the rest stand in the template's order: everything outside the longest run
 * that is already in order. One field written too early is then the one flagged (and moved), not
 * every field after it. Duplicates are left out by the caller's choice through `skip`.
 */
export function outOfOrder(section: BoundSection, skip: (field: BoundField) => boolean = () => false): Misplaced[] {
  const fields = section.fields.filter((f) => !skip(f));
  const order = fields.map((f) => section.specs.indexOf(f.spec));
  // runs[i]: the longest in-order run that starts at field i. Fields are few (one per spec at most),
  // so the quadratic count is cheap. Taking the earliest field that starts a longest run, then the
  // earliest that continues it, keeps the fields written first where they are.
  const runs = order.map(() => 1);
  for (let i = order.length - 1; i >= 0; i--) {
    for (let j = i + 1; j < order.length; j++) if (order[j]! > order[i]! && runs[j]! + 1 > runs[i]!) runs[i] = runs[j]! + 1;
  }
  const inPlace = new Set<number>();
  let last = -1;
  for (let need = Math.max(0, ...runs), i = 0; need > 0 && i < order.length; i++) {
    if (runs[i] === need && (last < 0 || order[i]! > order[last]!)) {
      inPlace.add(i);
      last = i;
      need--;
    }
  }
  const placed = [...inPlace].map((i) => fields[i]!.spec);
  return fields.flatMap((field, i): Misplaced[] => {
    if (inPlace.has(i)) return [];
    const after = placed.filter((s) => section.specs.indexOf(s) < order[i]!).at(-1);
    return [{ field, after, before: after ? undefined : placed[0] }];
  });
}
