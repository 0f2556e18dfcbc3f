/**
 * Completion and hover inside suppression comments: the directive names, then the codes from the
 * codes table, with their descriptions, those reported where the comment applies first.
 */
import { CompletionItemKind, type CompletionItem, type Hover, type MarkupContent } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { DIRECTIVE_KINDS, DIRECTIVE_PREFIX, type DirectiveKind } from "../parse/directive";
import { ALL_CODES, CODES, type Code } from "../rules/codes";
import { contains } from "../text/span";
import { SUPPRESSION_CODES } from "./inline";

const WHAT: Readonly<Record<DirectiveKind, string>> = {
  "disable-next-line": "Hides the named problems (every problem when it names no code) on the next line.",
  "disable-file": "Hides the named problems (every problem when it names no code) anywhere in this file.",
  disable: "Hides the named problems (every problem when it names no code) from here until a `model-cards-enable` comment or the end of the file.",
  enable: "Ends a `model-cards-disable` comment for the named codes (for every code when it names none).",
};

const FORMAT = "Write the codes after it, separated by spaces, e.g. `<!-- model-cards-disable-next-line field.order -->`. The comment is invisible on the rendered site.";

function codeHelp(code: Code): MarkupContent {
  const { severity, description } = CODES[code];
  return { kind: "markdown", value: `**${code}** (${severity} by default)\n\n${description}` };
}

const directiveHelp = (kind: DirectiveKind): MarkupContent => ({ kind: "markdown", value: `**${DIRECTIVE_PREFIX}${kind}**\n\n${WHAT[kind]}\n\n${FORMAT}` });

const sortKey = (rank: number, i: number): string => `${rank}${String(i).padStart(4, "0")}`;

/** The codes of the problems where a comment written on `line` would apply (the next line, below, the whole file), hidden ones included. */
function reportedCodes(analysis: Analysis, kind: DirectiveKind, line: number): Map<Code, number> {
  const counts = new Map<Code, number>();
  for (const problem of [...analysis.problems, ...analysis.hidden]) {
    const at = analysis.positions.lineIndexAt(problem.span.start);
    const applies = kind === "disable-next-line" ? at === line + 1 : kind === "disable" ? at > line : kind === "disable-file";
    if (applies && !problem.code.startsWith("suppression.")) counts.set(problem.code, (counts.get(problem.code) ?? 0) + 1);
  }
  return counts;
}

const TYPED_KEYWORD = /^[ \t]*<!--[ \t]*([\w-]*)$/;
const TYPED_CODE = new RegExp(`^[ \\t]*<!--[ \\t]*${DIRECTIVE_PREFIX}(${DIRECTIVE_KINDS.join("|")})((?:[ \\t,]+[^\\s,]+)*)[ \\t,]+([\\w.-]*)$`);

/** Completions on a body line that starts a suppression comment, or undefined when the line is something else. */
export function directiveCompletions(analysis: Analysis, line: number, lineText: string, offset: number): CompletionItem[] | undefined {
  const keyword = TYPED_KEYWORD.exec(lineText);
  if (keyword) {
    const typed = keyword[1]!;
    if (!DIRECTIVE_PREFIX.startsWith(typed) && !typed.startsWith(DIRECTIVE_PREFIX)) return undefined;
    const range = analysis.positions.range({ start: offset - typed.length, end: offset });
    return DIRECTIVE_KINDS.map((kind, i) => ({
      label: `${DIRECTIVE_PREFIX}${kind}`, kind: CompletionItemKind.Keyword, detail: "suppression comment", documentation: directiveHelp(kind),
      sortText: sortKey(0, i), textEdit: { range, newText: `${DIRECTIVE_PREFIX}${kind} ` }, command: { title: "Suggest", command: "editor.action.triggerSuggest" },
    }));
  }
  const codes = TYPED_CODE.exec(lineText);
  if (!codes) return undefined;
  const kind = codes[1] as DirectiveKind;
  const named = new Set(codes[2]!.split(/[\s,]+/));
  const typed = codes[3]!;
  const range = analysis.positions.range({ start: offset - typed.length, end: offset });
  const reported = reportedCodes(analysis, kind, line);
  const where = kind === "disable-next-line" ? "on the next line" : kind === "disable" ? "below" : "in this file";
  // The comments' own codes are left out: a comment cannot hide what is said about comments.
  return ALL_CODES.filter((code) => !named.has(code) && !(SUPPRESSION_CODES as readonly Code[]).includes(code)).map((code, i) => {
    const count = reported.get(code);
    return {
      label: code, kind: CompletionItemKind.EnumMember, documentation: codeHelp(code),
      detail: count ? `${count}× ${where}` : `${CODES[code].severity} by default`,
      sortText: sortKey(count ? 0 : 1, i), textEdit: { range, newText: code },
    };
  });
}

/** What a suppression comment's keyword or code means, when the offset is on one. */
export function directiveHover(analysis: Analysis, offset: number): Hover | undefined {
  const line = analysis.positions.lineIndexAt(offset);
  const directive = analysis.parsed.directives.find((d) => d.line === line);
  if (!directive) return undefined;
  if (contains(directive.keyword, offset)) return { contents: directiveHelp(directive.kind), range: analysis.positions.range(directive.keyword) };
  const word = directive.words.find((w) => contains(w.span, offset));
  if (!word || !Object.hasOwn(CODES, word.text)) return undefined;
  return { contents: codeHelp(word.text as Code), range: analysis.positions.range(word.span) };
}
