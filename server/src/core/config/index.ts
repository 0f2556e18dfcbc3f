/**
 * The project config file, `.modelcards.yaml`: the editor's settings (severities per code, extra
 * card globs) written once for every editor and for CI. Parsing is pure and never throws; every
 * problem comes back with the span of the key or value at fault, so the CLI can print it and an
 * editor can underline it. Each key is one entry of `KEYS`: a new key is a new entry.
 */
import { isMap, isSeq, type Node } from "yaml";
import { readYaml } from "../parse/yaml";
import { ALL_CODES, CODES } from "../rules/codes";
import { cardSchema, type CardKindSpec } from "../schema";
import { extendKinds, NO_EXTENSION, type SchemaExtension } from "../schema/extend";
import { DEFAULT_SETTINGS, LEVELS, type Settings, type SeverityLevel } from "../settings";
import { CODE_DOMAIN, LEVEL_DOMAIN } from "./domains";
import { guess, isEmpty, quoted, stringValue, type ConfigProblem, type Report } from "./nodes";
import { readSchema, SCHEMA_HELP, SCHEMA_SHAPE } from "./schemaKey";
import type { Key, Shape } from "./shape";

export { CONFIG_CODES, type ConfigCode, type ConfigProblem } from "./nodes";

export const CONFIG_FILE = ".modelcards.yaml";

export interface Config {
  readonly settings: Settings;
  /** The card kinds in force: the built-in schema with the config's `schema:` additions. */
  readonly kinds: readonly CardKindSpec[];
  readonly problems: readonly ConfigProblem[];
}

/** What the keys set: the editor's settings, and the schema additions. */
type ConfigValues = Settings & { readonly schema: SchemaExtension };

interface ConfigKey extends Key {
  /** Reads the key's value, reporting what is wrong with it; null is "not set". */
  read(value: Node, report: Report): Partial<ConfigValues>;
}

const KEYS: Readonly<Record<string, ConfigKey>> = {
  severity: {
    description: "the severity of each diagnostic code",
    shape: { kind: "record", key: CODE_DOMAIN, value: { kind: "string", domain: LEVEL_DOMAIN } },
    read(value, report) {
      if (!isMap(value)) {
        report("config.value", value, `\`severity\` maps codes to levels, e.g. \`list.marker: off\`. Levels: ${quoted(LEVELS)}.`);
        return {};
      }
      const severity: Record<string, SeverityLevel> = {};
      for (const pair of value.items) {
        const keyNode = pair.key as Node | null;
        const code = keyNode ? stringValue(keyNode, "a diagnostic code", report) : undefined;
        if (code === undefined) continue;
        const levelNode = pair.value as Node | null;
        const level = isEmpty(levelNode) ? undefined : stringValue(levelNode, "a level", report);
        // Own keys only: `__proto__` or `toString` are in every object, and are no codes.
        if (!Object.hasOwn(CODES, code)) {
          const suggestion = guess(code, ALL_CODES);
          report("config.unknown-code", keyNode, `Unknown code \`${code}\`.${suggestion.hint || " The codes are listed in the README."}`, suggestion.replacement);
        } else if (level === undefined) {
          if (isEmpty(levelNode)) report("config.value", keyNode, `\`${code}\` has no level. Levels: ${quoted(LEVELS)}.`);
        } else if (!LEVELS.includes(level as SeverityLevel)) {
          const suggestion = guess(level, LEVELS);
          report("config.value", levelNode, `\`${level}\` is not a level.${suggestion.hint} Levels: ${quoted(LEVELS)}.`, suggestion.replacement);
        } else {
          severity[code] = level as SeverityLevel;
        }
      }
      return { severity };
    },
  },
  cardGlobs: {
    description: "globs of markdown files to check as cards even without a card tag",
    shape: { kind: "list", item: { kind: "string", pattern: "\\S" } },
    read(value, report) {
      if (!isSeq(value)) {
        report("config.value", value, "`cardGlobs` is a list of globs, e.g. `[\"_drafts/*.md\"]`.");
        return {};
      }
      const cardGlobs: string[] = [];
      for (const item of value.items as (Node | null)[]) {
        const glob = isEmpty(item) ? "" : stringValue(item, "a glob", report);
        if (glob?.trim() === "") report("config.value", item ?? value, "An empty glob matches nothing; remove it.");
        else if (glob !== undefined) cardGlobs.push(glob);
      }
      return { cardGlobs };
    },
  },
  schema: {
    description: SCHEMA_HELP,
    shape: SCHEMA_SHAPE,
    read: (value, report) => ({ schema: readSchema(value, report) }),
  },
};

/** Parses a config file's text into settings (defaults for what it leaves out) and the problems found. */
export function parseConfig(text: string): Config {
  const problems: ConfigProblem[] = [];
  const whole = { start: 0, end: text.length };
  const report: Report = (code, node, message, replacement) => {
    const range = node?.range;
    const span = range ? { start: range[0], end: Math.max(range[1], range[0]) } : whole;
    const fixes = replacement === undefined ? [] : [{ title: `Change to \`${replacement}\``, edits: [{ span, newText: replacement }], preferred: true }];
    problems.push({ code, span, message, fixes });
  };
  const read = readYaml(text);
  if (read.refused) return { ...DEFAULTS, problems: [{ code: "config.syntax", span: read.refused, message: read.refused.message, fixes: [] }] };
  const doc = read.doc;
  for (const error of doc.errors) {
    problems.push({ code: "config.syntax", span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }, message: `YAML: ${error.message.split("\n")[0]!.trim()}`, fixes: [] });
  }
  const contents = doc.contents as Node | null;
  if (problems.length > 0 || contents === null) return { ...DEFAULTS, problems };
  if (!isMap(contents)) {
    report("config.syntax", contents, `The config is a mapping of keys to values: ${quoted(Object.keys(KEYS))}.`);
    return { ...DEFAULTS, problems };
  }
  let values: ConfigValues = { ...DEFAULT_SETTINGS, schema: NO_EXTENSION };
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    const key = keyNode ? stringValue(keyNode, "a key", report) : undefined;
    if (key === undefined) continue;
    const spec = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!spec) {
      const suggestion = guess(key, Object.keys(KEYS));
      report("config.unknown-key", keyNode, `Unknown key \`${key}\`.${suggestion.hint} Keys: ${Object.entries(KEYS).map(([k, s]) => `\`${k}\` (${s.description})`).join("; ")}.`, suggestion.replacement);
      continue;
    }
    const value = pair.value as Node | null;
    if (!isEmpty(value)) values = { ...values, ...spec.read(value, report) };
  }
  const { schema, ...settings } = values;
  return { settings, kinds: extendKinds(cardSchema.kinds, schema), problems };
}

/** The whole file's shape, from the keys the parser reads: completion, hover and the JSON Schema follow it. */
export const CONFIG_SHAPE: Shape = { kind: "map", keys: Object.fromEntries(Object.entries(KEYS).map(([key, { description, shape }]) => [key, { description, shape }])) };

const DEFAULTS: Omit<Config, "problems"> = { settings: DEFAULT_SETTINGS, kinds: cardSchema.kinds };
