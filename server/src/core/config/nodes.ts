/** What every key reader of the config shares: its problem codes and how it reads YAML nodes. */
import { isAlias, isMap, isScalar, isSeq, type Node } from "yaml";
import { didYouMean } from "../model/suggest";
import type { Fix } from "../rules/problem";
import type { Span } from "../text/span";
import { keysOf, type Shape } from "./shape";

/** The config's own problem codes: they describe the config file, not a card, so they are not in CODES. */
export const CONFIG_CODES = {
  "config.syntax": { severity: "error", description: "The config file is not valid YAML, or not a mapping of keys to values." },
  "config.unknown-key": { severity: "warning", description: "A key the config file does not know (it is ignored)." },
  "config.unknown-code": { severity: "warning", description: "A diagnostic code under `severity` that does not exist (it is ignored)." },
  "config.unknown-field": { severity: "warning", description: "A field id under `schema` that no card kind has (it is ignored)." },
  "config.value": { severity: "error", description: "A value of the wrong kind, such as a severity other than error, warning, information, hint or off." },
} as const satisfies Record<string, { severity: "error" | "warning"; description: string }>;

export type ConfigCode = keyof typeof CONFIG_CODES;

export interface ConfigProblem {
  readonly code: ConfigCode;
  readonly span: Span;
  readonly message: string;
  /** As on a card's problems: a did-you-mean is a fix that writes the suggestion in place. */
  readonly fixes: readonly Fix[];
}

/** Reports a problem at a node; `replacement` is the text the quick fix writes over the node. */
export type Report = (code: ConfigCode, node: Node | null | undefined, message: string, replacement?: string) => void;

/** " Did you mean `x`?" for a message, and `x` for the fix; both empty when nothing is close. */
export function guess(text: string, candidates: readonly string[]): { readonly hint: string; readonly replacement?: string } {
  const close = didYouMean(text, candidates);
  return close === undefined ? { hint: "" } : { hint: ` Did you mean \`${close}\`?`, replacement: close };
}

/** `key:` with nothing after it: YAML's null, which the config reads as "not set". */
export const isEmpty = (node: Node | null): node is null => node === null || (isScalar(node) && node.value === null);

export const quoted = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(", ");

/** A plain string scalar's text, or undefined (reported) for anything else. */
export function stringValue(node: Node, what: string, report: Report): string | undefined {
  if (isScalar(node) && typeof node.value === "string") return node.value;
  report("config.value", node, isAlias(node) ? `Write ${what} itself here, not an alias.` : `Expected ${what}, a string.`);
  return undefined;
}

export function booleanValue(node: Node, what: string, report: Report): boolean | undefined {
  if (isScalar(node) && typeof node.value === "boolean") return node.value;
  report("config.value", node, `Expected ${what}: \`true\` or \`false\`.`);
  return undefined;
}

/** The items of a list, or undefined (reported) when the node is not one. */
export function listItems(node: Node, what: string, report: Report): Node[] | undefined {
  if (isSeq(node)) return (node.items as (Node | null)[]).filter((item): item is Node => !isEmpty(item));
  report("config.value", node, `Expected ${what}, a list.`);
  return undefined;
}

/**
 * The entries of a mapping with the keys of `shape`: unknown keys are reported with a
 * did-you-mean and skipped; required keys that are missing are reported on the mapping.
 */
export function entries(node: Node, what: string, shape: Shape & { kind: "map" }, report: Report): Map<string, Node> | undefined {
  const known = keysOf(shape);
  const required = shape.required ?? [];
  if (!isMap(node)) {
    report("config.value", node, `Expected ${what}, a mapping with ${quoted(known)}.`);
    return undefined;
  }
  const out = new Map<string, Node>();
  for (const pair of node.items) {
    const keyNode = pair.key as Node | null;
    const key = keyNode ? stringValue(keyNode, "a key", report) : undefined;
    if (key === undefined) continue;
    if (!known.includes(key)) {
      const suggestion = guess(key, known);
      report("config.unknown-key", keyNode, `Unknown key \`${key}\` in ${what}.${suggestion.hint} Keys: ${quoted(known)}.`, suggestion.replacement);
      continue;
    }
    const value = pair.value as Node | null;
    if (!isEmpty(value)) out.set(key, value);
  }
  const missing = required.filter((k) => !out.has(k));
  if (missing.length > 0) report("config.value", node, `${what[0]!.toUpperCase()}${what.slice(1)} needs ${quoted(missing)}.`);
  return missing.length > 0 ? undefined : out;
}
