import type { BoundField, BoundOption } from "../model/card";
import { fixHoles, insertAfter } from "../model/placement";
import { renderChildren } from "../model/skeleton";
import { didYouMean } from "../model/suggest";
import { displayName, isNotReported, type ChildrenSpec } from "../schema";
import type { Fix } from "./problem";
import type { Rule, RuleContext } from "./rule";

// An empty bullet is an option being typed: completion helps there, a warning would only nag.
const isWritten = (text: string): boolean => text.trim() !== "" && !isNotReported(text);

type ChoiceSpec = Extract<ChildrenSpec, { kind: "choice" }>;

/** The written options of a choice group: each boxed, and known (or a near miss the user can take). */
function checkOptions(ctx: RuleContext, written: readonly BoundOption[], choice: ChoiceSpec, label: string): void {
  const text = ctx.model.doc.text;
  for (const option of written) {
    // Most options are known and boxed: their text is needed only for a message.
    if (option.item.checkbox && option.option) continue;
    const optionText = text.slice(option.text.start, option.text.end);
    if (!option.item.checkbox) {
      ctx.report("checkbox.missing", option.item.content, `"${optionText}" is an option of ${label}; write it as a task item \`[ ] ${optionText}\` or \`[x] ${optionText}\`.`, {
        title: "Add an unchecked checkbox", edits: [{ span: { start: option.item.content.start, end: option.item.content.start }, newText: "[ ] " }], preferred: true, normalizes: true,
      });
    }
    if (option.option) continue;
    const known = choice.options.map((o) => o.label);
    const guess = didYouMean(optionText, known);
    if (guess) {
      ctx.report("choice.unknown-option", option.text, `Unknown option "${optionText}" for ${label}. Did you mean "${guess}"?`, { title: `Change to "${guess}"`, edits: [{ span: option.text, newText: guess }], preferred: true, replaces: [optionText] });
    } else {
      ctx.report("choice.unknown-option", option.text, `Unknown option "${optionText}" for ${label}. Known options: ${known.join(", ")}.`);
    }
  }
}

/** What is checked: at least one option, and only one where the group takes one. */
function checkSelection(ctx: RuleContext, field: BoundField, written: readonly BoundOption[], choice: ChoiceSpec, label: string): void {
  const text = ctx.model.doc.text;
  const checked = written.filter((o) => o.item.checkbox?.state === "checked");
  if (checked.length === 0) {
    ctx.report("choice.none-checked", field.label, `Check ${choice.selection === "single" ? "one option" : "at least one option"} of ${label} with \`[x]\`.`);
  } else if (checked.length > 1 && choice.selection === "single") {
    const keepOnly = (keep: BoundOption): Fix => ({
      title: `Keep only "${text.slice(keep.text.start, keep.text.end)}" checked`,
      edits: checked.filter((o) => o !== keep).map((o) => ({ span: o.item.checkbox!.span, newText: "[ ]" })),
    });
    for (const extra of checked) {
      ctx.report("choice.multiple-checked", extra.item.checkbox!.span, `${label} takes one option, but ${checked.length} are checked. Uncheck all but one.`, ...checked.map(keepOnly));
    }
  }
}

function checkChoice(ctx: RuleContext, field: BoundField, choice: ChoiceSpec): void {
  const text = ctx.model.doc.text;
  const label = displayName(field.spec);
  const written = field.options.filter((o) => isWritten(text.slice(o.text.start, o.text.end)));
  checkOptions(ctx, written, choice, label);
  // An option list that is only `/` says "not reported": nothing to check.
  if (field.options.length > 0 && written.length === 0) return;
  if (field.options.length === 0) {
    const options = renderChildren(field.spec, field.item.depth + 1, fixHoles(ctx.model));
    ctx.report("choice.none-checked", field.label, `${label} lists no options. Add them and check ${choice.selection === "single" ? "one" : "those that apply"}.`, {
      title: `Insert the options of ${label}`, edits: [insertAfter(ctx.model, field.item, options)], preferred: true,
    });
    return;
  }
  checkSelection(ctx, field, written, choice, label);
}

export const choiceRule: Rule = {
  name: "choice",
  codes: ["choice.unknown-option", "choice.none-checked", "choice.multiple-checked", "checkbox.missing"],
  check(ctx) {
    // The loop only picks the groups: a closure in its body would cost a context for every field.
    for (const field of ctx.model.fields) {
      if (field.spec.children?.kind === "choice") checkChoice(ctx, field, field.spec.children);
    }
  },
};
