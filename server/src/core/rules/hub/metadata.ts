/**
 * Walks the metadata tree against the Hub kind's key specs: types, empty list items, duplicate,
 * unknown and missing keys. What a string value must name is checked by `checkValue` per vocabulary.
 */
import type { MetaMap, MetaNode, MetaScalar } from "../../parse/hubMetadata";
import type { HubKeySpec, HubValue } from "../../schema/hub";
import { didYouMean } from "../../model/suggest";
import type { Code } from "../codes";
import type { Fix } from "../problem";
import { dropItemEdit } from "./edits";
import type { HubRule, HubRuleContext } from "./rule";
import { checkString } from "./values";

/** Where a node is, for messages: `model-index[0].results[0].task`. */
const at = (path: string, key: string | number): string => (typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`);

const SHAPE: Readonly<Record<HubValue["kind"], string>> = { string: "text", boolean: "`true` or `false`", number: "a number", scalar: "a value", list: "a list", map: "a mapping", any: "anything", oneOf: "" };

const describe = (spec: HubValue): string => (spec.kind === "oneOf" ? spec.options.map(describe).join(" or ") : SHAPE[spec.kind]);

function fits(node: MetaNode, spec: HubValue): boolean {
  switch (spec.kind) {
    case "any":
      return true;
    case "list":
      return node.kind === "seq" || (spec.single === true && node.kind === "scalar");
    case "map":
      return node.kind === "map";
    case "oneOf":
      return spec.options.some((o) => fits(node, o));
    case "boolean":
      return node.kind === "scalar" && typeof node.value === "boolean";
    case "number":
      return node.kind === "scalar" && typeof node.value === "number";
    default:
      // Numbers read as text (a split named `2019`), as the Hub's YAML reader gives them to it.
      return node.kind === "scalar" && typeof node.value !== "boolean";
  }
}

/** Required keys inside `model-index` are the Hub's model-index contract; elsewhere (configs) a missing key. */
const missingCode = (path: string): Code => (path.startsWith("model-index") ? "hub.model-index" : "hub.type");

function walk(ctx: HubRuleContext, node: MetaNode, spec: HubValue, path: string, keySpec: HubKeySpec | undefined): void {
  if (node.kind === "scalar" && node.value === null) return;
  if (!fits(node, spec)) {
    ctx.report("hub.type", node.span, `\`${path}\` should be ${describe(spec)}, not ${node.kind === "scalar" ? `\`${String(node.value)}\`` : `a ${node.kind === "seq" ? "list" : "mapping"}`}.`);
    return;
  }
  switch (spec.kind) {
    case "oneOf":
      walk(ctx, node, spec.options.find((o) => fits(node, o))!, path, keySpec);
      return;
    case "list":
      if (node.kind !== "seq") walk(ctx, node, spec.item, path, keySpec);
      else node.items.forEach((item, i) => { walkItem(ctx, item, spec.item, at(path, i), keySpec); });
      return;
    case "map":
      checkMap(ctx, node as MetaMap, spec.keys, spec.open === true, path);
      return;
    case "string":
      if (keySpec) checkString(ctx, node as MetaScalar, String((node as MetaScalar).value), spec, keySpec, path);
      return;
    default:
      return;
  }
}

function walkItem(ctx: HubRuleContext, item: MetaNode, spec: HubValue, path: string, keySpec: HubKeySpec | undefined): void {
  if (item.kind === "scalar" && item.value === null) {
    const drop = dropItemEdit(ctx, item);
    // Not run on save: it removes the author's `-`, which the nothing-lost rule keeps fixes from doing unasked.
    const fixes: Fix[] = drop ? [{ title: "Remove the empty item", edits: [drop], replaces: [ctx.model.doc.text.slice(drop.span.start, drop.span.end)] }] : [];
    const span = drop ? { start: drop.span.start, end: item.span.end } : item.span;
    ctx.report("hub.null-item", span, `\`${path}\` is empty: the Hub refuses a list with an empty item. Remove it, or write the value.`, ...fixes);
    return;
  }
  walk(ctx, item, spec, path, keySpec);
}

