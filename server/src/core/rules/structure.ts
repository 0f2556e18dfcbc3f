import { inTemplateOrder, outOfOrder, type BoundField, type BoundSection, type CardModel } from "../model/card";
import { labelStart, normalizeLabel } from "../model/labels";
import { insertFieldEdit, moveFieldEdits, placeField } from "../model/placement";
import { closestNormalized } from "../model/suggest";
import type { ListItem } from "../parse/body";
import { emojiPrefixLength } from "../text/emoji";
import { displayName, PATH_SEPARATOR, type FieldSpec } from "../schema";
import type { Fix, SpanEdit } from "./problem";
import type { Rule, RuleContext } from "./rule";

const where = (section: BoundSection): string => (section.owner ? `under ${displayName(section.owner.spec)}` : "in the card");

/** The field an unknown bullet most likely means, and the edit that renames it without touching its value. */
interface NearMiss {
  readonly spec: FieldSpec;
  readonly rename: SpanEdit;
  /** What the rename replaces: the misspelt label (and the emoji before it). */
  readonly replaced: string;
}

const FULL_WIDTH_COLON = "\uff1a";

/** The names a misspelt label may be meant as: every label and alias of a level's fields. */
interface Candidates {
  readonly names: readonly string[];
  /** The names normalised, for the edit distance. */
  readonly normalized: readonly string[];
  /** The field each name belongs to. */
  readonly specs: readonly FieldSpec[];
  /** A run longer than every name by more than the edits a guess allows cannot be a near miss. */
  readonly longest: number;
}

// Derived from the immutable schema only, so sharing it between documents is safe.
const candidatesCache = new WeakMap<readonly FieldSpec[], Candidates>();

function candidatesOf(specs: readonly FieldSpec[]): Candidates {
  let candidates = candidatesCache.get(specs);
  if (!candidates) {
    const named = specs.flatMap((spec) => [spec.label, ...(spec.aliases ?? [])].map((name) => ({ name, spec })));
    const names = named.map((n) => n.name);
    candidates = { names, normalized: names.map(normalizeLabel), specs: named.map((n) => n.spec), longest: Math.max(...names.map((n) => n.length)) + 4 };
    candidatesCache.set(specs, candidates);
  }
  return candidates;
}

/**
 * Where a misspelt label ends in a bullet's head, and the field it names. The head is the whole
 * content when there is no `: `, so a value may follow the label (`weight decay 0.1`, `Public：√`):
 * the label is the run of words that comes closest to a field's name, and what follows it stays as the value.
 */
function closestLabel(labelText: string, candidates: Candidates): { spec: FieldSpec; end: number } | undefined {
  const colon = labelText.indexOf(FULL_WIDTH_COLON);
  if (colon >= 0) {
    const guess = closestNormalized(normalizeLabel(labelText.slice(0, colon)), candidates.normalized);
    return guess && { spec: candidates.specs[guess.index]!, end: colon };
  }
  let best: { spec: FieldSpec; end: number; distance: number } | undefined;
  // An exec loop, not matchAll: matchAll copies the regex through its species constructor, a slow path.
  const words = /\S+/g;
  for (let word = words.exec(labelText); word; word = words.exec(labelText)) {
    const end = words.lastIndex;
    if (end > candidates.longest) break;
    const guess = closestNormalized(normalizeLabel(labelText.slice(0, end)), candidates.normalized);
    // On a tie the longer run wins: `batch sise` is one label, not `batch` and a value.
    if (guess && (!best || guess.distance <= best.distance)) best = { spec: candidates.specs[guess.index]!, end, distance: guess.distance };
  }
  return best;
}

const NO_NEAR_MISSES: ReadonlyMap<ListItem, NearMiss> = new Map();

// Both the missing fields and the unknown-field problems read a section's near misses: each
// section's are found once. Only sections with unknown bullets get an entry, which dies with the model.
const nearMissesFound = new WeakMap<BoundSection, ReadonlyMap<ListItem, NearMiss>>();

/** The field each unknown bullet of a section most likely means, when it is a near miss of one. */
function nearMisses(text: string, section: BoundSection): ReadonlyMap<ListItem, NearMiss> {
  if (section.unknown.length === 0) return NO_NEAR_MISSES;
  let guesses = nearMissesFound.get(section);
  if (!guesses) {
    guesses = findNearMisses(text, section);
    nearMissesFound.set(section, guesses);
  }
  return guesses;
}

