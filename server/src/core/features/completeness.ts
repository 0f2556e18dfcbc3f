import type { Analysis } from "../analysis";
import type { BoundSection, CardModel } from "../model/card";
import type { SpanEdit } from "../rules/problem";
import { insertAll, type Missing } from "../rules/structure";
import { hubCompleteness } from "./hub/completeness";
import { displayName, PATH_SEPARATOR, type FieldSpec } from "../schema";

export interface Completeness {
  /** "model card", "benchmark card". */
  readonly kind: string;
  /** What is counted, for messages: "fields" of a post; "parts" of a Hub card (its license and recommended sections). */
  readonly unit: string;
  readonly present: number;
  readonly total: number;
  /** Labels of the missing required fields, as paths: `🍉Tokenizer › Details`. */
  readonly missing: readonly string[];
}

/** A missing field's path and, for a missing section, the paths of the required fields it brings. */
function requiredPaths(spec: FieldSpec, path: string): string[] {
  if (!spec.required) return [];
  const children = spec.children?.kind === "fields" ? spec.children.fields.flatMap((c) => requiredPaths(c, `${path}${PATH_SEPARATOR}${displayName(c)}`)) : [];
  return [path, ...children];
}

/**
 * Required fields that are not missing, at every level and in every copy of a section. A misspelt
 * field is not missing (its fix is a rename, not an insert), so it counts here.
 */
function countPresent(section: BoundSection, missing: readonly Missing[]): number {
  let count = 0;
  for (const spec of section.specs) {
    if (!spec.required || missing.some((m) => m.section === section && m.spec === spec)) continue;
    count++;
    for (const field of section.fields) if (field.spec === spec && field.section) count += countPresent(field.section, missing);
  }
  return count;
}

/** How many of the card's required fields are there, at every level, and which are missing. */
export function completeness(analysis: Analysis): Completeness | undefined {
  if (analysis.hub) return hubCompleteness(analysis.hub);
  const model = analysis.model;
  if (!model) return undefined;
  const missingFields = analysis.missing;
  const missing = missingFields.flatMap((m) => requiredPaths(m.spec, m.path));
  const present = countPresent(model.root, missingFields);
  return { kind: model.kind.name, unit: "fields", present, total: present + missing.length, missing };
}

/**
 * The edits that insert every missing field at its place, in reading order ("fill in the card"),
 * or only the one a completeness path names (a path inside a missing section inserts that section).
 */
export function fillMissingEdits(model: CardModel, missing: readonly Missing[], path?: string): SpanEdit[] {
  return insertAll(model, path === undefined ? missing : missing.filter((m) => path === m.path || path.startsWith(m.path + PATH_SEPARATOR)));
}
