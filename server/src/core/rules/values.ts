import type { BoundField } from "../model/card";
import { findOption, matchesOption } from "../model/labels";
import { didYouMean } from "../model/suggest";
import { cardSchema, isNotReported, type OptionSpec } from "../schema";
import { decodeMojibake } from "../text/emoji";
import type { Span } from "../text/span";
import type { Fix } from "./problem";
import type { Rule, RuleContext } from "./rule";

const NUMBER = /\d/;
const SIZE = /^~?\d+(?:[.,]\d+)?\s*[KMBT](?:-A\d+(?:\.\d+)?[KMBT])?$/i;
const SIZE_IN_TEXT = /\d+(?:\.\d+)?\s*[KMBT]\b/i;
const LINK = /^\[[^\]\n]+\]\(\s*<?https?:\/\/[^\s)>]+>?(?:\s+"[^"]*")?\s*\)/;
const BARE_URL = /^<?(https?:\/\/\S+?)>?$/;

const { yes, no } = cardSchema.booleans;

const BACKTICK = 0x60;

/**
 * Backticked tokens of a value with their spans; the values the template writes in backticks.
 * Each backtick closes the one before it, so pairing them in one pass over the value's span finds
 * what /`([^`]*)`/g would, without copying the value or a match per token.
 */
function backticked(text: string, value: Span): { token: string; span: Span }[] {
  const out: { token: string; span: Span }[] = [];
  let open = -1;
  for (let i = value.start; i < value.end; i++) {
    if (text.charCodeAt(i) !== BACKTICK) continue;
    if (open < 0) {
      open = i;
      continue;
    }
    out.push({ token: text.slice(open + 1, i), span: { start: open + 1, end: i } });
    open = -1;
  }
  return out;
}

function booleanFor(token: string): OptionSpec | undefined {
  const decoded = decodeMojibake(token);
  return [yes, no].find((b) => matchesOption(b, token) || decoded.startsWith(b.label));
}

function checkBoolean(ctx: RuleContext, field: BoundField, value: Span, valueText: string): void {
  if (valueText.startsWith(yes.label) || valueText.startsWith(no.label)) return;
  const token = /^[^\s(]+/.exec(valueText)?.[0] ?? valueText;
  const span = { start: value.start, end: value.start + token.length };
  const meant = booleanFor(token);
  const message = `${field.spec.label} is yes/no: write ✅ or ❌${field.spec.value?.kind === "boolean" && field.spec.value.note ? " (a note may follow)" : ""}, not "${token}".`;
  if (meant) ctx.report("value.boolean", span, message, { title: `Change to ${meant.label}`, edits: [{ span, newText: meant.label }], preferred: true, normalizes: true, replaces: [token] });
  else ctx.report("value.boolean", span, message, ...[yes, no].map((b): Fix => ({ title: `Change to ${b.label}`, edits: [{ span, newText: b.label }], replaces: [token] })));
}

function checkLink(ctx: RuleContext, field: BoundField, value: Span, valueText: string): void {
  if (LINK.test(valueText)) return;
  const bare = BARE_URL.exec(valueText);
  const message = `${field.spec.label} should be a markdown link \`[Title](https://…)\`.`;
  if (bare) ctx.report("value.link", value, message, { title: "Make it a markdown link", edits: [{ span: value, newText: `[${bare[1]!}](${bare[1]!})` }], preferred: true, normalizes: true, replaces: ["<>"] });
  else ctx.report("value.link", value, message);
}

/**
 * The tokens of an enum field's value that are not known values, with their spans. Free prose (a
 * sentence about the precision) is left alone: only backticked tokens, or a lone word, are values.
 * The checker reports these; completion never offers a value that has one.
 */
export function unknownTokens(text: string, value: Span, options: readonly OptionSpec[]): { token: string; span: Span }[] {
  const valueText = text.slice(value.start, value.end);
  const tokens = backticked(text, value);
  if (tokens.length === 0 && /^\S+$/.test(valueText)) tokens.push({ token: valueText, span: value });
  // Looked up in the options' index: comparing with each option would normalise the token once per option.
  return tokens.filter(({ token }) => !isNotReported(token) && findOption(options, token) === undefined);
}

function checkEnum(ctx: RuleContext, field: BoundField, value: Span, options: readonly OptionSpec[]): void {
  for (const { token, span } of unknownTokens(ctx.model.doc.text, value, options)) {
    const labels = options.map((o) => o.label);
    const guess = didYouMean(token, labels);
    const message = `Unknown ${field.spec.label} "${token}".${guess ? ` Did you mean "${guess}"?` : ""} Known: ${labels.join(", ")}.`;
    if (guess) ctx.report("value.unknown", span, message, { title: `Change to "${guess}"`, edits: [{ span, newText: guess }], preferred: true, replaces: [token] });
    else ctx.report("value.unknown", span, message);
  }
}

/** Sizes must each parse when backticked; without backticks, the text must at least mention one. */
function checkSizes(ctx: RuleContext, label: string, span: Span): void {
  const text = ctx.model.doc.text;
  const valueText = text.slice(span.start, span.end);
  if (isNotReported(valueText)) return;
  const tokens = backticked(text, span);
  const bad = tokens.filter((t) => !SIZE.test(t.token.trim()) && !isNotReported(t.token));
  for (const t of bad) ctx.report("value.size", t.span, `"${t.token}" is not a model size; write it like \`350M\` or \`6.7B\`.`);
  if (tokens.length === 0 && !SIZE_IN_TEXT.test(valueText)) {
    ctx.report("value.size", span, `${label} should list sizes such as \`350M\`; \`6.7B\`.`);
  }
}

export const valuesRule: Rule = {
  name: "values",
  codes: ["value.empty", "value.boolean", "value.link", "value.number", "value.size", "value.unknown"],
  check(ctx) {
    const text = ctx.model.doc.text;
    for (const field of ctx.model.fields) {
      const spec = field.spec.value;
      if (field.spec.children?.kind === "items" && field.spec.children.item === "sizes") {
        for (const child of field.item.children) checkSizes(ctx, field.spec.label, child.content);
      }
      if (!spec) continue;
      const value = field.item.value;
      if (!value || value.start === value.end) {
        const at = field.item.head.end;
        const edit = { span: { start: at, end: field.item.content.end }, newText: `: ${cardSchema.notReported}` };
        ctx.report("value.empty", field.label, `${field.spec.label} has no value. Fill it in, or write \`/\` if the paper does not report it.`, { title: "Mark as not reported (/)", edits: [edit] });
        continue;
      }
      // Free text takes any value: there is nothing to read it for.
      if (spec.kind === "text") continue;
      const valueText = text.slice(value.start, value.end);
      if (isNotReported(valueText)) continue;
      switch (spec.kind) {
        case "boolean":
          checkBoolean(ctx, field, value, valueText);
          break;
        case "link":
          checkLink(ctx, field, value, valueText);
          break;
        case "number":
          if (!NUMBER.test(valueText)) ctx.report("value.number", value, `${field.spec.label} should be a number such as ${field.spec.help.example?.split(": ")[1] ?? "`1e-4`"}, or \`/\` if not reported; "${valueText}" has none.`);
          break;
        case "sizes":
          checkSizes(ctx, field.spec.label, value);
          break;
        case "enum":
          checkEnum(ctx, field, value, spec.options);
          break;
      }
    }
  },
};
