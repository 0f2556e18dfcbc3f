import type { HubModel } from "../../model/hub";
import type { Positions } from "../../text/positions";
import type { Reporter, Rule } from "../rule";

export interface HubRuleContext extends Reporter {
  readonly model: HubModel;
  /** For fixes that edit whole lines. */
  readonly positions: Positions;
}

/** A Hub card rule: the codes it may report and a check over the card's model. */
export type HubRule = Rule<HubRuleContext>;
