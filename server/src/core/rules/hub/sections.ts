/**
 * The body of a Hub card against the template's sections: recommended sections not written yet,
 * and the template's placeholders left in. Both are information: the card is unfinished, not wrong.
 */
import { namesSection, type Heading } from "../../parse/markdownSections";
import { PLACEHOLDER, type HubSectionSpec } from "../../schema/hub";
import type { HubModel } from "../../model/hub";
import type { SpanEdit } from "../problem";
import type { HubRule } from "./rule";

export interface MissingSection {
  readonly spec: HubSectionSpec;
  /** Where it goes: before the first later template section the card has, or at the end. */
  readonly offset: number;
}

/** The card's heading for a template section, if it has one. */
export const headingOf = (headings: readonly Heading[], spec: HubSectionSpec): Heading | undefined => headings.find((h) => namesSection(h, spec));

/** The template's top-level sections the card lacks, each with the offset it belongs at. */
export function missingSections(model: HubModel, recommendedOnly: boolean): MissingSection[] {
  const present = model.kind.sections.map((spec) => headingOf(model.headings, spec));
  const missing: MissingSection[] = [];
  // Walked from the end, so the first later section the card has is at hand for each missing one.
  let next = model.doc.text.length;
  for (let i = present.length - 1; i >= 0; i--) {
    const heading = present[i];
    const spec = model.kind.sections[i]!;
    if (heading) next = heading.span.start;
    else if (!recommendedOnly || spec.recommended) missing.push({ spec, offset: next });
  }
  return missing.reverse();
}

/** The text of a new section: its heading, the template's guidance, and the placeholder to replace. */
export function sectionText(spec: HubSectionSpec, eol: string): string {
  return [`${"#".repeat(spec.level)} ${spec.title}`, "", `<!-- ${spec.guidance} -->`, "", PLACEHOLDER, "", ""].join(eol);
}

export function insertSectionEdit(model: HubModel, missing: MissingSection): SpanEdit {
  const { text, eol } = model.doc;
  // At the end of a file without a final line break, the heading must start on a line of its own.
  const lead = missing.offset === text.length && text !== "" && !/[\r\n]$/.test(text) ? eol + eol : "";
  return { span: { start: missing.offset, end: missing.offset }, newText: lead + sectionText(missing.spec, eol) };
}

export const sectionsRule: HubRule = {
  name: "hub-sections",
  codes: ["hub.section-missing", "hub.placeholder"],
  check(ctx) {
    const { model } = ctx;
    const { text, lines } = model.doc;
    const fmEnd = model.doc.frontMatter?.span.end ?? 0;
    for (const missing of missingSections(model, true)) {
      const line = lines[ctx.positions.lineIndexAt(missing.offset)]!;
      const anchor = missing.offset === text.length ? { start: lines.at(-1)!.start, end: text.length } : { start: line.start, end: line.end };
      ctx.report("hub.section-missing", anchor, `The Hub's template has a "${missing.spec.title}" section here: ${missing.spec.guidance}`, {
        title: `Insert section "${missing.spec.title}"`, edits: [insertSectionEdit(model, missing)], preferred: true,
      });
    }
    for (let at = text.indexOf(PLACEHOLDER, fmEnd); at >= 0; at = text.indexOf(PLACEHOLDER, at + PLACEHOLDER.length)) {
      ctx.report("hub.placeholder", { start: at, end: at + PLACEHOLDER.length }, "The template's placeholder is still here: write this part, or remove the line if it does not apply.");
    }
  },
};
