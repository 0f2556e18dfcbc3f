import type { Analysis } from "../analysis";
import type { BoundSection } from "../model/card";
import { hubCompleteness } from "./hub/completeness";
import { displayName, PATH_SEPARATOR, type FieldSpec } from "../schema";

export interface Completeness {
  /** "model card", "benchmark card". */
  readonly kind: string;
  readonly present: number;
  readonly total: number;
  /** Labels of the missing required fields, as paths: `🍉Tokenizer › Details`. */
  readonly missing: readonly string[];
}


/** Every required field under a spec, itself included, as display paths. */
function requiredPaths(spec: FieldSpec, prefix: string): string[] {
  if (!spec.required) return [];
  const path = prefix + displayName(spec);
  const children = spec.children?.kind === "fields" ? spec.children.fields.flatMap((c) => requiredPaths(c, `${path}${PATH_SEPARATOR}`)) : [];
  return [path, ...children];
}

function count(section: BoundSection, prefix: string): { present: number; missing: string[] } {
  let present = 0;
  const missing: string[] = [];
  for (const spec of section.specs) {
    if (!spec.required) continue;
    const field = section.fields.find((f) => f.spec === spec);
    if (!field) {
      missing.push(...requiredPaths(spec, prefix));
      continue;
    }
    present++;
    if (field.section) {
      const inner = count(field.section, `${prefix}${displayName(spec)}${PATH_SEPARATOR}`);
      present += inner.present;
      missing.push(...inner.missing);
    }
  }
  return { present, missing };
}

/** How many of the card's required fields are there, at every level, and which are missing. */
export function completeness(analysis: Analysis): Completeness | undefined {
  if (analysis.hub) return hubCompleteness(analysis.hub);
  const model = analysis.model;
  if (!model) return undefined;
  const { present, missing } = count(model.root, "");
  return { kind: model.kind.name, present, total: present + missing.length, missing };
}
