import { frontMatterTags } from "../model/kind";
import { didYouMean } from "../model/suggest";
import { cardSchema } from "../schema";
import type { Rule } from "./rule";

const DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) [+-](?:\d{4}|\d{2}:\d{2})$/;
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const POST_NAME = /(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]*$/;

function isRealDate(m: RegExpExecArray): boolean {
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 61;
}

/** The `YYYY-MM-DD` a Jekyll post's file name starts with, if it has one. */
export function postNameDate(uri: string): string | undefined {
  return POST_NAME.exec(decodeURIComponent(uri))?.[1];
}

export const frontMatterRule: Rule = {
  name: "front-matter",
  codes: ["front-matter.syntax", "front-matter.missing-key", "front-matter.date", "front-matter.date-filename", "front-matter.unknown-tag"],
  check(ctx) {
    const { doc } = ctx.model;
    const fm = doc.frontMatter;
    const firstLine = doc.lines[0]!;
    if (!fm) {
      const keys = cardSchema.frontMatter.filter((k) => k.required).map((k) => k.key);
      const lines = ["---", ...keys.map((k) => (k === "tags" ? `tags: [${ctx.model.kind.tag}]` : `${k}: `)), "---", ""];
      ctx.report("front-matter.missing-key", { start: firstLine.start, end: firstLine.end }, `This card has no front matter. Add one with ${keys.join(", ")}.`, {
        title: "Insert front matter", edits: [{ span: { start: firstLine.start, end: firstLine.start }, newText: lines.join(doc.eol) }], preferred: true,
      });
      return;
    }
    for (const error of fm.errors) ctx.report("front-matter.syntax", error.span, error.message);
    if (fm.errors.length > 0) return;
    const opening = { start: fm.span.start, end: firstLine.end };
    const closing = fm.content.end;
    for (const key of cardSchema.frontMatter) {
      if (!key.required || fm.entries.some((e) => e.key === key.key)) continue;
      ctx.report("front-matter.missing-key", opening, `The front matter has no \`${key.key}\`: ${key.help.description} Example: \`${key.help.example ?? ""}\`.`, {
        title: `Add \`${key.key}\``, edits: [{ span: { start: closing, end: closing }, newText: `${key.help.example ?? `${key.key}: `}${doc.eol}` }], preferred: true,
      });
    }
    const date = fm.entries.find((e) => e.key === "date");
    if (date?.valueSpan) {
      const value = String(date.value instanceof Date ? date.value.toISOString() : date.value);
      const m = DATE.exec(value);
      if (!m || !isRealDate(m)) {
        const fixes = DAY_ONLY.test(value) ? [{ title: "Add the time: 00:00:00 +0000", edits: [{ span: { start: date.valueSpan.end, end: date.valueSpan.end }, newText: " 00:00:00 +0000" }], preferred: true }] : [];
        ctx.report("front-matter.date", date.valueSpan, `\`date\` should be \`YYYY-MM-DD HH:MM:SS +ZZZZ\` and a real date, e.g. \`2021-07-07 00:00:00 +0800\`; "${value}" is not.`, ...fixes);
      }
      const named = postNameDate(ctx.uri);
      if (named && DAY_ONLY.test(value.slice(0, 10)) && value.slice(0, 10) !== named) {
        const span = { start: date.valueSpan.start, end: date.valueSpan.start + 10 };
        ctx.report("front-matter.date-filename", span, `\`date\` says ${value.slice(0, 10)} but the file name says ${named}; Jekyll uses the file name's date in the URL.`, {
          title: `Change the date to ${named}`, edits: [{ span, newText: named }], preferred: true,
        });
      }
    }
    if (!ctx.kindDeclared) {
      const tags = fm.entries.find((e) => e.key === "tags");
      const kindTags = cardSchema.kinds.map((k) => k.tag);
      const typo = frontMatterTags(doc).map((t) => ({ t, guess: didYouMean(t, kindTags) })).find((x) => x.guess);
      const span = tags?.valueSpan ?? tags?.keySpan ?? opening;
      const message = `This file is checked as a ${ctx.model.kind.name} (a setting includes it), but its tags name no card kind. Add \`${kindTags.join("` or `")}\` to \`tags\`.${typo ? ` Did you mean "${typo.guess!}" for "${typo.t}"?` : ""}`;
      ctx.report("front-matter.unknown-tag", span, message);
    }
  },
};
