/**
 * Completion in a Hub card: metadata keys at the YAML level the cursor is at, the known values of
 * a key with what each means, and the template's sections the body has not written yet.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from "vscode-languageserver-types";
import type { Analysis } from "../../analysis";
import type { HubModel } from "../../model/hub";
import { headingOf, sectionText } from "../../rules/hub/sections";
import { keysOf, stringValueOf } from "../../schema/hub/lookup";
import { vocabulary } from "../../schema/hub/vocabularies";
import type { HubKeySpec, VocabularyId } from "../../schema/hub";
import { keyHelp } from "./hover";

const KEY_LINE = /^(\s*)(?:-\s+)?([\w-]+)\s*:/;
const sortKey = (i: number): string => String(i).padStart(4, "0");

/**
 * The keys that lead to the line: each line above that opens a mapping at a smaller indent is a
 * parent. Read from the text, not the YAML tree, so it works on the half-typed line being completed.
 */
function parentKeys(hub: HubModel, lineIndex: number, column: number): string[] {
  const { text, lines } = hub.doc;
  const keys: string[] = [];
  let limit = column;
  for (let i = lineIndex - 1; i > 0 && limit > 0; i--) {
    const line = lines[i]!;
    const m = KEY_LINE.exec(text.slice(line.start, line.end));
    if (!m) continue;
    const keyColumn = text.slice(line.start, line.end).indexOf(m[2]!);
    if (keyColumn >= limit) continue;
    keys.unshift(m[2]!);
    limit = m[1]!.length;
  }
  return keys;
}

/** The keys of the mapping a path of keys leads to: the top level for an empty path. */
function keysAt(hub: HubModel, path: readonly string[]): readonly HubKeySpec[] | undefined {
  let keys: readonly HubKeySpec[] | undefined = hub.kind.keys;
  for (const key of path) keys = keysOf(keys?.find((k) => k.key === key)?.value);
  return keys;
}

// A vocabulary's items are the same for every request: made once, as the libraries are hundreds
// and completion runs on every keystroke in a value.
const vocabularyItems = new Map<VocabularyId, readonly CompletionItem[]>();

function valueItems(spec: HubKeySpec): CompletionItem[] {
  if (spec.value.kind === "boolean") return ["true", "false"].map((label) => ({ label, kind: CompletionItemKind.Value }));
  const id = stringValueOf(spec.value)?.vocabulary;
  if (!id) return [];
  let items = vocabularyItems.get(id);
  if (!items) {
    items = vocabulary(id).map((o, i) => ({ label: o.label, kind: CompletionItemKind.EnumMember, documentation: { kind: "markdown", value: o.help.description }, sortText: sortKey(i) }));
    vocabularyItems.set(id, items);
  }
  return [...items];
}

function metadataCompletions(hub: HubModel, lineIndex: number, before: string): CompletionItem[] {
  const value = /^(\s*)(?:-\s+)?([\w-]+):\s*[^\s]*$/.exec(before);
  if (value) {
    const column = before.indexOf(value[2]!);
    const spec = keysAt(hub, parentKeys(hub, lineIndex, column))?.find((k) => k.key === value[2]);
    return spec ? valueItems(spec) : [];
  }
  const item = /^(\s*)-\s+[^\s:]*$/.exec(before);
  if (item) {
    // A list item's key is the nearest key above at a smaller indent, or at the same indent (`key:\n- a`).
    const path = parentKeys(hub, lineIndex, item[1]!.length + 1);
    const spec = keysAt(hub, path.slice(0, -1))?.find((k) => k.key === path.at(-1));
    if (spec && keysOf(spec.value) === undefined) return valueItems(spec);
  }
  const key = /^(\s*)(?:-\s+)?[\w-]*$/.exec(before);
  if (!key) return [];
  const column = before.length - (/[\w-]*$/.exec(before)?.[0].length ?? 0);
  const path = parentKeys(hub, lineIndex, column);
  const present = new Set(path.length === 0 ? hub.metadata.root?.pairs.map((p) => p.key) : []);
  return (keysAt(hub, path) ?? []).filter((k) => !present.has(k.key) && !k.replacedBy).map((k, i) => ({
    label: k.key, kind: CompletionItemKind.Property, documentation: keyHelp(k), sortText: sortKey(i), insertText: `${k.key}: `,
  }));
}

function sectionCompletions(analysis: Analysis, hub: HubModel, lineIndex: number): CompletionItem[] {
  const line = hub.doc.lines[lineIndex]!;
  const range = analysis.positions.range({ start: line.start, end: line.end });
  const all = hub.kind.sections.flatMap((s) => [s, ...(s.children ?? [])]);
  const others = hub.headings.filter((h) => h.line !== lineIndex);
  return all.filter((s) => !headingOf(others, s)).map((s, i) => ({
    label: `${"#".repeat(s.level)} ${s.title}`, kind: CompletionItemKind.Module, detail: s.recommended ? "recommended section" : "optional section",
    documentation: { kind: "markdown", value: s.guidance }, sortText: sortKey(i), filterText: `${"#".repeat(s.level)} ${s.title}`,
    textEdit: { range, newText: sectionText(s, "\n").replace(/\$/g, "\\$").trimEnd() }, insertTextFormat: InsertTextFormat.Snippet,
  }));
}

export function hubCompletions(analysis: Analysis, hub: HubModel, offset: number): CompletionItem[] {
  const { positions } = analysis;
  const lineIndex = positions.lineIndexAt(offset);
  const line = hub.doc.lines[lineIndex]!;
  const before = hub.doc.text.slice(line.start, offset);
  const fm = hub.doc.frontMatter!;
  if (lineIndex > 0 && lineIndex < fm.bodyLine - 1) return metadataCompletions(hub, lineIndex, before);
  if (lineIndex >= fm.bodyLine && /^#{1,6}(\s|$)/.test(before)) return sectionCompletions(analysis, hub, lineIndex);
  return [];
}
