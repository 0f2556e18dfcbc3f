/**
 * The shape of `.modelcards.yaml` as data: which keys each mapping has and what each means, which
 * values a key takes. The readers take their key lists from it, and completion, hover and the
 * shipped JSON Schema are generated from it, so the file's documentation cannot drift from what
 * is read. The names a value can take (codes, levels, field ids…) are domains, looked up when asked.
 */

/** A name a key or value can take, with what it means (markdown). */
export interface Named {
  readonly name: string;
  readonly description: string;
  /** A short label for completion lists: a field's label, a code's default level. */
  readonly detail?: string;
}

export interface Domain {
  /** What the names are, for messages and hovers: "a diagnostic code". */
  readonly what: string;
  values(): readonly Named[];
  /**
   * False when other names are accepted too (a field id of a card kind the same file defines):
   * completion offers the names, the JSON Schema does not restrict to them.
   */
  readonly closed: boolean;
}

export interface Key {
  readonly description: string;
  readonly shape: Shape;
}

export type Shape =
  /** A mapping with these keys; `required` ones must be there. */
  | { readonly kind: "map"; readonly keys: Readonly<Record<string, Key>>; readonly required?: readonly string[]; /** Names a shape that contains itself (a field's child fields), for the JSON Schema's definitions. */ readonly name?: string }
  /** A mapping whose keys are names of a domain (codes, field ids), each with a value of one shape. */
  | { readonly kind: "record"; readonly key: Domain; readonly value: Shape }
  | { readonly kind: "list"; readonly item: Shape }
  | { readonly kind: "string"; readonly domain?: Domain; readonly pattern?: string }
  | { readonly kind: "boolean" }
  /** Any one of these: a plain option label, or a mapping with its label and description. */
  | { readonly kind: "oneOf"; readonly shapes: readonly Shape[] };

/** A domain of fixed names. */
export const namesOf = (what: string, values: readonly Named[]): Domain => ({ what, values: () => values, closed: true });

export const keysOf = (shape: Shape & { kind: "map" }): string[] => Object.keys(shape.keys);

/** The shape at a path of keys (`[]` for a list's item), or undefined where the file has no such place. */
export function shapeAt(root: Shape, path: readonly string[]): Shape | undefined {
  let shapes: readonly Shape[] = [root];
  for (const step of path) {
    shapes = shapes.flatMap(alternatives).flatMap((shape): Shape[] => {
      if (step === "[]") return shape.kind === "list" ? [shape.item] : [];
      if (shape.kind === "map") return Object.hasOwn(shape.keys, step) ? [shape.keys[step]!.shape] : [];
      return shape.kind === "record" ? [shape.value] : [];
    });
  }
  if (shapes.length === 0) return undefined;
  return shapes.length === 1 ? shapes[0] : { kind: "oneOf", shapes };
}

/** A shape's alternatives: itself, or each shape of a `oneOf`. */
export const alternatives = (shape: Shape): readonly Shape[] => (shape.kind === "oneOf" ? shape.shapes.flatMap(alternatives) : [shape]);
