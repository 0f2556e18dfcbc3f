import type { Rule } from "./rule";

// Characters people use for "done" inside brackets; anything else malformed is read as unchecked.
const CHECKED_LIKE = /[xXvV✓✔*]/u;

export const checkboxRule: Rule = {
  name: "checkbox",
  codes: ["checkbox.malformed", "checkbox.uppercase"],
  check(ctx) {
    for (const item of ctx.model.doc.items) {
      const box = item.checkbox;
      if (!box) continue;
      if (box.state === "malformed") {
        const fixed = CHECKED_LIKE.test(box.inner) ? "[x]" : "[ ]";
        ctx.report("checkbox.malformed", box.span, `\`[${box.inner}]\` is not a task item in GitHub markdown; write \`[ ]\` or \`[x]\`.`, { title: `Change to ${fixed}`, edits: [{ span: box.span, newText: fixed }], preferred: true, normalizes: true });
      } else if (box.inner === "X") {
        ctx.report("checkbox.uppercase", box.span, "The template writes checked boxes as `[x]`.", { title: "Change to [x]", edits: [{ span: box.span, newText: "[x]" }], preferred: true, normalizes: true });
      }
    }
  },
};