function findNearMisses(text: string, section: BoundSection): ReadonlyMap<ListItem, NearMiss> {
  const candidates = candidatesOf(section.specs);
  const guesses = new Map<ListItem, NearMiss>();
  for (const item of section.unknown) {
    if (item.checkbox) continue;
    const head = text.slice(item.head.start, item.head.end);
    const ls = labelStart(head);
    const found = closestLabel(head.slice(ls), candidates);
    if (!found) continue;
    const { spec } = found;
    // Text before the label that is not an emoji (`论文 Paperr`) is the user's: the rename leaves it.
    const emojiOnly = emojiPrefixLength(head.slice(0, ls)) === ls;
    const start = item.head.start + (emojiOnly ? 0 : ls);
    const labelEnd = item.head.start + ls + found.end;
    const rest = text.slice(labelEnd, item.head.end);
    const valueStart = labelEnd + /^[\s\uff1a]*/u.exec(rest)![0].length;
    const name = emojiOnly ? displayName(spec) : spec.label;
    // A full-width colon becomes the `:` the card format reads; a value after the label stays as it is.
    const colon = valueStart < item.head.end ? ": " : rest.includes(FULL_WIDTH_COLON) ? ":" : "";
    const rename = { span: { start, end: colon === ": " ? valueStart : item.head.end }, newText: name + colon };
    guesses.set(item, { spec, rename, replaced: text.slice(start, labelEnd) });
  }
  return guesses;
}

export interface Missing {
  readonly section: BoundSection;
  readonly spec: FieldSpec;
  /** Its display path, as completeness lists it: `🧪Hyperparameters › optimizer`. */
  readonly path: string;
}

/**
 * Missing required fields in template order, a present section's own missing children before the
 * next top-level field: inserts at the same offset then apply in reading order. A field that an
 * unknown bullet misspells is not missing: renaming that bullet is the fix.
 */
function missingFields(text: string, section: BoundSection, prefix: string, missing: Missing[]): void {
  const misspelt = nearMisses(text, section);
  // Written in template order, as most sections are, a spec's field can only be the next one;
  // otherwise a field may stand more than once (a 🧪Hyperparameters section per model size), or
  // out of place, and each spec looks through them all (a few dozen at most: no index pays).
  const ordered = inTemplateOrder(section);
  let next = 0;
  for (const spec of section.specs) {
    let written = false;
    if (ordered) {
      const field = section.fields[next];
      if (field?.spec === spec) {
        written = true;
        next++;
        missingBelow(text, field, prefix, missing);
      }
    } else {
      for (const field of section.fields) {
        if (field.spec !== spec) continue;
        written = true;
        missingBelow(text, field, prefix, missing);
      }
    }
    if (!written && spec.required && !misspells(misspelt, spec)) missing.push({ section, spec, path: prefix + displayName(spec) });
  }
}

/** The missing fields of a field's own section, if it has one. */
function missingBelow(text: string, field: BoundField, prefix: string, missing: Missing[]): void {
  if (field.section) missingFields(text, field.section, prefix + displayName(field.spec) + PATH_SEPARATOR, missing);
}

function misspells(guesses: ReadonlyMap<ListItem, NearMiss>, spec: FieldSpec): boolean {
  for (const miss of guesses.values()) if (miss.spec === spec) return true;
  return false;
}

export const insertAll = (model: CardModel, missing: readonly Missing[]): SpanEdit[] => missing.map((m) => insertFieldEdit(model, m.section, m.spec));

/**
 * The required fields a card misses, in reading order, exactly as `field.missing` and
 * `section.missing` report them. `analyze` finds them once and keeps them on the analysis, where
 * the completeness count and the fill command read them too, so a field the status bar lists is
 * one the fill inserts (a misspelt `📙Papr:` is neither).
 */
export function cardMissingFields(model: CardModel): readonly Missing[] {
  const missing: Missing[] = [];
  missingFields(model.doc.text, model.root, "", missing);
  return missing;
}

/**
 * A fix whose edits are rendered when first read. Rendering the skeletons of every missing field
 * was a third of checking an incomplete card, and checking needs only the problems; code actions
 * and `--fix` read the edits, which come out the same (the model does not change). A class, not an
 * object literal with a getter: V8 builds those some thirty times slower, and there is one per missing field.
 */
class RenderedOnRead implements Fix {
  // Declared, not defined: a fix that is not preferred has no `preferred` key at all, as before.
  declare readonly preferred?: true;
  #edits: readonly SpanEdit[] | undefined;
  readonly #render: () => readonly SpanEdit[];

