import { itemsOf, metaValue } from "../../parse/hubMetadata";
import { insertLinesAfter } from "./edits";
import type { HubRule } from "./rule";

/** `license: other` names no license until `license_name` and `license_link` say which. */
export const licenseOtherRule: HubRule = {
  name: "hub-license-other",
  codes: ["hub.license-other"],
  check(ctx) {
    const root = ctx.model.metadata.root;
    const license = metaValue(root, "license");
    const other = license && itemsOf(license).find((n) => n.kind === "scalar" && n.value === "other");
    if (!other) return;
    const missing = ["license_name", "license_link"].filter((k) => metaValue(root, k) === undefined);
    if (missing.length === 0) return;
    const add = insertLinesAfter(ctx, license.span, missing.map((k) => `${k}: `));
    ctx.report("hub.license-other", other.span, `\`license: other\` says only that the license is not on the Hub's list: add ${missing.map((k) => `\`${k}\``).join(" and ")} so readers know which it is.`, {
      title: `Add ${missing.join(" and ")}`, edits: [add], preferred: true,
    });
  },
};
