/**
 * Hub metadata as a tree of nodes with their spans in the document, so every check reports at the
 * YAML node it is about. Duplicate keys are kept (the Hub refuses them; the rule says where).
 */
import { isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from "yaml";
import type { Span } from "../text/span";
import type { YamlRead } from "./yaml";

export type MetaNode = MetaMap | MetaSeq | MetaScalar;

export interface MetaMap {
  readonly kind: "map";
  readonly span: Span;
  readonly pairs: readonly MetaPair[];
}

export interface MetaSeq {
  readonly kind: "seq";
  readonly span: Span;
  /** True for `[a, b]`: items are edited inside the brackets, not as `- ` lines. */
  readonly flow: boolean;
  readonly items: readonly MetaNode[];
}

export interface MetaScalar {
  readonly kind: "scalar";
  /** For an empty value (`key:`, `-`), the empty span where it would be. */
  readonly span: Span;
  /** string, number, boolean or null, as YAML 1.2 reads it (`no` is a string). Aliases read as null. */
  readonly value: unknown;
  /** Quoted in the source: `'no'`, `"MIT"`. */
  readonly quoted: boolean;
}

export interface MetaPair {
  readonly key: string;
  readonly keySpan: Span;
  /** An empty value (`key:`) is a null scalar. */
  readonly value: MetaNode;
}

export interface Metadata {
  readonly root: MetaMap | undefined;
  /** YAML syntax errors, or why the metadata is not a mapping. */
  readonly errors: readonly { readonly span: Span; readonly message: string }[];
}

function toNode(node: YamlNode | null, at: number, base: number): MetaNode {
  if (node === null || isAlias(node)) {
    const range = node?.range ?? [at, at];
    return { kind: "scalar", span: { start: base + range[0], end: base + range[1] }, value: null, quoted: false };
  }
  const span = { start: base + node.range![0], end: base + node.range![1] };
  if (isMap(node)) {
    const pairs: MetaPair[] = [];
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const keyRange = pair.key.range!;
      pairs.push({ key: String(pair.key.value), keySpan: { start: base + keyRange[0], end: base + keyRange[1] }, value: toNode(pair.value as YamlNode | null, keyRange[2], base) });
    }
    return { kind: "map", span, pairs };
  }
  if (isSeq(node)) return { kind: "seq", span, flow: node.flow === true, items: node.items.map((item) => toNode(item as YamlNode | null, node.range![0], base)) };
  const scalar = node as { value: unknown; type?: string };
  return { kind: "scalar", span, value: scalar.value ?? null, quoted: scalar.type === "QUOTE_DOUBLE" || scalar.type === "QUOTE_SINGLE" };
}

/**
 * The metadata of front matter the yaml library has read (`readYaml`, with `base` the offset of the
 * front matter's text in the document). The front matter's own entries come from the same read, so
 * a Hub card's YAML is parsed once. Duplicate keys are not errors here: the Hub rule reports them.
 */
export function metadataOf(read: YamlRead, base: number): Metadata {
  if (read.refused) return { root: undefined, errors: [{ span: { start: base + read.refused.start, end: base + read.refused.end }, message: read.refused.message }] };
  const { doc } = read;
  const errors = doc.errors.filter((e) => e.code !== "DUPLICATE_KEY");
  if (errors.length > 0) {
    return { root: undefined, errors: errors.map((e) => ({ span: { start: base + e.pos[0], end: base + Math.max(e.pos[1], e.pos[0] + 1) }, message: `YAML: ${e.message.split("\n")[0]!.trim()}` })) };
  }
  if (doc.contents === null) return { root: { kind: "map", span: { start: base, end: base }, pairs: [] }, errors: [] };
  const root = toNode(doc.contents, 0, base);
  if (root.kind !== "map") return { root: undefined, errors: [{ span: root.span, message: "The metadata must be a YAML mapping of keys to values (`license: mit`)." }] };
  return { root, errors: [] };
}

/** The value of a top-level key (the first, when it is duplicated). */
export const metaValue = (map: MetaMap | undefined, key: string): MetaNode | undefined => map?.pairs.find((p) => p.key === key)?.value;

/** A node's items: a list's, or the node itself when one value stands for a list of one. */
export const itemsOf = (node: MetaNode): readonly MetaNode[] => (node.kind === "seq" ? node.items : [node]);

/** The deepest node (or key) whose span holds the offset, with the keys leading to it. */
export function nodeAt(root: MetaMap, offset: number): { readonly path: readonly (string | number)[]; readonly node: MetaNode | undefined; readonly key: MetaPair | undefined } {
  const path: (string | number)[] = [];
  let node: MetaNode = root;
  for (;;) {
    if (node.kind === "map") {
      const pair: MetaPair | undefined = node.pairs.find((p) => offset >= p.keySpan.start && offset <= Math.max(p.keySpan.end, p.value.span.end));
      if (!pair) return { path, node, key: undefined };
      path.push(pair.key);
      if (offset <= pair.keySpan.end) return { path, node: undefined, key: pair };
      node = pair.value;
    } else if (node.kind === "seq") {
      const index: number = node.items.findIndex((item) => offset >= item.span.start && offset <= item.span.end);
      if (index < 0) return { path, node, key: undefined };
      path.push(index);
      node = node.items[index]!;
    } else {
      return { path, node, key: undefined };
    }
  }
}
