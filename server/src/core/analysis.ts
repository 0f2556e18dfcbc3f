import { bindCard, type CardModel } from "./model/card";
import { declaredKind, guessKind } from "./model/kind";
import { mayBeHubCard, recogniseHubCard, type HubModel } from "./model/hub";
import { parseDocument, type ParsedDocument } from "./parse/document";
import type { FrontMatterReading } from "./parse/frontMatter";
import { cardSchema, type CardKindSpec } from "./schema";
import { RULES } from "./rules";
import { checkHubCard } from "./rules/hub";
import { frontMatterRule } from "./rules/frontMatter";
import type { Code } from "./rules/codes";
import type { Fix, Problem } from "./rules/problem";
import type { RuleContext } from "./rules/rule";
import { cardMissingFields, type Missing } from "./rules/structure";
import { ignoreFixes } from "./suppress/fixes";
import { applySuppressions, SUPPRESSION_CODES } from "./suppress/inline";
import { Positions } from "./text/positions";

export interface Analysis {
  readonly uri: string;
  readonly parsed: ParsedDocument;
  readonly positions: Positions;
  /** Undefined for markdown that is not a card: the extension then offers nothing at all. */
  readonly model: CardModel | undefined;
  /** Set instead of `model` for a Hugging Face Hub card (README.md with Hub metadata). */
  readonly hub?: HubModel;
  /**
   * The required fields a post misses, in reading order, as the rules report them; the completeness
   * count and the fill command read this list too. Empty for everything but a post.
   */
  readonly missing: readonly Missing[];
  readonly problems: readonly Problem[];
  /** The problems the card's suppression comments hide. */
  readonly hidden: readonly Problem[];
}

export interface AnalyzeOptions {
  /** True when a card-glob setting includes this file. */
  readonly forcedCard: boolean;
  /** The card kinds to recognise; the built-in schema's unless a workspace extends it. */
  readonly kinds?: readonly CardKindSpec[];
  /** Today, for fixes that write a date: the service's clock (tests pin it). */
  readonly today: Date;
  /**
   * Cards longer than this (in UTF-16 units) are not checked: one problem says so. An editor sets
   * it so a 10 MB card cannot block every keystroke for seconds; the CLI checks any size.
   */
  readonly maxCheckedLength?: number;
  /** The analysis of the document's previous version, whose unchanged parts are reused. */
  readonly previous?: Analysis;
}

const MB = 1024 * 1024;

/** The codes the analysis reports itself, before any rule runs. */
export const ANALYSIS_CODES: readonly Code[] = ["document.too-large"];

/** A card over the editor's size limit: recognised by its front matter alone, and one problem on its first line. */
function tooLarge(uri: string, text: string, limit: number, kinds: readonly CardKindSpec[]): Analysis {
  const parsed = parseDocument(text, { body: false });
  const positions = new Positions(parsed.lines);
  const problems: Problem[] = [];
  if (declaredKind(parsed, kinds)) {
    const size = (text.length / MB).toFixed(1);
    const message = `This card is ${size} MB; the editor checks cards up to ${(limit / MB).toFixed(1)} MB so that typing stays fast. Check it with \`model-cards check\` (which takes any size with --max-file-size), or split it.`;
    problems.push({ code: "document.too-large", span: { start: parsed.lines[0]!.start, end: parsed.lines[0]!.end }, message, fixes: [] });
  }
  return { uri, parsed, positions, model: undefined, missing: [], problems, hidden: [] };
}

/**
 * The card a document's tags declare, bound to its kind, unless it is an index page that borrows a
 * card tag: a body with content but not one bullet naming a field of that kind. An empty body is a
 * card being started. Bound once: a card's first bullet is what tells it from an index page.
 */
function declaredCard(parsed: ParsedDocument, kinds: readonly CardKindSpec[]): CardModel | undefined {
  const kind = declaredKind(parsed, kinds);
  if (!kind) return undefined;
  const model = bindCard(parsed, kind);
  if (model.root.fields.length > 0) return model;
  const bodyStart = parsed.lines[parsed.bodyLine]?.start ?? parsed.text.length;
  return parsed.text.slice(bodyStart).trim() === "" ? model : undefined;
}

