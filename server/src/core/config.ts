/**
 * The project config file, `.modelcards.yaml`: the editor's settings (severities per code, extra
 * card globs) written once for every editor and for CI. Parsing is pure and never throws; every
 * problem comes back with the span of the key or value at fault, so the CLI can print it and an
 * editor can underline it. Each key is one entry of `KEYS`: a new key is a new entry.
 */
import { isAlias, isMap, isScalar, isSeq, type Node } from "yaml";
import { didYouMean } from "./model/suggest";
import { readYaml } from "./parse/yaml";
import { ALL_CODES, CODES } from "./rules/codes";
import { DEFAULT_SETTINGS, LEVELS, type Settings, type SeverityLevel } from "./settings";
import type { Span } from "./text/span";

export const CONFIG_FILE = ".modelcards.yaml";

/** The config's own problem codes: they describe the config file, not a card, so they are not in CODES. */
export const CONFIG_CODES = {
  "config.syntax": { severity: "error", description: "The config file is not valid YAML, or not a mapping of keys to values." },
  "config.unknown-key": { severity: "warning", description: "A key the config file does not know (it is ignored)." },
  "config.unknown-code": { severity: "warning", description: "A diagnostic code under `severity` that does not exist (it is ignored)." },
  "config.value": { severity: "error", description: "A value of the wrong kind, such as a severity other than error, warning, information, hint or off." },
} as const satisfies Record<string, { severity: "error" | "warning"; description: string }>;

export type ConfigCode = keyof typeof CONFIG_CODES;

export interface ConfigProblem {
  readonly code: ConfigCode;
  readonly span: Span;
  readonly message: string;
}

export interface Config {
  readonly settings: Settings;
  readonly problems: readonly ConfigProblem[];
}

type Report = (code: ConfigCode, node: Node | null | undefined, message: string) => void;

interface ConfigKey {
  /** What the key sets, for messages and documentation. */
  readonly description: string;
  /** Reads the key's value into settings, reporting what is wrong with it; null is "not set". */
  read(value: Node, report: Report): Partial<Settings>;
}

/** `key:` with nothing after it: YAML's null, which the config reads as "not set". */
const isEmpty = (node: Node | null): node is null => node === null || (isScalar(node) && node.value === null);

const quoted = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(", ");

/** A plain string scalar's text, or undefined (reported) for anything else. */
function stringValue(node: Node, what: string, report: Report): string | undefined {
  if (isScalar(node) && typeof node.value === "string") return node.value;
  report("config.value", node, isAlias(node) ? `Write ${what} itself here, not an alias.` : `Expected ${what}, a string.`);
  return undefined;
}

const KEYS: Readonly<Record<string, ConfigKey>> = {
  severity: {
    description: "the severity of each diagnostic code",
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
        if (!(code in CODES)) {
          const guess = didYouMean(code, ALL_CODES);
          report("config.unknown-code", keyNode, `Unknown code \`${code}\`.${guess ? ` Did you mean \`${guess}\`?` : " The codes are listed in the README."}`);
        } else if (level === undefined) {
          if (isEmpty(levelNode)) report("config.value", keyNode, `\`${code}\` has no level. Levels: ${quoted(LEVELS)}.`);
        } else if (!LEVELS.includes(level as SeverityLevel)) {
          const guess = didYouMean(level, LEVELS);
          report("config.value", levelNode, `\`${level}\` is not a level.${guess ? ` Did you mean \`${guess}\`?` : ""} Levels: ${quoted(LEVELS)}.`);
        } else {
          severity[code] = level as SeverityLevel;
        }
      }
      return { severity };
    },
  },
  cardGlobs: {
    description: "globs of markdown files to check as cards even without a card tag",
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
};

/** Parses a config file's text into settings (defaults for what it leaves out) and the problems found. */
export function parseConfig(text: string): Config {
  const problems: ConfigProblem[] = [];
  const whole = { start: 0, end: text.length };
  const report: Report = (code, node, message) => {
    const range = node?.range;
    problems.push({ code, span: range ? { start: range[0], end: Math.max(range[1], range[0]) } : whole, message });
  };
  const read = readYaml(text);
  if (read.refused) return { settings: DEFAULT_SETTINGS, problems: [{ code: "config.syntax", span: read.refused, message: read.refused.message }] };
  const doc = read.doc;
  for (const error of doc.errors) {
    problems.push({ code: "config.syntax", span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }, message: `YAML: ${error.message.split("\n")[0]!.trim()}` });
  }
  const contents = doc.contents as Node | null;
  if (problems.length > 0 || contents === null) return { settings: DEFAULT_SETTINGS, problems };
  if (!isMap(contents)) {
    report("config.syntax", contents, `The config is a mapping of keys to values: ${quoted(Object.keys(KEYS))}.`);
    return { settings: DEFAULT_SETTINGS, problems };
  }
  let settings: Settings = DEFAULT_SETTINGS;
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    const key = keyNode ? stringValue(keyNode, "a key", report) : undefined;
    if (key === undefined) continue;
    const spec = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!spec) {
      const guess = didYouMean(key, Object.keys(KEYS));
      report("config.unknown-key", keyNode, `Unknown key \`${key}\`.${guess ? ` Did you mean \`${guess}\`?` : ""} Keys: ${Object.entries(KEYS).map(([k, s]) => `\`${k}\` (${s.description})`).join("; ")}.`);
      continue;
    }
    const value = pair.value as Node | null;
    if (!isEmpty(value)) settings = { ...settings, ...spec.read(value, report) };
  }
  return { settings, problems };
}
