/**
 * A workspace's additions to the built-in schema (the `schema:` key of `.modelcards.yaml`): more
 * options for a choice group or a field's known values, new fields, fields made optional, and new
 * card kinds. Applying them is pure and leaves the built-in schema untouched.
 */
import { opt } from "./option";
import type { CardKindSpec, ChildrenSpec, FieldSpec, OptionSpec, ValueSpec } from "./types";

export interface OptionAddition {
  readonly label: string;
  readonly description?: string;
}

export interface FieldDefinition {
  readonly id: string;
  readonly label: string;
  readonly emoji?: string;
  readonly required: boolean;
  /** Known-value lists (`enum`) come only from the built-in schema; a workspace adds options to them. */
  readonly value?: Exclude<ValueSpec["kind"], "enum">;
  /** `items`: free bullets under the field; `fields`: child fields; `choice`: checkbox options. */
  readonly children?: { readonly kind: "items" } | { readonly kind: "fields"; readonly fields: readonly FieldDefinition[] } | { readonly kind: "choice"; readonly selection: "single" | "multiple"; readonly options: readonly OptionAddition[] };
  readonly description: string;
  readonly format?: string;
  readonly example?: string;
}

export interface FieldAddition extends FieldDefinition {
  /** The tag of the kind the field is added to. */
  readonly kind: string;
  /** The id of the section it goes under; the card's top level when absent. */
  readonly under?: string;
  /** The id of the sibling it follows; the end of its level when absent. */
  readonly after?: string;
}

export interface KindDefinition {
  readonly tag: string;
  readonly name: string;
  readonly fields: readonly FieldDefinition[];
}

export interface SchemaExtension {
  /** Field id → options added to its choice group or known values (in every kind that has the id). */
  readonly options: ReadonlyMap<string, readonly OptionAddition[]>;
  readonly fields: readonly FieldAddition[];
  /** Field ids made optional (in every kind that has the id): they are no longer reported missing. */
  readonly optional: readonly string[];
  readonly kinds: readonly KindDefinition[];
}

export const NO_EXTENSION: SchemaExtension = { options: new Map(), fields: [], optional: [], kinds: [] };

const toOption = (o: OptionAddition): OptionSpec => opt(o.label, o.description ?? "Added by this workspace's .modelcards.yaml.");

/** A field definition from the config as a schema field. */
function defineField(def: FieldDefinition, parentId?: string): FieldSpec {
  const id = parentId ? `${parentId}.${def.id}` : def.id;
  const value: ValueSpec | undefined = def.value === undefined ? undefined : { kind: def.value };
  const c = def.children;
  const children: ChildrenSpec | undefined =
    c?.kind === "fields" ? { kind: "fields", fields: c.fields.map((f) => defineField(f, id)) }
    : c?.kind === "choice" ? { kind: "choice", selection: c.selection, options: c.options.map(toOption) }
    : c?.kind === "items" ? { kind: "items", item: "text" }
    : undefined;
  return {
    id, label: def.label, required: def.required,
    ...(def.emoji === undefined ? {} : { emoji: def.emoji }),
    ...(value ? { value } : {}),
    ...(children ? { children } : {}),
    help: { description: def.description, ...(def.format === undefined ? {} : { format: def.format }), ...(def.example === undefined ? {} : { example: def.example }) },
  };
}

function extendField(spec: FieldSpec, extension: SchemaExtension, additions: readonly FieldAddition[]): FieldSpec {
  const extra = (extension.options.get(spec.id) ?? []).map(toOption);
  let value = spec.value;
  if (extra.length > 0 && value?.kind === "enum") value = { ...value, options: [...value.options, ...extra] };
  else if (extra.length > 0 && value?.kind === "text") value = { ...value, suggestions: [...(value.suggestions ?? []), ...extra] };
  let children = spec.children;
  if (extra.length > 0 && children?.kind === "choice") children = { ...children, options: [...children.options, ...extra] };
  if (children?.kind === "fields") children = { kind: "fields", fields: extendLevel(children.fields, spec.id, extension, additions) };
  const required = spec.required && !extension.optional.includes(spec.id);
  return { ...spec, required, ...(value ? { value } : {}), ...(children ? { children } : {}) };
}

function extendLevel(fields: readonly FieldSpec[], parentId: string | undefined, extension: SchemaExtension, additions: readonly FieldAddition[]): FieldSpec[] {
  const out = fields.map((f) => extendField(f, extension, additions));
  for (const add of additions.filter((a) => a.under === parentId)) {
    const at = add.after === undefined ? -1 : out.findIndex((f) => f.id === add.after || f.id.endsWith(`.${add.after}`));
    out.splice(at < 0 ? out.length : at + 1, 0, defineField(add, parentId));
  }
  return out;
}

/** The kinds in force: the built-in ones with the workspace's additions, then the workspace's own kinds. */
export function extendKinds(base: readonly CardKindSpec[], extension: SchemaExtension): CardKindSpec[] {
  if (extension === NO_EXTENSION) return [...base];
  const extended = base.map((kind) => ({ ...kind, fields: extendLevel(kind.fields, undefined, extension, extension.fields.filter((f) => f.kind === kind.tag)) }));
  const own = extension.kinds.map((k): CardKindSpec => ({
    tag: k.tag, name: k.name,
    snippet: { prefix: `${k.tag}-card`, description: `A whole ${k.name}` },
    fields: extendLevel(k.fields.map((f) => defineField(f)), undefined, extension, extension.fields.filter((f) => f.kind === k.tag)),
  }));
  return [...extended, ...own];
}
