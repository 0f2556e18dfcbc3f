import type { Hover } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { matchesOption } from "../model/labels";
import { cardSchema, type OptionSpec } from "../schema";
import { directiveHover } from "../suppress/editing";
import { contains, type Span } from "../text/span";
import { fieldHelp, frontMatterHelp, optionHelp } from "./helpText";
import { hubHover } from "./hub/hover";
import { locateLine } from "./locate";

/** The known value (✅/❌, a precision, a publisher) written at an offset of a field's value, if any. */
function valueAt(text: string, value: Span, offset: number, options: readonly OptionSpec[]): { option: OptionSpec; span: Span } | undefined {
  const re = /`([^`]+)`|[^\s`,;()]+/g;
  const slice = text.slice(value.start, value.end);
  for (const m of slice.matchAll(re)) {
    const token = m[1] ?? m[0];
    const start = value.start + m.index;
    const span = { start, end: start + m[0].length };
    if (!contains(span, offset)) continue;
    const option = options.find((o) => matchesOption(o, token) || token.startsWith(o.label));
    return option ? { option, span } : undefined;
  }
  return undefined;
}

export function hover(analysis: Analysis, offset: number): Hover | undefined {
  if (analysis.hub) return hubHover(analysis, analysis.hub, offset);
  if (!analysis.model) return undefined;
  const { parsed, positions } = analysis;
  const text = parsed.text;
  const fm = parsed.frontMatter;
  if (fm && offset <= fm.span.end) {
    const entry = fm.entries.find((e) => contains(e.keySpan, offset));
    const key = entry && cardSchema.frontMatter.find((k) => k.key === entry.key);
    return key ? { contents: frontMatterHelp(key), range: positions.range(entry.keySpan) } : undefined;
  }
  const inComment = directiveHover(analysis, offset);
  if (inComment) return inComment;
  const { field, option } = locateLine(analysis, positions.lineIndexAt(offset));
  if (option) {
    const { group, bound } = option;
    if (!bound.option || !contains(bound.item.content, offset)) return undefined;
    const spec = group.spec.children?.kind === "choice" ? group.spec : undefined;
    return { contents: optionHelp(bound.option, spec), range: positions.range(bound.text) };
  }
  if (!field) return undefined;
  const head = { start: field.emoji.start, end: field.item.head.end };
  if (contains(head, offset)) return { contents: fieldHelp(field.spec), range: positions.range(head) };
  const value = field.item.value;
  const spec = field.spec.value;
  if (!value || !spec || !contains(value, offset)) return undefined;
  const options = spec.kind === "boolean" ? [cardSchema.booleans.yes, cardSchema.booleans.no] : spec.kind === "enum" ? spec.options : spec.kind === "text" ? spec.suggestions ?? [] : [];
  const found = valueAt(text, value, offset, options);
  return found ? { contents: optionHelp(found.option, field.spec), range: positions.range(found.span) } : undefined;
}
