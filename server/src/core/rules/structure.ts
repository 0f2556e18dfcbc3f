import { allSections, type BoundSection, type CardModel } from "../model/card";
import { insertFieldEdit, moveFieldEdits, placeField } from "../model/placement";
import { didYouMean } from "../model/suggest";
import type { FieldSpec } from "../schema";
import { labelStart } from "../model/labels";
import type { Fix, TextEdit } from "./problem";
import type { Rule } from "./rule";

const display = (spec: FieldSpec): string => `${spec.emoji ?? ""}${spec.label}`;
const where = (section: BoundSection): string => (section.owner ? `under ${display(section.owner.spec)}` : "in the card");

function missingSpecs(section: BoundSection): FieldSpec[] {
  const present = new Set(section.fields.map((f) => f.spec));
  return section.specs.filter((s) => s.required && !present.has(s));
}

/**
 * All missing fields, in document order: a section's own missing children come before the next
 * top-level insert at the same offset, so the combined edit reads in template order.
 */
function allMissingEdits(model: CardModel, section: BoundSection): TextEdit[] {
  const edits: TextEdit[] = [];
  const present = new Map(section.fields.map((f) => [f.spec, f]));
  for (const spec of section.specs) {
    const field = present.get(spec);
    if (field?.section) edits.push(...allMissingEdits(model, field.section));
    else if (!field && spec.required) edits.push(insertFieldEdit(model, section, spec));
  }
  return edits;
}

export const structureRule: Rule = {
  name: "structure",
  codes: ["section.missing", "field.missing", "field.unknown", "field.duplicate", "field.order"],
  check(ctx) {
    const { model } = ctx;
    const text = model.doc.text;
    const allEdits = allMissingEdits(model, model.root);
    const fillAll: Fix | undefined = allEdits.length > 1 ? { title: `Insert all ${allEdits.length} missing fields`, edits: allEdits } : undefined;
    for (const section of allSections(model.root)) {
      for (const spec of missingSpecs(section)) {
        const placement = placeField(model, section, spec);
        const isSection = spec.children?.kind === "fields";
        const insert: Fix = { title: `Insert ${isSection ? "section" : "field"} ${display(spec)}`, edits: [insertFieldEdit(model, section, spec, placement)], preferred: true };
        const message = `Missing ${isSection ? "section" : "field"} ${display(spec)} ${where(section)}. Add it here (the quick fix inserts it with \`/\` for values not reported).`;
        ctx.report(isSection ? "section.missing" : "field.missing", placement.anchor, message, ...(fillAll ? [insert, fillAll] : [insert]));
      }
      for (const item of section.unknown) {
        const head = text.slice(item.head.start, item.head.end);
        // An empty bullet is a field being typed; completion helps there, a warning would only nag.
        if (head.trim() === "") continue;
        const label = head.slice(labelStart(head));
        const candidates = section.specs.flatMap((s) => [s.label, ...(s.aliases ?? [])]);
        const guess = item.checkbox ? undefined : didYouMean(label, candidates);
        const spec = guess ? section.specs.find((s) => s.label === guess || s.aliases?.includes(guess)) : undefined;
        const known = section.specs.map((s) => s.label).join(", ");
        if (spec) {
          const replace: Fix = { title: `Change to ${display(spec)}`, edits: [{ span: item.head, newText: display(spec) }], preferred: true };
          ctx.report("field.unknown", item.head, `Unknown field "${label}" ${where(section)}. Did you mean ${display(spec)}?`, replace);
        } else {
          ctx.report("field.unknown", item.head, `Unknown field "${head}" ${where(section)}. Fields here: ${known}.`);
        }
      }
      const seen = new Map<FieldSpec, string>();
      let furthest = -1;
      for (const field of section.fields) {
        const suffix = field.suffix ? text.slice(field.suffix.start, field.suffix.end) : "";
        if (seen.has(field.spec) && seen.get(field.spec) === suffix) {
          ctx.report("field.duplicate", field.item.head, `${display(field.spec)} appears more than once ${where(section)}. Merge the two into one.`);
          continue;
        }
        seen.set(field.spec, suffix);
        const order = section.specs.indexOf(field.spec);
        if (order < furthest) {
          const after = section.specs[furthest]!;
          const edits = moveFieldEdits(model, section, field);
          const fixes: Fix[] = edits ? [{ title: `Move ${display(field.spec)} to its place in the template`, edits, preferred: true, normalizes: true }] : [];
          ctx.report("field.order", field.item.head, `${display(field.spec)} should come before ${display(after)}, as in the template.`, ...fixes);
        }
        furthest = Math.max(furthest, order);
      }
    }
  },
};
