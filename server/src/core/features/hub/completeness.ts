import type { HubModel } from "../../model/hub";
import { metaValue } from "../../parse/hubMetadata";
import type { SpanEdit } from "../../rules/problem";
import { headingOf, insertSectionEdit, missingSections } from "../../rules/hub/sections";
import { PLACEHOLDER } from "../../schema/hub";
import type { Completeness } from "../completeness";

/**
 * How finished a Hub card is: its license and each recommended section, a section counting only
 * once its `[More Information Needed]` placeholders are written.
 */
export function hubCompleteness(hub: HubModel): Completeness {
  const { text } = hub.doc;
  const missing: string[] = [];
  let present = 0;
  if (metaValue(hub.metadata.root, "license") === undefined) missing.push("license");
  else present++;
  for (const spec of hub.kind.sections.filter((s) => s.recommended)) {
    const heading = headingOf(hub.headings, spec);
    const body = heading ? text.slice(heading.span.end, heading.end) : undefined;
    if (body === undefined) missing.push(spec.title);
    else if (body.includes(PLACEHOLDER)) missing.push(`${spec.title} (${PLACEHOLDER})`);
    else present++;
  }
  return { kind: hub.kind.name, unit: "parts", present, total: present + missing.length, missing };
}

/**
 * The edits that insert the recommended sections a Hub card lacks, each with the template's
 * guidance (all of them, or the one `title` names): what "Fill in" can write for the author. A
 * license or a placeholder needs the author's own words, so they have none.
 */
export const hubFillEdits = (hub: HubModel, title?: string): SpanEdit[] =>
  missingSections(hub, true).filter((m) => title === undefined || m.spec.title === title).map((m) => insertSectionEdit(hub, m));
