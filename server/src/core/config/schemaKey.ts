/**
 * The `schema:` key of `.modelcards.yaml`: a workspace's additions to the card schema, read from
 * data only (nothing runs) and checked against the built-in schema, each problem at its node.
 *
 * ```yaml
 * schema:
 *   options:                      # more options for a choice group or known values, by field id
 *     architecture: [Encoder-Denoiser-Decoder]
 *     training.strategies: [{ label: reinforcement learning, description: Tuned with RL. }]
 *   optional: [hyperparameters]   # fields no longer reported missing
 *   fields:                       # new fields of a kind, after a sibling, under a section
 *     - { kind: models, after: modelSize, id: huggingface, label: Huggingface, emoji: 🤗, value: link, description: The model's page. }
 *   kinds:                        # new card kinds, by the tag that marks them
 *     - { tag: datasets, name: dataset card, fields: [{ id: url, label: URL, value: link, required: true, description: Where to get it. }] }
 * ```
 */
import { isMap, isScalar, type Node } from "yaml";
import { normalizeLabel } from "../model/labels";
import { cardSchema, type CardKindSpec, type FieldSpec } from "../schema";
import type { FieldAddition, FieldDefinition, KindDefinition, OptionAddition, SchemaExtension } from "../schema/extend";
import { BUILT_IN_FIELDS, BUILT_IN_TAGS, FIELD_DOMAIN, KIND_DOMAIN, OPTIONS_FIELD_DOMAIN, PLACE_DOMAIN, takesOptions, VALUE_KIND_DOMAIN, VALUE_KIND_HELP, type ValueKind } from "./domains";
import { booleanValue, entries, guess, listItems, quoted, stringValue, type Report } from "./nodes";
import { namesOf, type Key, type Shape } from "./shape";

export const SCHEMA_HELP = "additions to the card schema: `options`, `optional`, `fields`, `kinds`";

const ID_PATTERN = "^[A-Za-z][\\w-]*$";
const ID = new RegExp(ID_PATTERN);

const text = (description: string): Key => ({ description, shape: { kind: "string" } });

const OPTION_MAP: Shape & { kind: "map" } = { kind: "map", keys: { label: text("The option as a card writes it."), description: text("What it means, shown in hovers and completion.") }, required: ["label"] };
const OPTIONS: Shape = { kind: "list", item: { kind: "oneOf", shapes: [{ kind: "string" }, OPTION_MAP] } };

