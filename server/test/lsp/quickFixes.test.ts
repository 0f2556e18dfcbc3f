// One slip per case in an otherwise clean card: the user sees the right diagnostic where the slip is,
// the quick fix repairs exactly that text, and the card is clean again.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cardUri, CODEX, messageOf, rangeOf, replaceLine, useServer } from "./client";

const lsp = useServer();

interface Slip {
  readonly name: string;
  /** The line of the Codex card to change, what it becomes, and what the fix makes of it. */
  readonly line: string;
  readonly broken: string;
  readonly fixed: string;
  readonly code: string;
  /** Where each diagnostic is, as [line of the broken text, fragment on it]. */
  readonly at: readonly (readonly [line: string, fragment: string])[];
  /** What the message tells the user to do. */
  readonly says: RegExp;
  readonly fix: string;
}

const slips: readonly Slip[] = [
  {
    name: "a yes/no value written as √",
    line: "- 🔑Public: ❌", broken: "- 🔑Public: √", fixed: "- 🔑Public: ✅",
    code: "value.boolean", at: [["- 🔑Public: √", "√"]], says: /write ✅ or ❌/, fix: "Change to ✅",
  },
  {
    name: "an uppercase [X]",
    line: "  + [x] Decoder-Only", broken: "  + [X] Decoder-Only", fixed: "  + [x] Decoder-Only",
    code: "checkbox.uppercase", at: [["  + [X] Decoder-Only", "[X]"]], says: /`\[x\]`/, fix: "Change to [x]",
  },
  {
    name: "a checkbox without its space []",
    line: "  + [ ] Encoder-Decoder", broken: "  + [] Encoder-Decoder", fixed: "  + [ ] Encoder-Decoder",
    code: "checkbox.malformed", at: [["  + [] Encoder-Decoder", "[]"]], says: /write `\[ \]` or `\[x\]`/, fix: "Change to [ ]",
  },
  {
    name: "two architectures checked",
    line: "  + [ ] Encoder-Decoder", broken: "  + [x] Encoder-Decoder", fixed: "  + [ ] Encoder-Decoder",
    code: "choice.multiple-checked", at: [["  + [x] Encoder-Decoder", "[x]"], ["  + [x] Decoder-Only", "[x]"]], says: /Uncheck all but one/,
    fix: 'Keep only "Decoder-Only" checked',
  },
  {
    name: "an emoji garbled into mojibake",
    line: "- 🔑Public: ❌", broken: "- ğŸ”‘Public: ✅", fixed: "- 🔑Public: ✅",
    code: "emoji.garbled", at: [["- ğŸ”‘Public: ✅", "ğŸ”‘"]], says: /Restore 🔑/, fix: "Restore 🔑",
  },
];

void describe("quick fixes", () => {
  for (const slip of slips) {
    test(`${slip.name}: ${slip.code}, fixed by "${slip.fix}"`, async () => {
      const broken = replaceLine(CODEX, slip.line, slip.broken);
      const uri = cardUri(slip.code);
      await lsp.client.open(uri, broken);

      const diagnostics = await lsp.client.settledDiagnostics(uri);
      assert.deepEqual(
        diagnostics.map((d) => ({ code: d.code, range: d.range, source: d.source })),
        slip.at.map(([line, fragment]) => ({ code: slip.code, range: rangeOf(broken, line, fragment), source: "model-cards" })),
      );
      for (const diagnostic of diagnostics) assert.match(messageOf(diagnostic), slip.says);

      const action = await lsp.client.quickFix(uri, diagnostics[0]!, slip.fix);
      assert.ok(action.edit, "the quick fix carries its edit");
      await lsp.client.applyWorkspaceEdit(action.edit);
      assert.equal(lsp.client.text(uri), replaceLine(CODEX, slip.line, slip.fixed));
      assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
    });
  }
});