  constructor(
    readonly title: string,
    render: () => readonly SpanEdit[],
    preferred?: true,
  ) {
    this.#render = render;
    if (preferred) this.preferred = preferred;
  }

  get edits(): readonly SpanEdit[] {
    return (this.#edits ??= this.#render());
  }
}

function reportMissing(ctx: RuleContext, model: CardModel): void {
  const { missing } = ctx;
  const fillAll: Fix[] = missing.length > 1 ? [new RenderedOnRead(`Insert all ${missing.length} missing fields`, () => insertAll(model, missing))] : [];
  for (const { section, spec } of missing) {
    const placement = placeField(model, section, spec);
    const what = `${spec.children?.kind === "fields" ? "section" : "field"} ${displayName(spec)}`;
    const insert = new RenderedOnRead(`Insert ${what}`, () => [insertFieldEdit(model, section, spec, placement)], true);
    const message = `Missing ${what} ${where(section)}. Add it here (the quick fix inserts it with \`/\` for values not reported).`;
    ctx.report(spec.children?.kind === "fields" ? "section.missing" : "field.missing", placement.anchor, message, insert, ...fillAll);
  }
}

// Derived from the immutable schema only, like the candidates: a card may have many unknown bullets.
const fieldLists = new WeakMap<readonly FieldSpec[], string>();

/** The labels of a level's fields, as the message about an unknown one there lists them. */
function fieldList(specs: readonly FieldSpec[]): string {
  let list = fieldLists.get(specs);
  if (list === undefined) {
    list = specs.map((s) => s.label).join(", ");
    fieldLists.set(specs, list);
  }
  return list;
}

function reportUnknown(ctx: RuleContext, section: BoundSection): void {
  const text = ctx.model.doc.text;
  const guesses = nearMisses(text, section);
  for (const item of section.unknown) {
    const head = text.slice(item.head.start, item.head.end);
    // An empty bullet is a field being typed; completion helps there, a warning would only nag.
    if (head.trim() === "") continue;
    const miss = guesses.get(item);
    if (miss) {
      const replace: Fix = { title: `Change to ${displayName(miss.spec)}`, edits: [miss.rename], preferred: true, replaces: [miss.replaced] };
      ctx.report("field.unknown", item.head, `Unknown field "${head.slice(labelStart(head))}" ${where(section)}. Did you mean ${displayName(miss.spec)}?`, replace);
    } else {
      ctx.report("field.unknown", item.head, `Unknown field "${head}" ${where(section)}. Fields here: ${fieldList(section.specs)}.`);
    }
  }
}

function reportDuplicatesAndOrder(ctx: RuleContext, section: BoundSection): void {
  // Most sections are written as the template has them: nothing repeats and nothing is out of place.
  if (inTemplateOrder(section)) return;
  const { model } = ctx;
  const text = model.doc.text;
  const seen = new Map<FieldSpec, string>();
  const duplicates = new Set<BoundField>();
  for (const field of section.fields) {
    // Fields that take a suffix may repeat for different variants: `🧪Hyperparameters (X 1B)` and `(X 7B)`.
    const suffix = field.suffix ? text.slice(field.suffix.start, field.suffix.end) : "";
    if (seen.get(field.spec) === suffix) {
      duplicates.add(field);
      ctx.report("field.duplicate", field.item.head, `${displayName(field.spec)} appears more than once ${where(section)}. Merge the two into one.`);
    } else {
      seen.set(field.spec, suffix);
    }
  }
  for (const { field, after, before } of outOfOrder(section, (f) => duplicates.has(f))) {
    const edits = moveFieldEdits(model, section, field);
    const fixes: Fix[] = edits ? [{ title: `Move ${displayName(field.spec)} to its place in the template`, edits, preferred: true, normalizes: true }] : [];
    const place = after ? `after ${displayName(after)}` : `before ${displayName(before!)}`;
    ctx.report("field.order", field.item.head, `${displayName(field.spec)} belongs ${place}, as in the template.`, ...fixes);
  }
}

export const structureRule: Rule = {
  name: "structure",
  codes: ["section.missing", "field.missing", "field.unknown", "field.duplicate", "field.order"],
  check(ctx) {
    reportMissing(ctx, ctx.model);
    for (const section of ctx.model.sections) {
      reportUnknown(ctx, section);
      reportDuplicatesAndOrder(ctx, section);
    }
  },
};
