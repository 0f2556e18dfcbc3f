import type { Line } from "../text/lines";
import type { Span } from "../text/span";

/** What a suppression comment does; markdownlint's names, with our prefix. */
export const DIRECTIVE_KINDS = ["disable-next-line", "disable-file", "disable", "enable"] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

/** The prefix every suppression comment starts with, after `<!--`. */
export const DIRECTIVE_PREFIX = "model-cards-";

/** One word written after the directive's keyword: a code, or a misspelt one. */
export interface DirectiveWord {
  readonly text: string;
  readonly span: Span;
}

/**
 * A suppression comment on a line of its own, such as `<!-- model-cards-disable-next-line field.order -->`.
 * An HTML comment is invisible on the rendered site, so cards can carry these without showing them.
 */
export interface Directive {
  readonly line: number;
  readonly kind: DirectiveKind;
  /** From `<!--` to `-->` inclusive. */
  readonly span: Span;
  /** `model-cards-disable-next-line` and the like. */
  readonly keyword: Span;
  /** The codes it names; none means every code. */
  readonly words: readonly DirectiveWord[];
  /** Where one more code goes: after the last word (or the keyword), before the spaces and `-->`. */
  readonly appendAt: number;
}

const COMMENT = /^([ \t]*)<!--((?:(?!-->).)*)-->[ \t]*$/;
const KEYWORD = new RegExp(`^([ \\t]*)(${DIRECTIVE_PREFIX}(${DIRECTIVE_KINDS.join("|")}))(?=[\\s,]|$)`);
const WORD = /[^\s,]+/g;

/** The directive a whole line holds, or undefined when the line is anything else (a bullet, text, another comment). */
export function parseDirective(text: string, line: Line, index: number): Directive | undefined {
  // Most lines are text: a look at where the comment would start spares them the copy and the pattern.
  let first = line.start;
  while (first < line.end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
  if (!text.startsWith("<!--", first)) return undefined;
  const raw = text.slice(line.start, line.end);
  const comment = COMMENT.exec(raw);
  if (!comment) return undefined;
  const innerStart = line.start + comment[1]!.length + 4;
  const inner = comment[2]!;
  const keyword = KEYWORD.exec(inner);
  if (!keyword) return undefined;
  const keywordStart = innerStart + keyword[1]!.length;
  const keywordEnd = keywordStart + keyword[2]!.length;
  const rest = inner.slice(keyword[0].length);
  const words = [...rest.matchAll(WORD)].map((m) => {
    const start = keywordEnd + m.index;
    return { text: m[0], span: { start, end: start + m[0].length } };
  });
  const commentStart = line.start + comment[1]!.length;
  return {
    line: index,
    kind: keyword[3] as DirectiveKind,
    span: { start: commentStart, end: innerStart + inner.length + 3 },
    keyword: { start: keywordStart, end: keywordEnd },
    words,
    appendAt: words.at(-1)?.span.end ?? keywordEnd,
  };
}