/** A field as the config defines it; its children may be fields again, hence the getter. */
const FIELD: Shape & { kind: "map" } = {
  kind: "map",
  name: "field",
  keys: {
    id: { description: "The field's id: a letter, then letters, digits, `-` or `_`. Settings and other additions refer to it.", shape: { kind: "string", pattern: ID_PATTERN } },
    label: text("The label as a card writes it, without the emoji: `Huggingface`."),
    emoji: text("The emoji before the label: `🤗`."),
    required: { description: "`true` when a card without the field is reported (`field.missing`); `false` by default.", shape: { kind: "boolean" } },
    value: { description: "What follows `Label: ` on the field's line; no value for a heading with children.", shape: { kind: "string", domain: VALUE_KIND_DOMAIN } },
    get children(): Key {
      return { description: "What is nested under the field: `items` (free bullets), `{ fields: [...] }` or `{ choice: single|multiple, options: [...] }`.", shape: CHILDREN };
    },
    description: text("What the field means: the first line of its hover."),
    format: text("The format its value has, shown in its hover."),
    example: text("A complete example line, shown in its hover."),
  },
  required: ["id", "label", "description"],
};
const CHILD_FIELDS: Shape & { kind: "map" } = { kind: "map", keys: { fields: { description: "Child fields, each defined like a field.", shape: { kind: "list", item: FIELD } } }, required: ["fields"] };
const SELECTIONS = namesOf("a selection", [{ name: "single", description: "Exactly one option is checked." }, { name: "multiple", description: "Any number of options are checked." }]);
const CHOICE: Shape & { kind: "map" } = {
  kind: "map",
  keys: {
    choice: { description: "`single`: exactly one option is checked; `multiple`: any number.", shape: { kind: "string", domain: SELECTIONS } },
    options: { description: "The options, each a checkbox bullet in the card.", shape: OPTIONS },
  },
  required: ["choice", "options"],
};
const CHILDREN: Shape = { kind: "oneOf", shapes: [{ kind: "string", domain: namesOf("children", [{ name: "items", description: "Free bullets, one item each." }]) }, CHILD_FIELDS, CHOICE] };
const FIELD_ADDITION: Shape & { kind: "map" } = {
  kind: "map",
  keys: {
    kind: { description: "The tag of the card kind the field is for: `models`, `benchmarks`, or a kind this file adds.", shape: { kind: "string", domain: KIND_DOMAIN } },
    under: { description: "The id of the section the field goes in; the top level without it.", shape: { kind: "string", domain: PLACE_DOMAIN } },
    after: { description: "The id of the field it follows; last without it.", shape: { kind: "string", domain: PLACE_DOMAIN } },
    ...FIELD.keys,
  },
  required: ["kind", ...FIELD.required!],
};
const KIND: Shape & { kind: "map" } = {
  kind: "map",
  keys: {
    tag: text("The `tags` entry that marks a post as this kind of card: `datasets`."),
    name: text("What the kind is called in messages: `dataset card`."),
    fields: { description: "The kind's fields, in the template's order.", shape: { kind: "list", item: FIELD } },
  },
  required: ["tag", "name", "fields"],
};
export const SCHEMA_SHAPE: Shape & { kind: "map" } = {
  kind: "map",
  keys: {
    options: { description: "More options for a choice group, or more known values for a field, by field id: `architecture: [Encoder-Denoiser-Decoder]`.", shape: { kind: "record", key: OPTIONS_FIELD_DOMAIN, value: OPTIONS } },
    optional: { description: "Field ids no longer reported missing: `[hyperparameters]`.", shape: { kind: "list", item: { kind: "string", domain: FIELD_DOMAIN } } },
    fields: { description: "New fields of a card kind, each at its place (`under`, `after`).", shape: { kind: "list", item: FIELD_ADDITION } },
    kinds: { description: "New card kinds, each marked by its own tag, with its fields.", shape: { kind: "list", item: KIND } },
  },
};

function knownId(node: Node, report: Report): FieldSpec | undefined {
  const id = stringValue(node, "a field id", report);
  if (id === undefined) return undefined;
  const spec = BUILT_IN_FIELDS.get(id);
  if (!spec) {
    const suggestion = guess(id, [...BUILT_IN_FIELDS.keys()]);
    report("config.unknown-field", node, `No card kind has a field \`${id}\`.${suggestion.hint}`, suggestion.replacement);
  }
  return spec;
}

function readOption(node: Node, report: Report): OptionAddition | undefined {
  if (isScalar(node)) {
    const label = stringValue(node, "an option", report);
    return label === undefined ? undefined : { label };
  }
  const map = entries(node, "an option", OPTION_MAP, report);
  if (!map) return undefined;
  const label = stringValue(map.get("label")!, "the option's label", report);
  if (label === undefined) return undefined;
  const described = map.get("description");
  const description = described && stringValue(described, "a description", report);
  return description === undefined ? { label } : { label, description };
}

const readOptions = (node: Node, report: Report): OptionAddition[] =>
  (listItems(node, "a list of options", report) ?? []).flatMap((item) => readOption(item, report) ?? []);

function readChildren(node: Node, report: Report): FieldDefinition["children"] {
  if (isScalar(node)) {
    if (node.value === "items") return { kind: "items" };
    report("config.value", node, "`children` is `items` (free bullets), `{ fields: [...] }` or `{ choice: single|multiple, options: [...] }`.");
    return undefined;
  }
  if (isMap(node) && node.has("fields")) {
    const map = entries(node, "`children`", CHILD_FIELDS, report);
    return map && { kind: "fields", fields: readFieldList(map.get("fields")!, report) };
  }
  const map = entries(node, "`children`", CHOICE, report);
  const selection = map && stringValue(map.get("choice")!, "`single` or `multiple`", report);
  if (!map || selection === undefined) return undefined;
  if (selection !== "single" && selection !== "multiple") {
    const suggestion = guess(selection, ["single", "multiple"]);
    report("config.value", map.get("choice"), `\`choice\` is \`single\` or \`multiple\`.${suggestion.hint}`, suggestion.replacement);
    return undefined;
  }
  return { kind: "choice", selection, options: readOptions(map.get("options")!, report) };
}

