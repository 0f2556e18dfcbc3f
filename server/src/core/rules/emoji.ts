import { decodeMojibake, emojiBase, isMojibake } from "../text/emoji";
import type { Rule } from "./rule";

export const emojiRule: Rule = {
  name: "emoji",
  codes: ["emoji.missing", "emoji.wrong", "emoji.garbled", "emoji.variant"],
  check(ctx) {
    const text = ctx.model.doc.text;
    for (const field of ctx.model.fields) {
      const canonical = field.spec.emoji;
      // Nearly every field is written with the template's emoji (or none, as the template): compared in place.
      const { start, end } = field.emoji;
      if (end - start === (canonical ?? "").length && text.startsWith(canonical ?? "", start)) continue;
      const written = text.slice(start, end);
      const label = field.spec.label;
      if (written.trim() === (canonical ?? "")) continue;
      const restore = { span: field.emoji, newText: canonical ?? "" };
      if (canonical === undefined) {
        ctx.report("emoji.wrong", field.emoji, `${label} takes no emoji in the template. Remove "${written.trim()}".`, { title: `Remove "${written.trim()}"`, edits: [restore], preferred: true, normalizes: true, replaces: [written] });
      } else if (written.trim() === "") {
        ctx.report("emoji.missing", field.label, `${label} should start with its emoji ${canonical}.`, { title: `Add ${canonical}`, edits: [restore], preferred: true, normalizes: true, replaces: [written] });
      } else if (emojiBase(written) === emojiBase(canonical)) {
        ctx.report("emoji.variant", field.emoji, `${label}'s emoji is written as another form of ${canonical}; the template writes ${canonical}.`, { title: `Write ${canonical}`, edits: [restore], preferred: true, normalizes: true, replaces: [written] });
      } else if (isMojibake(written) || emojiBase(decodeMojibake(written)) === emojiBase(canonical)) {
        ctx.report("emoji.garbled", field.emoji, `${label}'s emoji is garbled ("${written}": UTF-8 read as Windows-1252). Restore ${canonical}.`, { title: `Restore ${canonical}`, edits: [restore], preferred: true, normalizes: true, replaces: [written] });
      } else {
        ctx.report("emoji.wrong", field.emoji, `${label} should start with ${canonical}, not ${written.trim()}.`, { title: `Replace with ${canonical}`, edits: [restore], preferred: true, normalizes: true, replaces: [written] });
      }
    }
  },
};
