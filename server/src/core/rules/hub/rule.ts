import type { HubModel } from "../../model/hub";
import type { Positions } from "../../text/positions";
import type { Span } from "../../text/span";
import type { Code } from "../codes";
import type { Fix } from "../problem";

export interface HubRuleContext {
  readonly model: HubModel;
  /** For fixes that edit whole lines. */
  readonly positions: Positions;
  report(code: Code, span: Span, message: string, ...fixes: Fix[]): void;
}

/** A Hub card rule: the codes it may report and a check over the card's model. */
export interface HubRule {
  readonly name: string;
  readonly codes: readonly Code[];
  check(ctx: HubRuleContext): void;
}