/** One field as the config writes it; undefined (reported) when something it needs is wrong. */
function readField(node: Node, shape: Shape & { kind: "map" }, report: Report): { def: FieldDefinition; map: Map<string, Node> } | undefined {
  const map = entries(node, "a field", shape, report);
  if (!map) return undefined;
  const text = (key: string): string | undefined => {
    const value = map.get(key);
    return value && stringValue(value, `the field's ${key}`, report);
  };
  const id = text("id");
  if (id !== undefined && !ID.test(id)) report("config.value", map.get("id"), `A field id is a letter then letters, digits, \`-\` or \`_\`: \`${id}\` is not.`);
  const label = text("label");
  const description = text("description");
  if (id === undefined || !ID.test(id) || label === undefined || description === undefined) return undefined;
  const valueNode = map.get("value");
  const value = valueNode && stringValue(valueNode, "a value kind", report);
  if (value !== undefined && !Object.hasOwn(VALUE_KIND_HELP, value)) {
    const suggestion = guess(value, Object.keys(VALUE_KIND_HELP));
    report("config.value", valueNode, `\`value\` is one of ${quoted(Object.keys(VALUE_KIND_HELP))}.${suggestion.hint}`, suggestion.replacement);
    return undefined;
  }
  const requiredNode = map.get("required");
  const childrenNode = map.get("children");
  const def: FieldDefinition = {
    id, label, description,
    required: (requiredNode && booleanValue(requiredNode, "`required`", report)) ?? false,
    ...(value === undefined ? {} : { value: value as ValueKind }),
    ...(childrenNode ? { children: readChildren(childrenNode, report) } : {}),
    ...Object.fromEntries((["emoji", "format", "example"] as const).flatMap((k) => {
      const v = text(k);
      return v === undefined ? [] : [[k, v]];
    })),
  };
  return { def, map };
}

function readFieldList(node: Node, report: Report): FieldDefinition[] {
  return (listItems(node, "a list of fields", report) ?? []).flatMap((item) => readField(item, FIELD, report)?.def ?? []);
}

function readKinds(node: Node, report: Report): KindDefinition[] {
  const known = new Set<string>(BUILT_IN_TAGS);
  return (listItems(node, "a list of card kinds", report) ?? []).flatMap((item): KindDefinition[] => {
    const map = entries(item, "a card kind", KIND, report);
    const tag = map && stringValue(map.get("tag")!, "the tag that marks the kind", report);
    const name = map && stringValue(map.get("name")!, "the kind's name", report);
    if (!map || tag === undefined || name === undefined) return [];
    if (known.has(tag)) {
      report("config.value", map.get("tag"), `\`${tag}\` is already a card kind; add to it with \`fields\` and \`options\`.`);
      return [];
    }
    known.add(tag);
    return [{ tag, name, fields: readFieldList(map.get("fields")!, report) }];
  });
}

/** A field id matches a place by its own id: `optimizer` names `hyperparameters.optimizer`. */
const names = (spec: FieldSpec, id: string): boolean => spec.id === id || spec.id.endsWith(`.${id}`);

/** Every field of a kind, depth first. */
const allSpecs = (fields: readonly FieldSpec[]): FieldSpec[] => fields.flatMap((f) => [f, ...(f.children?.kind === "fields" ? allSpecs(f.children.fields) : [])]);

/**
 * Whether a new field of a built-in kind can be placed where it says, and stands apart from the
 * fields already there. A field `under` what is not a section of that kind would never be shown,
 * and one whose id or label a sibling has would get contradictory problems: both are reported at
 * their node and the field is left out. `after` a field not at that level puts it at the end.
 */
