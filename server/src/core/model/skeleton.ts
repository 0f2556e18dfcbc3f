import { displayName, type FieldSpec, type OptionSpec } from "../schema";

/** The template's bullet marker and indent for each nesting depth (1-based): `-`, `+`, `*`, then again. */
const MARKERS = ["-", "+", "*"] as const;

export function markerFor(depth: number): string {
  return MARKERS[(depth - 1) % MARKERS.length]!;
}

// Made once for the depths cards have: the list rule compares every bullet with its level's indent.
const INDENTS: readonly string[] = Array.from({ length: 8 }, (_, level) => "  ".repeat(level));

export function indentFor(depth: number): string {
  return INDENTS[depth - 1] ?? "  ".repeat(depth - 1);
}

/**
 * What to write where the user fills something in. Plain text (quick fixes) writes `/` and unchecked
 * boxes; snippets write tab stops. One renderer serves both so the template never drifts.
 */
export interface Holes {
  value(spec: FieldSpec): string;
  suffix(spec: FieldSpec): string;
  option(option: OptionSpec): string;
  item(spec: FieldSpec): string;
  literal(text: string): string;
}

export const plainHoles = (suffix: string): Holes => ({
  value: () => "/",
  suffix: () => suffix,
  option: (option) => `[ ] ${option.label}`,
  item: () => "/",
  literal: (text) => text,
});

/** The head of a field's line: emoji, label, and the suffix for fields that take one. */
export function fieldHead(spec: FieldSpec, holes: Holes): string {
  const head = holes.literal(displayName(spec));
  return spec.labelSuffix ? `${head} ${holes.suffix(spec)}` : head;
}

/** The lines of a field and everything under it, at the given depth. */
export function renderField(spec: FieldSpec, depth: number, holes: Holes): string[] {
  const bullet = `${indentFor(depth)}${markerFor(depth)} `;
  return [`${bullet}${fieldHead(spec, holes)}${spec.value ? `: ${holes.value(spec)}` : ""}`, ...renderChildren(spec, depth + 1, holes)];
}

/** The lines under a field: its child fields, its options unchecked, or one item to fill in. */
export function renderChildren(spec: FieldSpec, depth: number, holes: Holes): string[] {
  const children = spec.children;
  const bullet = `${indentFor(depth)}${markerFor(depth)} `;
  if (children?.kind === "fields") return children.fields.flatMap((child) => renderField(child, depth, holes));
  if (children?.kind === "choice") return children.options.map((option) => `${bullet}${holes.option(option)}`);
  if (children?.kind === "items") return [`${bullet}${holes.item(spec)}`];
  return [];
}

/** Escapes text for VS Code snippet syntax, where `$`, `}` and `\\` are special. */
export const escapeSnippet = (text: string): string => text.replace(/[$}\\]/g, "\\$&");

/**
 * Tab stops for a snippet (VS Code snippet syntax), numbered in the order they appear: each value a
 * placeholder `/`, yes/no fields a choice of `/`, ✅ and ❌, fields with known values a choice list.
 * `modelName` is snippet text for the model's name in `🧪Hyperparameters (Name Size)`: a mirror of
 * an earlier tab stop, or the card's title.
 */
export function snippetHoles(modelName: string, first = 1): Holes {
  let n = first - 1;
  return {
    value(spec) {
      n++;
      const value = spec.value;
      // `/` first: tabbing past a yes/no must not silently answer it (a model marked public by accident).
      if (value?.kind === "boolean") return `\${${n}|/,✅,❌|}`;
      if (value?.kind === "enum") return `\${${n}|/,${value.options.map((o) => o.label).join(",")}|}`;
      return `\${${n}:/}`;
    },
    suffix: () => `(${modelName} \${${++n}:Size})`,
    option: (option) => `[ ] ${escapeSnippet(option.label)}`,
    item: () => `\${${++n}:/}`,
    literal: escapeSnippet,
  };
}
