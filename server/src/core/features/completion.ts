import { hubCompletions } from "./hub/completion";
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import type { BoundField } from "../model/card";
import { cardTitle } from "../model/placement";
import { escapeSnippet, indentFor, markerFor, renderField, snippetHoles } from "../model/skeleton";
import { frontMatterTags } from "../model/kind";
import type { ListItem } from "../parse/body";
import { cardSchema, childFields, displayName, type FieldSpec, type OptionSpec } from "../schema";
import { jekyllDate } from "../text/dates";
import { directiveCompletions } from "../suppress/editing";
import type { Span } from "../text/span";
import { fieldHelp, frontMatterHelp, optionHelp } from "./helpText";
import { fieldOf, locateLine } from "./locate";
import { unknownTokens } from "../rules/values";
import { NO_VALUES, valueKey, type RankedValue, type ValueCounts } from "./workspace";

const sortKey = (i: number): string => String(i).padStart(4, "0");

function frontMatterCompletions(analysis: Analysis, lineText: string, replace: Span, today: Date): CompletionItem[] {
  const { positions, parsed } = analysis;
  const range = positions.range(replace);
  const keyTyped = /^([\w-]*)$/.exec(lineText);
  if (keyTyped) {
    const present = new Set(parsed.frontMatter?.entries.map((e) => e.key));
    return cardSchema.frontMatter.filter((k) => !present.has(k.key)).map((k, i) => ({
      label: k.key, kind: CompletionItemKind.Property, documentation: frontMatterHelp(k), sortText: sortKey(i),
      textEdit: { range, newText: `${k.key}: ` }, command: { title: "Suggest", command: "editor.action.triggerSuggest" },
    }));
  }
  const valueTyped = /^([\w-]+):\s*(.*)$/.exec(lineText);
  const key = valueTyped && cardSchema.frontMatter.find((k) => k.key === valueTyped[1]);
  if (!valueTyped || !key) return [];
  const valueStart = replace.end - valueTyped[2]!.length;
  const valueRange = positions.range({ start: valueStart, end: replace.end });
  const values: string[] =
    key.value === "date" ? [jekyllDate(today)]
    : key.value === "boolean" ? ["true", "false"]
    : key.value === "list" ? (key.suggestions ?? []).filter((s) => !(key.key === "tags" && frontMatterTags(parsed).includes(s))).map((s) => `[${s}]`)
    : [...(key.suggestions ?? [])];
  return values.map((v, i) => ({ label: v, kind: CompletionItemKind.Value, documentation: frontMatterHelp(key), sortText: sortKey(i), textEdit: { range: valueRange, newText: v } }));
}

function valueCompletions(analysis: Analysis, field: BoundField, item: ListItem, offset: number, values: ValueCounts): CompletionItem[] {
  const spec = field.spec.value;
  if (!spec || item.colon === undefined) return [];
  const text = analysis.parsed.text;
  // Right after `:` the value still needs its space; after `: ` it replaces what is typed so far.
  let start = item.colon + 1;
  while (start < offset && /[ \t]/.test(text.charAt(start))) start++;
  const lead = start === item.colon + 1 ? " " : "";
  const range = analysis.positions.range({ start, end: offset });
  const make = (option: OptionSpec, newText: string, i: number): CompletionItem => ({
    label: newText, kind: CompletionItemKind.EnumMember, documentation: optionHelp(option, field.spec), sortText: sortKey(i),
    filterText: newText, textEdit: { range, newText: lead + newText },
  });
  if (spec.kind === "boolean") return [cardSchema.booleans.yes, cardSchema.booleans.no].map((b, i) => make(b, b.label, i));
  const options = spec.kind === "enum" ? spec.options : spec.kind === "text" ? spec.suggestions ?? [] : [];
  const usedIn = (count: number): string => `used in ${count} card${count === 1 ? "" : "s"}`;
  const workspace = ({ text: value, count }: RankedValue, i: number): CompletionItem => {
    const option = options.find((o) => valueKey(o.label) === valueKey(value));
    return {
      label: value, kind: CompletionItemKind.Value, detail: usedIn(count),
      documentation: option ? optionHelp(option, field.spec) : fieldHelp(field.spec), sortText: sortKey(i), filterText: value, textEdit: { range, newText: lead + value },
    };
  };
  const used = spec.kind === "text" || spec.kind === "enum" ? (values.get(field.spec.id) ?? []) : [];
  if (spec.kind === "enum") {
    // Known values first, the ones the workspace uses most at the top; then what cards combine from
    // them (`fp16`; `bf16`). A value the checker would flag (`bp16`) is never offered, however common.
    const countOf = (o: OptionSpec): number => used.find((u) => valueKey(u.text) === valueKey(o.label))?.count ?? 0;
    const known = [...options].sort((a, b) => countOf(b) - countOf(a)).map((o, i) => {
      const item = make(o, `\`${o.label}\``, i);
      return countOf(o) > 0 ? { ...item, detail: usedIn(countOf(o)) } : item;
    });
    const combined = used.filter((u) => !options.some((o) => valueKey(o.label) === valueKey(u.text)) && unknownTokens(u.text, { start: 0, end: u.text.length }, options).length === 0);
    return [...known, ...combined.map((u, i) => workspace(u, known.length + i))];
  }
  // Free text: what other cards of the workspace write comes first, most used first; then the schema's suggestions.
  const fromWorkspace = used.map(workspace);
  const usedKeys = new Set(used.map((u) => valueKey(u.text)));
  const fromSchema = options.filter((o) => !usedKeys.has(valueKey(o.label))).map((o, i) => make(o, `\`${o.label}\``, used.length + i));
  return [...fromWorkspace, ...fromSchema];
}

