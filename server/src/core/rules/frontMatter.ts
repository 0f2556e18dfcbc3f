import { frontMatterTags } from "../model/kind";
import { didYouMean } from "../model/suggest";
import { cardSchema, type FrontMatterKeySpec } from "../schema";
import { jekyllDate, namedOn, postDate, postName } from "../text/dates";
import type { FrontMatter, FrontMatterEntry } from "../parse/frontMatter";
import type { Line } from "../text/lines";
import type { Span } from "../text/span";
import type { Fix } from "./problem";
import type { Rule, RuleContext } from "./rule";

const DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) [+-](?:\d{4}|\d{2}:\d{2})$/;
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const REQUIRED = cardSchema.frontMatter.filter((k) => k.required);

function isRealDate(m: RegExpExecArray): boolean {
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  // A day is in its month when it comes before the next month's first, by the same calendar
  // (Date.UTC's); two time values, and no Date read back into its parts, for every card.
  const inMonth = month >= 0 && month < 12 && day >= 1 && Date.UTC(year, month, day) < Date.UTC(year, month + 1, 1);
  return inMonth && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 61;
}

/** The span of a scalar's text without its quotes, so edits stay inside `"…"`. */
function unquoted(text: string, span: Span): Span {
  const first = text.charAt(span.start);
  const quoted = (first === '"' || first === "'") && span.end - span.start >= 2 && text.charAt(span.end - 1) === first;
  return quoted ? { start: span.start + 1, end: span.end - 1 } : span;
}

/** The line a fix writes for a missing key: a value that fits this card, not the schema's example. */
function keyLine(key: FrontMatterKeySpec, ctx: RuleContext): string {
  const name = postName(ctx.uri);
  switch (key.key) {
    case "title":
      return `title: ${name?.title ?? "Untitled"}`;
    case "date":
      return `date: ${name ? `${name.date}${jekyllDate(ctx.today).slice(10)}` : jekyllDate(ctx.today)}`;
    case "tags":
      return `tags: [${ctx.model.kind.tag}]`;
    default:
      return key.value === "list" ? `${key.key}: []` : `${key.key}: `;
  }
}

/** The entry of a key, when the front matter has one. */
function entryOf(fm: FrontMatter, key: string): FrontMatterEntry | undefined {
  for (const entry of fm.entries) if (entry.key === key) return entry;
  return undefined;
}

function reportNoFrontMatter(ctx: RuleContext, firstLine: Line): void {
  const lines = ["---", ...REQUIRED.map((k) => keyLine(k, ctx)), "---", ""];
  ctx.report("front-matter.missing-key", { start: firstLine.start, end: firstLine.end }, `This card has no front matter. Add one with ${REQUIRED.map((k) => k.key).join(", ")}.`, {
    title: "Insert front matter", edits: [{ span: { start: firstLine.start, end: firstLine.start }, newText: lines.join(ctx.model.doc.eol) }], preferred: true,
  });
}

/** A real date in Jekyll's format, on the day the post's file name says. */
function checkDate(ctx: RuleContext, valueSpan: Span): void {
  const text = ctx.model.doc.text;
  const span = unquoted(text, valueSpan);
  const value = text.slice(span.start, span.end);
  const m = DATE.exec(value);
  if (!m || !isRealDate(m)) {
    const fixes: Fix[] = DAY_ONLY.test(value) ? [{ title: "Add the time: 00:00:00", edits: [{ span: { start: span.end, end: span.end }, newText: jekyllDate(ctx.today).slice(10) }], preferred: true }] : [];
    ctx.report("front-matter.date", valueSpan, `\`date\` should be \`YYYY-MM-DD HH:MM:SS +ZZZZ\` and a real date, e.g. \`2021-07-07 00:00:00 +0800\`; "${value}" is not.`, ...fixes);
  }
  const written = value.slice(0, 10);
  const named = DAY_ONLY.test(written) && !namedOn(ctx.uri, written) ? postDate(ctx.uri) : undefined;
  if (named && written !== named) {
    const day = { start: span.start, end: span.start + 10 };
    ctx.report("front-matter.date-filename", day, `\`date\` says ${written} but the file name says ${named}; Jekyll uses the file name's date in the URL. Make them agree.`, {
      title: `Change the date to ${named}`, edits: [{ span: day, newText: named }], preferred: true, replaces: [written],
    });
  }
}

/** A file a setting makes a card, whose tags name no kind: said once, with the tag it may have misspelt. */
function reportUndeclaredKind(ctx: RuleContext, fm: FrontMatter, opening: Span): void {
  const tags = entryOf(fm, "tags");
  const kindTags = ctx.kinds.map((k) => k.tag);
  const typo = frontMatterTags(ctx.model.doc).map((t) => ({ t, guess: didYouMean(t, kindTags) })).find((x) => x.guess);
  const span = tags?.valueSpan ?? tags?.keySpan ?? opening;
  const message = `This file is checked as a ${ctx.model.kind.name} (a setting includes it), but its tags name no card kind. Add \`${kindTags.join("` or `")}\` to \`tags\`.${typo ? ` Did you mean "${typo.guess!}" for "${typo.t}"?` : ""}`;
  ctx.report("front-matter.unknown-tag", span, message);
}

// The check runs on every card: its parts are functions of their own, since a closure in one
// body would cost every card a context object for the variables it captures.
export const frontMatterRule: Rule = {
  name: "front-matter",
  codes: ["front-matter.syntax", "front-matter.missing-key", "front-matter.date", "front-matter.date-filename", "front-matter.unknown-tag"],
  check(ctx) {
    const { doc } = ctx.model;
    const fm = doc.frontMatter;
    const firstLine = doc.lines[0]!;
    if (!fm) {
      reportNoFrontMatter(ctx, firstLine);
      return;
    }
    for (const error of fm.errors) ctx.report("front-matter.syntax", error.span, error.message);
    if (fm.errors.length > 0) return;
    const opening = { start: fm.span.start, end: firstLine.end };
    const closing = fm.content.end;
    for (const key of REQUIRED) {
      if (entryOf(fm, key.key)) continue;
      ctx.report("front-matter.missing-key", opening, `The front matter has no \`${key.key}\`: ${key.help.description} Example: \`${key.help.example ?? ""}\`.`, {
        title: `Add \`${key.key}\``, edits: [{ span: { start: closing, end: closing }, newText: `${keyLine(key, ctx)}${doc.eol}` }], preferred: true,
      });
    }
    const date = entryOf(fm, "date");
    if (date?.valueSpan) checkDate(ctx, date.valueSpan);
    if (!ctx.kindDeclared) reportUndeclaredKind(ctx, fm, opening);
  },
};
