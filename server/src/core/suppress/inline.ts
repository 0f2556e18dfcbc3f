/**
 * Inline suppressions: the `<!-- model-cards-disable… -->` comments of a card decide which of its
 * problems are reported. Applied inside `analyze`, so the editor, `--fix` and the CLI all see the
 * same problems, and a comment that hides nothing is itself reported, as ESLint's
 * `--report-unused-disable-directives` does.
 */
import type { ParsedDocument } from "../parse/document";
import type { Directive, DirectiveWord } from "../parse/directive";
import { didYouMean } from "../model/suggest";
import { CODES, ALL_CODES, type Code } from "../rules/codes";
import type { Fix, Problem } from "../rules/problem";

/** The codes of the comments themselves; every other code belongs to a rule. */
export const SUPPRESSION_CODES = ["suppression.unused", "suppression.unknown-code"] as const satisfies readonly Code[];

const isCode = (text: string): text is Code => Object.hasOwn(CODES, text);

/** The codes a directive names (every code when it names none); misspelt words name nothing. */
const namesCode = (directive: Directive, code: Code): DirectiveWord | "all" | undefined =>
  directive.words.length === 0 ? "all" : directive.words.find((w) => w.text === code);

/** Which directive (and which of its words) hides a problem, so the unused ones can be told apart. */
interface Use {
  readonly directive: Directive;
  readonly word: DirectiveWord | "all";
}

/** The disable/enable state at some line: what `disable` turned off, and what a later `enable` turned back on. */
class RangeState {
  private all: Directive | undefined;
  private readonly except = new Set<string>();
  private readonly codes = new Map<string, Use>();

  apply(directive: Directive): void {
    const named = directive.words.filter((w) => isCode(w.text));
    if (directive.kind === "disable") {
      if (directive.words.length === 0) {
        this.all = directive;
        this.except.clear();
        this.codes.clear();
      }
      for (const word of named) {
        this.codes.set(word.text, { directive, word });
        this.except.delete(word.text);
      }
    } else if (directive.kind === "enable") {
      if (directive.words.length === 0) {
        this.all = undefined;
        this.except.clear();
        this.codes.clear();
      }
      for (const word of named) {
        this.codes.delete(word.text);
        if (this.all) this.except.add(word.text);
      }
    }
  }

  hiding(code: Code): Use | undefined {
    return this.codes.get(code) ?? (this.all && !this.except.has(code) ? { directive: this.all, word: "all" } : undefined);
  }
}

/** The directive that hides a problem of `code` on `line`: the next-line one first, then a range, then the file's. */
function findUse(directives: readonly Directive[], nextLineOf: ReadonlyMap<Directive, number>, code: Code, line: number): Use | undefined {
  for (const directive of directives) {
    if (directive.kind !== "disable-next-line" || nextLineOf.get(directive) !== line) continue;
    const word = namesCode(directive, code);
    if (word) return { directive, word };
  }
  const state = new RangeState();
  for (const directive of directives) {
    if (directive.line >= line) break;
    state.apply(directive);
  }
  const ranged = state.hiding(code);
  if (ranged) return ranged;
  for (const directive of directives) {
    if (directive.kind !== "disable-file") continue;
    const word = namesCode(directive, code);
    if (word) return { directive, word };
  }
  return undefined;
}

/** Deletes a word and what separates it from the word before, or the whole comment line when nothing else would be left. */
function removal(doc: ParsedDocument, directive: Directive, word: DirectiveWord | "all"): Fix {
  if (word === "all" || directive.words.length === 1) {
    const line = doc.lines[directive.line]!;
    // The user asks to delete the comment: the guard is told which text goes, so it still catches anything else lost.
    return { title: "Remove this suppression comment", edits: [{ span: { start: line.start, end: line.next }, newText: "" }], replaces: [doc.text.slice(line.start, line.next)] };
  }
  const before = directive.words[directive.words.indexOf(word) - 1]?.span.end ?? directive.keyword.end;
  return { title: `Remove ${word.text} from this suppression comment`, edits: [{ span: { start: before, end: word.span.end }, newText: "" }], replaces: [word.text] };
}

const WHERE: Readonly<Record<Directive["kind"], string>> = {
  "disable-next-line": "on the next line",
  disable: "after this comment",
  "disable-file": "in this file",
  enable: "",
};

/** The problems of unused and misspelt directive words. */
function directiveProblems(doc: ParsedDocument, used: ReadonlySet<Directive | DirectiveWord>): Problem[] {
  const problems: Problem[] = [];
  for (const directive of doc.directives) {
    for (const word of directive.words) {
      if (isCode(word.text)) continue;
      const guess = didYouMean(word.text, ALL_CODES);
      const fixes: Fix[] = guess ? [{ title: `Change to ${guess}`, edits: [{ span: word.span, newText: guess }], preferred: true, replaces: [word.text] }] : [];
      problems.push({ code: "suppression.unknown-code", span: word.span, message: `\`${word.text}\` is not a model-cards diagnostic code${guess ? `. Did you mean \`${guess}\`?` : ": the codes are listed in the README and shown when you hover a problem."}`, fixes });
    }
    if (directive.kind === "enable") continue;
    if (directive.words.length === 0) {
      if (!used.has(directive)) problems.push({ code: "suppression.unused", span: directive.span, message: `This comment hides no problem ${WHERE[directive.kind]}: remove it.`, fixes: [removal(doc, directive, "all")] });
      continue;
    }
    for (const word of directive.words) {
      if (!isCode(word.text) || used.has(word)) continue;
      problems.push({ code: "suppression.unused", span: word.span, message: `No \`${word.text}\` problem ${WHERE[directive.kind]} for this comment to hide: remove \`${word.text}\` from it.`, fixes: [removal(doc, directive, word)] });
    }
  }
  return problems;
}

export interface Suppressed {
  /** What the card reports: the problems no comment hides, then one per comment or code that hid nothing. */
  readonly problems: readonly Problem[];
  /** The problems the comments hide, for completion to tell which codes a comment would hide. */
  readonly hidden: readonly Problem[];
}

/** Applies a card's suppression comments to its problems. */
export function applySuppressions(doc: ParsedDocument, problems: readonly Problem[], lineOf: (offset: number) => number): Suppressed {
  const directives = doc.directives;
  // Most cards have no comments: their problems are reported as the rules found them.
  if (directives.length === 0) return { problems, hidden: [] };
  // A next-line comment applies to the next line that is not itself a comment, so several can stack.
  const nextLineOf = new Map<Directive, number>();
  const directiveLines = new Set(directives.map((d) => d.line));
  for (const directive of directives) {
    let next = directive.line + 1;
    while (directiveLines.has(next)) next++;
    nextLineOf.set(directive, next);
  }
  const used = new Set<Directive | DirectiveWord>();
  const kept: Problem[] = [];
  const hidden: Problem[] = [];
  for (const problem of problems) {
    const use = findUse(directives, nextLineOf, problem.code, lineOf(problem.span.start));
    if (use) {
      used.add(use.word === "all" ? use.directive : use.word);
      hidden.push(problem);
      continue;
    }
    kept.push(problem);
  }
  return { problems: [...kept, ...directiveProblems(doc, used)], hidden };
}
