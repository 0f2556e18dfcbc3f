import type { ParsedDocument } from "../parse/document";
import { DIRECTIVE_PREFIX, type Directive, type DirectiveKind } from "../parse/directive";
import type { Code } from "../rules/codes";
import type { Fix, SpanEdit } from "../rules/problem";

export const directiveComment = (kind: DirectiveKind, codes: readonly string[]): string => `<!-- ${DIRECTIVE_PREFIX}${kind}${codes.map((c) => ` ${c}`).join("")} -->`;

/** Adds a code to a comment that already names codes, instead of writing a second comment. */
const appendTo = (directive: Directive, code: Code): SpanEdit => ({ span: { start: directive.appendAt, end: directive.appendAt }, newText: ` ${code}` });

/** Writes a comment before a line, indented as that line is, so it stays inside the list it sits in. */
function lineEdit(doc: ParsedDocument, code: Code, line: number): SpanEdit {
  const above = doc.directives.find((d) => d.line === line - 1 && d.kind === "disable-next-line" && d.words.length > 0);
  if (above) return appendTo(above, code);
  const { start, end } = doc.lines[line]!;
  const indent = /^[ \t]*/.exec(doc.text.slice(start, end))![0];
  return { span: { start, end: start }, newText: `${indent}${directiveComment("disable-next-line", [code])}${doc.eol}` };
}

/** Writes the file-level comment first in the body, just below the front matter. */
function fileEdit(doc: ParsedDocument, code: Code): SpanEdit {
  const existing = doc.directives.find((d) => d.kind === "disable-file" && d.words.length > 0);
  if (existing) return appendTo(existing, code);
  const comment = directiveComment("disable-file", [code]);
  const body = doc.lines[doc.bodyLine];
  if (!body) return { span: { start: doc.text.length, end: doc.text.length }, newText: `${doc.eol}${comment}${doc.eol}` };
  return { span: { start: body.start, end: body.start }, newText: `${comment}${doc.eol}` };
}

/**
 * The "Ignore CODE …" fixes for a problem on a line: on that line (body lines only; the front matter
 * is YAML, where an HTML comment would be text) and in the whole file. Never preferred and never
 * applied by `--fix`: hiding a problem is the user's choice.
 */
export function ignoreFixes(doc: ParsedDocument, code: Code, line: number): Fix[] {
  // With no closing `---` the whole file is front matter: a comment would land inside the YAML.
  if (doc.frontMatter?.closed === false) return [];
  const fixes: Fix[] = [];
  if (line >= doc.bodyLine && line < doc.lines.length) fixes.push({ title: `Ignore ${code} on this line`, edits: [lineEdit(doc, code, line)] });
  fixes.push({ title: `Ignore ${code} in this file`, edits: [fileEdit(doc, code)] });
  return fixes;
}