/** What a field takes, in the words of a card's author rather than the schema's kinds. */
function fieldDetail(spec: FieldSpec): string {
  const children = spec.children;
  if (children?.kind === "fields") return "section";
  if (children?.kind === "choice") return children.selection === "single" ? "check one option" : "check the options that apply";
  if (children?.kind === "items") return children.item === "sizes" ? "a list of model sizes" : "a list";
  switch (spec.value?.kind) {
    case "boolean":
      return "✅ or ❌";
    case "link":
      return "a markdown link";
    case "number":
      return "a number";
    case "sizes":
      return "model sizes, e.g. `350M`";
    case "enum":
      return `one of ${spec.value.options.map((o) => o.label).join(", ")}`;
    default:
      return "text";
  }
}

/** Where a new bullet on this line would nest: the nearest bullet above it with less indent. */
function parentFor(analysis: Analysis, line: number, indentWidth: number): ListItem | undefined {
  const own = locateLine(analysis, line).item;
  if (own) return own.parent;
  const items = analysis.parsed.items;
  let above: ListItem | undefined;
  for (let i = items.length - 1; i >= 0; i--) {
    if (items[i]!.line < line) {
      above = items[i];
      break;
    }
  }
  for (let p = above; p; p = p.parent) if (p.indentWidth < indentWidth) return p;
  return undefined;
}

function bulletCompletions(analysis: Analysis, line: number, lineText: string, lineStart: number, offset: number): CompletionItem[] {
  const model = analysis.model!;
  const typed = /^([ \t]*)(?:[-+*](?:[ \t]+|$))?(?:\[[^\]]{0,3}\]?[ \t]*)?(\S.*)?$/.exec(lineText);
  if (!typed) return [];
  const indentWidth = typed[1]!.replace(/\t/g, "    ").length;
  const parentItem = parentFor(analysis, line, indentWidth);
  const parent = fieldOf(analysis, parentItem);
  if (parentItem && !parent) return [];
  const depth = parentItem ? parentItem.depth + 1 : 1;
  const bullet = `${indentFor(depth)}${markerFor(depth)} `;
  const range = analysis.positions.range({ start: lineStart, end: offset });
  const children = parent?.spec.children;
  if (children?.kind === "choice") {
    const listed = new Set(parent!.options.map((o) => o.option));
    return children.options.filter((o) => !listed.has(o)).map((o, i) => {
      const newText = `${bullet}[ ] ${o.label}`;
      return { label: o.label, kind: CompletionItemKind.EnumMember, documentation: optionHelp(o, parent!.spec), sortText: sortKey(i), filterText: newText.trimStart(), textEdit: { range, newText } };
    });
  }
  const specs: readonly FieldSpec[] = childFields(model.kind, parent?.spec);
  const section = parent ? parent.section : model.root;
  const present = new Set(section?.fields.map((f) => f.spec));
  return specs.flatMap((spec, i) => {
    if (present.has(spec)) return [];
    const holes = snippetHoles(escapeSnippet(cardTitle(model)));
    const newText = renderField(spec, depth, holes).join("\n");
    const item: CompletionItem = {
      label: displayName(spec), kind: spec.children ? CompletionItemKind.Module : CompletionItemKind.Field,
      detail: fieldDetail(spec), documentation: fieldHelp(spec),
      sortText: sortKey(i), filterText: `${bullet.trimStart()}${spec.label}`,
      textEdit: { range, newText }, insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs,
    };
    return [item];
  });
}

/**
 * Completions at an offset: front matter keys and values, suppression comments, field values (those
 * the workspace's cards use first), missing fields and options.
 */
export function complete(analysis: Analysis, requested: number, today: Date, values: ValueCounts = NO_VALUES): CompletionItem[] {
  if (analysis.hub) return hubCompletions(analysis, analysis.hub, requested);
  if (!analysis.model) return [];
  const { parsed, positions } = analysis;
  const lineIndex = positions.lineIndexAt(requested);
  const line = parsed.lines[lineIndex]!;
  // A position before a BOM, which no line's text includes, completes at the first line's start.
  const offset = Math.max(requested, line.start);
  const lineText = parsed.text.slice(line.start, offset);
  const fm = parsed.frontMatter;
  if (fm && lineIndex > 0 && lineIndex < parsed.bodyLine - (fm.closed ? 1 : 0)) {
    return frontMatterCompletions(analysis, lineText, { start: line.start, end: offset }, today);
  }
  if (fm && lineIndex < parsed.bodyLine) return [];
  const inComment = directiveCompletions(analysis, lineIndex, lineText, offset);
  if (inComment) return inComment;
  const { item, field } = locateLine(analysis, lineIndex);
  if (item && field && item.colon !== undefined && offset > item.colon) return valueCompletions(analysis, field, item, offset, values);
  if (item?.colon !== undefined && offset > item.colon) return [];
  return bulletCompletions(analysis, lineIndex, lineText, line.start, offset);
}
