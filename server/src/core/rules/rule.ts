import type { CardModel } from "../model/card";
import type { CardKindSpec } from "../schema";
import type { Code } from "./codes";
import type { Fix, Problem } from "./problem";
import type { Span } from "../text/span";
import type { Missing } from "./structure";

/** Where a rule reports: a problem's code, where it is, what to say, and its fixes as data. */
export interface Reporter {
  report(code: Code, span: Span, message: string, ...fixes: Fix[]): void;
}

export interface RuleContext extends Reporter {
  readonly model: CardModel;
  /** The required fields the card misses (`cardMissingFields`), found once for the rules and the analysis. */
  readonly missing: readonly Missing[];
  /** The document's URI, for checks that read the file name. */
  readonly uri: string;
  /** False when the kind was guessed for a file a setting marks as a card. */
  readonly kindDeclared: boolean;
  /** Every card kind in force, for checks that name the kinds (the tags a card may carry). */
  readonly kinds: readonly CardKindSpec[];
  /** Today, for fixes that write a date. */
  readonly today: Date;
}

/** A rule is a plain object: the codes it may report and a check over the bound card (a Hub card's rules take their own context). */
export interface Rule<Context extends Reporter = RuleContext> {
  readonly name: string;
  readonly codes: readonly Code[];
  check(ctx: Context): void;
}

export type { Problem };