function placeable(kind: CardKindSpec, def: FieldDefinition, place: Partial<Record<"under" | "after", string>>, map: ReadonlyMap<string, Node>, added: Set<string>, report: Report): boolean {
  let level = kind.fields;
  if (place.under !== undefined) {
    const parent = allSpecs(kind.fields).find((f) => names(f, place.under!));
    if (parent?.children?.kind !== "fields") {
      const sections = allSpecs(kind.fields).filter((f) => f.children?.kind === "fields").map((f) => f.id);
      report("config.value", map.get("under"), `\`${place.under}\` is not a section of ${kind.name}s, so the field could not be placed under it. Sections: ${quoted(sections)}.`);
      return false;
    }
    level = parent.children.fields;
  }
  if (place.after !== undefined && !level.some((f) => names(f, place.after!))) {
    report("config.value", map.get("after"), `\`${place.after}\` is not a field at that level of ${kind.name}s; the field goes at the end of the level.`);
  }
  const label = normalizeLabel(def.label);
  const clash = level.find((f) => names(f, def.id) || [f.label, ...(f.aliases ?? [])].some((l) => normalizeLabel(l) === label));
  const key = `${kind.tag}/${place.under ?? ""}/${label}`;
  if (clash || added.has(key)) {
    const what = clash && names(clash, def.id) ? ["id", `\`${def.id}\``] : ["label", `"${def.label}"`];
    report("config.value", map.get(what[0]!), `${kind.name}s already have a field with the ${what[0]!} ${what[1]!} at that level${clash ? ` (${clash.id})` : ""}: a second one would get contradictory problems. Choose another ${what[0]!}, or change the built-in field with \`options\` or \`optional\`.`);
    return false;
  }
  added.add(key);
  return true;
}

export function readSchema(node: Node, report: Report): SchemaExtension {
  const map = entries(node, "`schema`", SCHEMA_SHAPE, report);
  if (!map) return { options: new Map(), fields: [], optional: [], kinds: [] };
  const kindsNode = map.get("kinds");
  const kinds = kindsNode ? readKinds(kindsNode, report) : [];

  const options = new Map<string, OptionAddition[]>();
  const optionsNode = map.get("options");
  if (optionsNode && isMap(optionsNode)) {
    for (const pair of optionsNode.items) {
      const spec = knownId(pair.key as Node, report);
      if (!spec || !pair.value) continue;
      if (!takesOptions(spec)) {
        report("config.value", pair.key as Node, `\`${spec.id}\` takes no options: only choice groups and fields with known values do.`);
        continue;
      }
      options.set(spec.id, [...(options.get(spec.id) ?? []), ...readOptions(pair.value as Node, report)]);
    }
  } else if (optionsNode) {
    report("config.value", optionsNode, "`options` maps field ids to lists of options, e.g. `architecture: [Encoder-Denoiser-Decoder]`.");
  }

  const optionalNode = map.get("optional");
  const optional = (optionalNode ? listItems(optionalNode, "a list of field ids", report) ?? [] : []).flatMap((item) => knownId(item, report)?.id ?? []);

  const tags = [...BUILT_IN_TAGS, ...kinds.map((k) => k.tag)];
  const added = new Set<string>();
  const fieldsNode = map.get("fields");
  const fields = (fieldsNode ? listItems(fieldsNode, "a list of fields", report) ?? [] : []).flatMap((item): FieldAddition[] => {
    const read = readField(item, FIELD_ADDITION, report);
    if (!read) return [];
    const kindNode = read.map.get("kind");
    const kind = kindNode ? stringValue(kindNode, "the tag of the card kind", report) : undefined;
    if (kind === undefined || !tags.includes(kind)) {
      const suggestion = kind === undefined ? undefined : guess(kind, tags);
      report("config.value", kindNode ?? item, `Name the card kind the field is for: \`kind:\` ${quoted(tags)}.${suggestion?.hint ?? ""}`, suggestion?.replacement);
      return [];
    }
    const place: Partial<Record<"under" | "after", string>> = {};
    // Places in a built-in kind are checked against its fields; a new kind's are the config's own.
    const builtIn = cardSchema.kinds.find((k) => k.tag === kind);
    for (const key of ["under", "after"] as const) {
      const placeNode = read.map.get(key);
      const spec = placeNode && (builtIn ? knownId(placeNode, report) : { id: stringValue(placeNode, "a field id", report) });
      if (spec?.id !== undefined) place[key] = spec.id;
    }
    if (builtIn && !placeable(builtIn, read.def, place, read.map, added, report)) return [];
    return [{ ...read.def, kind, ...place }];
  });
  return { options, fields, optional, kinds };
}
