import { canonicalCheckbox } from "../parse/body";
import type { Rule } from "./rule";

export const checkboxRule: Rule = {
  name: "checkbox",
  codes: ["checkbox.malformed", "checkbox.uppercase"],
  check(ctx) {
    for (const item of ctx.model.doc.items) {
      const box = item.checkbox;
      if (!box) continue;
      if (box.state === "malformed") {
        const fixed = canonicalCheckbox(box);
        const why = box.spaced ? "" : " (a space must follow `]`)";
        ctx.report("checkbox.malformed", box.span, `\`[${box.inner}]\` is not a task item in GitHub markdown${why}; write \`[ ]\` or \`[x]\` and a space.`, {
          title: `Change to ${fixed}`, edits: [{ span: box.span, newText: box.spaced ? fixed : `${fixed} ` }], preferred: true, normalizes: true,
        });
      } else if (box.inner === "X") {
        ctx.report("checkbox.uppercase", box.span, "`[X]` works, but the template writes checked boxes in lowercase: `[x]`.", { title: "Change to [x]", edits: [{ span: box.span, newText: "[x]" }], preferred: true, normalizes: true });
      }
    }
  },
};
