import type { HubModel } from "../../model/hub";
import type { Positions } from "../../text/positions";
import type { Problem } from "../problem";
import { licenseOtherRule } from "./license";
import { metadataRule } from "./metadata";
import type { HubRule } from "./rule";
import { sectionsRule } from "./sections";

/** Every Hub card rule, in the order their problems are listed. */
export const HUB_RULES: readonly HubRule[] = [metadataRule, licenseOtherRule, sectionsRule];

export function checkHubCard(model: HubModel, positions: Positions): Problem[] {
  const problems: Problem[] = [];
  const ctx = { model, positions, report: (code: Problem["code"], span: Problem["span"], message: string, ...fixes: Problem["fixes"][number][]) => void problems.push({ code, span, message, fixes }) };
  for (const rule of HUB_RULES) rule.check(ctx);
  return problems;
}