// Derived from the card kinds only, which never change once made (the schema, or a config's), so
// sharing it between documents is safe; it dies with the kinds.
const readings = new WeakMap<readonly CardKindSpec[], FrontMatterReading>();

/** How much of a post's front matter to read: only when it names one of the kinds' tags. */
function namingTags(kinds: readonly CardKindSpec[]): FrontMatterReading {
  let reading = readings.get(kinds);
  if (!reading) {
    reading = { naming: kinds.map((k) => k.tag) };
    readings.set(kinds, reading);
  }
  return reading;
}

/** Codes a suppression comment cannot hide: the analysis's own, and what is said about the comments. */
const UNHIDEABLE: readonly Code[] = [...ANALYSIS_CODES, ...SUPPRESSION_CODES];

/**
 * The fixes a problem offers: its own, then for a rule's problem the comments that would hide it.
 * Only a code action shows those, so they are written when one is asked for, not for every problem
 * of every check (the CLI never asks).
 */
export function offeredFixes(analysis: Analysis, problem: Problem): readonly Fix[] {
  if (UNHIDEABLE.includes(problem.code)) return problem.fixes;
  const hide = ignoreFixes(analysis.parsed, problem.code, analysis.positions.lineIndexAt(problem.span.start));
  return hide.length > 0 ? [...problem.fixes, ...hide] : problem.fixes;
}

/** Whether a document is a card of any kind (a Jekyll post's or a Hub card): the features then apply. */
export const isCard = (analysis: Analysis): boolean => analysis.model !== undefined || analysis.hub !== undefined;

/** The human name of the document's card kind ("model card", "Hugging Face dataset card"), if it is a card. */
export const cardKindName = (analysis: Analysis): string | undefined => analysis.model?.kind.name ?? analysis.hub?.kind.name;

/** Parses, binds and checks one document. Pure, and never throws on any input text. */
export function analyze(uri: string, text: string, options: AnalyzeOptions): Analysis {
  const kinds = options.kinds ?? cardSchema.kinds;
  if (options.maxCheckedLength !== undefined && text.length > options.maxCheckedLength) return tooLarge(uri, text, options.maxCheckedLength, kinds);
  const parsed = parseDocument(text, { frontMatter: mayBeHubCard(uri, options.forcedCard) ? "hub" : namingTags(kinds), earlier: options.previous?.parsed });
  const positions = new Positions(parsed.lines);
  const declared = declaredCard(parsed, kinds);
  // A post's card tags decide first; then Hub metadata; a card glob's guess is the last resort.
  const hub = declared ? undefined : recogniseHubCard(parsed);
  if (hub) return { uri, parsed, positions, model: undefined, hub, missing: [], ...applySuppressions(parsed, checkHubCard(hub, positions), (offset) => positions.lineIndexAt(offset)) };
  const model = declared ?? (options.forcedCard ? bindCard(parsed, guessKind(parsed, kinds)) : undefined);
  if (!model) return { uri, parsed, positions, model: undefined, missing: [], problems: [], hidden: [] };
  const missing = cardMissingFields(model);
  const problems: Problem[] = [];
  const ctx: RuleContext = {
    model,
    missing,
    uri,
    kindDeclared: declared !== undefined,
    kinds,
    today: options.today,
    report(code: Code, span, message, ...fixes) {
      problems.push({ code, span, message, fixes });
    },
  };
  // With no closing `---` the whole file is YAML to Jekyll: there is no body to check or insert into.
  const rules = parsed.frontMatter?.closed === false ? [frontMatterRule] : RULES;
  for (const rule of rules) rule.check(ctx);
  return { uri, parsed, positions, model, missing, ...applySuppressions(parsed, problems, (offset) => positions.lineIndexAt(offset)) };
}
