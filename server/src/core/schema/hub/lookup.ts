import type { HubKeySpec, HubKindSpec, HubValue } from "./types";

/** The mapping keys a value holds: through lists and the mapping option of a `oneOf`. */
export function keysOf(value: HubValue | undefined): readonly HubKeySpec[] | undefined {
  if (!value) return undefined;
  if (value.kind === "map") return value.keys;
  if (value.kind === "list") return keysOf(value.item);
  if (value.kind === "oneOf") return value.options.map(keysOf).find((k) => k !== undefined);
  return undefined;
}

/** The key spec a path of keys names (list indexes are skipped: a list's items share one spec). */
export function keyAtPath(kind: HubKindSpec, path: readonly (string | number)[]): HubKeySpec | undefined {
  let keys: readonly HubKeySpec[] | undefined = kind.keys;
  let found: HubKeySpec | undefined;
  for (const step of path) {
    if (typeof step === "number") continue;
    found = keys?.find((k) => k.key === step);
    if (!found) return undefined;
    keys = keysOf(found.value);
  }
  return found;
}

/** The string spec of a key's values (its own, or its list items'), for vocabularies and completion. */
export function stringValueOf(value: HubValue): Extract<HubValue, { kind: "string" }> | undefined {
  if (value.kind === "string") return value;
  if (value.kind === "list") return stringValueOf(value.item);
  if (value.kind === "oneOf") return value.options.map(stringValueOf).find((v) => v !== undefined);
  return undefined;
}
