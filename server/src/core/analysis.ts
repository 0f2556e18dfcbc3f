import { bindCard, type CardModel } from "./model/card";
import { declaredKind, guessKind } from "./model/kind";
import { matchField } from "./model/card";
import { recogniseHubCard, type HubModel } from "./model/hub";
import { parseDocument, type ParsedDocument } from "./parse/document";
import { cardSchema, type CardKindSpec } from "./schema";
import { RULES } from "./rules";
import { checkHubCard } from "./rules/hub";
import { frontMatterRule } from "./rules/frontMatter";
import type { Code } from "./rules/codes";
import type { Problem } from "./rules/problem";
import type { RuleContext } from "./rules/rule";
import { Positions } from "./text/positions";

export interface Analysis {
  readonly uri: string;
  readonly parsed: ParsedDocument;
  readonly positions: Positions;
  /** Undefined for markdown that is not a card: the extension then offers nothing at all. */
  readonly model: CardModel | undefined;
  /** Set instead of `model` for a Hugging Face Hub card (README.md with Hub metadata). */
  readonly hub?: HubModel;
  readonly problems: readonly Problem[];
}

export interface AnalyzeOptions {
  /** True when a card-glob setting includes this file. */
  readonly forcedCard: boolean;
  /** The card kinds to recognise; the built-in schema's unless a workspace extends it. */
  readonly kinds?: readonly CardKindSpec[];
  /** Today, for fixes that write a date (tests pin it). */
  readonly today?: Date;
}

/**
 * The kind a document's tags declare, unless it is an index page that borrows a card tag: a body
 * with content but not one bullet naming a field of that kind. An empty body is a card being started.
 */
function describesCard(parsed: ParsedDocument, kinds: readonly CardKindSpec[]): CardKindSpec | undefined {
  const kind = declaredKind(parsed, kinds);
  if (!kind) return undefined;
  if (parsed.roots.some((item) => matchField(parsed.text, item, kind.fields))) return kind;
  const bodyStart = parsed.lines[parsed.bodyLine]?.start ?? parsed.text.length;
  return parsed.text.slice(bodyStart).trim() === "" ? kind : undefined;
}

/** Whether a document is a card of any kind (a Jekyll post's or a Hub card): the features then apply. */
export const isCard = (analysis: Analysis): boolean => analysis.model !== undefined || analysis.hub !== undefined;

/** The human name of the document's card kind ("model card", "Hugging Face dataset card"), if it is a card. */
export const cardKindName = (analysis: Analysis): string | undefined => analysis.model?.kind.name ?? analysis.hub?.kind.name;

/** Parses, binds and checks one document. Pure, and never throws on any input text. */
export function analyze(uri: string, text: string, options: AnalyzeOptions): Analysis {
  const parsed = parseDocument(text);
  const positions = new Positions(parsed.lines);
  const kinds = options.kinds ?? cardSchema.kinds;
  const declared = describesCard(parsed, kinds);
  // A post's card tags decide first; then Hub metadata; a card glob's guess is the last resort.
  const hub = declared ? undefined : recogniseHubCard(uri, parsed, options.forcedCard);
  if (hub) return { uri, parsed, positions, model: undefined, hub, problems: checkHubCard(hub, positions) };
  const kind = declared ?? (options.forcedCard ? guessKind(parsed, kinds) : undefined);
  if (!kind) return { uri, parsed, positions, model: undefined, problems: [] };
  const model = bindCard(parsed, kind);
  const problems: Problem[] = [];
  const ctx: RuleContext = {
    model,
    uri,
    kindDeclared: declared !== undefined,
    kinds,
    today: options.today ?? new Date(),
    report(code: Code, span, message, ...fixes) {
      problems.push({ code, span, message, fixes });
    },
  };
  // With no closing `---` the whole file is YAML to Jekyll: there is no body to check or insert into.
  const rules = parsed.frontMatter?.closed === false ? [frontMatterRule] : RULES;
  for (const rule of rules) rule.check(ctx);
  return { uri, parsed, positions, model, problems };
}