function checkMap(ctx: HubRuleContext, map: MetaMap, keys: readonly HubKeySpec[], open: boolean, path: string): void {
  const seen = new Set<string>();
  const known = keys.map((k) => k.key);
  for (const pair of map.pairs) {
    const where = at(path, pair.key);
    if (seen.has(pair.key)) ctx.report("hub.duplicate-key", pair.keySpan, `\`${where}\` appears twice: the Hub refuses metadata with a duplicate key. Keep one.`);
    seen.add(pair.key);
    const spec = keys.find((k) => k.key === pair.key);
    if (spec) {
      if (spec.replacedBy) reportReplaced(ctx, map, pair.keySpan, spec);
      walk(ctx, pair.value, spec.value, where, spec);
    } else if (!open) {
      reportUnknown(ctx, map, pair.key, pair.keySpan, known, path);
    }
  }
  for (const spec of keys) {
    if (!spec.required) continue;
    const pair = map.pairs.find((p) => p.key === spec.key);
    const empty = pair?.value.kind === "scalar" && pair.value.value === null;
    if (pair && !empty) continue;
    if (pair) {
      // An empty score is shown as no score; any other required key left empty is as good as missing.
      if (spec.key === "value") ctx.report("hub.metric-value", pair.keySpan, `\`${at(path, spec.key)}\` is empty: the Hub shows no score. Write the number.`);
      else ctx.report(missingCode(path), pair.keySpan, `\`${at(path, spec.key)}\` is empty, and the Hub requires it: ${spec.help.description}`);
      continue;
    }
    const first = map.pairs[0];
    ctx.report(missingCode(path), first ? first.keySpan : map.span, `\`${path}\` has no \`${spec.key}\`, which the Hub requires: ${spec.help.description}`, ...insertKeyFix(ctx, map, spec));
  }
}

/** Adds a required key at the mapping's indent, after its last key: `type: ` for the author to fill in. */
function insertKeyFix(ctx: HubRuleContext, map: MetaMap, spec: HubKeySpec): Fix[] {
  const last = map.pairs.at(-1);
  if (!last) return [];
  const { text, lines, eol } = ctx.model.doc;
  const keyLine = lines[ctx.positions.lineIndexAt(map.pairs[0]!.keySpan.start)]!;
  const firstKeyColumn = map.pairs[0]!.keySpan.start - keyLine.start;
  // The first key of a list item stands after `- `: the others line up with it.
  const indent = " ".repeat(firstKeyColumn);
  const end = lines[ctx.positions.lineIndexAt(Math.max(last.value.span.end - 1, last.keySpan.end))]!;
  if (/[[{]/.test(text.slice(map.span.start, map.span.start + 1))) return [];
  const value = spec.value.kind === "map" ? `${eol}${indent}  ${spec.value.keys.filter((k) => k.required).map((k) => `${k.key}: `).join(`${eol}${indent}  `)}` : spec.value.kind === "list" ? " []" : " ";
  return [{ title: `Add \`${spec.key}\``, edits: [{ span: { start: end.next, end: end.next }, newText: `${indent}${spec.key}:${value}${eol}` }], preferred: true }];
}

function reportReplaced(ctx: HubRuleContext, map: MetaMap, keySpan: { start: number; end: number }, spec: HubKeySpec): void {
  const to = spec.replacedBy!;
  const rename: Fix[] = map.pairs.some((p) => p.key === to) ? [] : [{ title: `Rename to \`${to}\``, edits: [{ span: keySpan, newText: to }], preferred: true, normalizes: true, replaces: [spec.key] }];
  ctx.report("hub.legacy", keySpan, `\`${spec.key}\` is the old name of \`${to}\`; the Hub still reads it, but write \`${to}\`.`, ...rename);
}

function reportUnknown(ctx: HubRuleContext, map: MetaMap, key: string, keySpan: { start: number; end: number }, known: readonly string[], path: string): void {
  const guess = didYouMean(key, known) ?? known.find((k) => k.toLowerCase() === key.toLowerCase().replace(/s$/, ""));
  const where = path === "" ? "the metadata" : `\`${path}\``;
  if (guess && !map.pairs.some((p) => p.key === guess)) {
    const fix: Fix = { title: `Rename to \`${guess}\``, edits: [{ span: keySpan, newText: guess }], preferred: true, replaces: [key] };
    ctx.report("hub.misspelt-key", keySpan, `\`${key}\` is not a key of ${where}: did you mean \`${guess}\`? The Hub ignores \`${key}\`, so the card has no \`${guess}\`.`, fix);
  } else {
    ctx.report("hub.unknown-key", keySpan, `The Hub does not use \`${key}\` in ${where} (it keeps it). ${guess ? `\`${guess}\` is already set.` : "If it is meant for the Hub, check the spelling against the metadata keys (completion lists them)."}`);
  }
}

export const metadataRule: HubRule = {
  name: "hub-metadata",
  // With the value checks of values.ts, which the walk calls for every string.
  codes: ["hub.metadata-syntax", "hub.duplicate-key", "hub.type", "hub.null-item", "hub.legacy", "hub.misspelt-key", "hub.unknown-key", "hub.model-index", "hub.metric-value", "hub.license", "hub.language", "hub.language-unknown", "hub.pipeline-tag", "hub.task", "hub.library", "hub.base-model", "hub.repo-id", "hub.value"],
  check(ctx) {
    const { metadata, kind } = ctx.model;
    for (const error of metadata.errors) ctx.report("hub.metadata-syntax", error.span, `${error.message} The Hub refuses the push ("Invalid metadata in README.md").`);
    if (metadata.root) checkMap(ctx, metadata.root, kind.keys, false, "");
  },
};
