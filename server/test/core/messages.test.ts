// Messages as a newcomer to the card format reads them: each says what the line has and what it
// should have, in the words of a card's author.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CompletionItem } from "vscode-languageserver-types";
import { complete } from "../../src/core/features/completion";
import { analyzeCard, readFixture } from "./helpers";

const CODEX = readFixture("../codex.md");

const messages = (text: string, code: string): string[] => analyzeCard(text).problems.filter((p) => p.code === code).map((p) => p.message);

void describe("messages say what is written and what is wanted", () => {
  const indents: readonly [name: string, from: string, to: string, message: string][] = [
    ["a level-2 bullet indented by 4", "  + `12M`", "    + `12M`", "A level-2 bullet is indented by 2 spaces (two per level); this one has 4 spaces."],
    ["a level-2 bullet indented by a tab", "  + `12M`", "\t+ `12M`", "A level-2 bullet is indented by 2 spaces (two per level); this one has 1 tab."],
    ["a level-3 bullet indented by 3", "    * [ ] SentencePiece", "   * [ ] SentencePiece", "A level-3 bullet is indented by 4 spaces (two per level); this one has 3 spaces."],
    ["a top-level bullet indented by 1", "- 🔑Public: ❌", " - 🔑Public: ❌", "A top-level bullet is not indented; this one has 1 space."],
  ];
  for (const [name, from, to, message] of indents) {
    test(`list.indent: ${name}`, () => {
      assert.deepEqual(messages(CODEX.replace(from, to), "list.indent"), [message]);
    });
  }

  test("list.marker names the marker written and the template's", () => {
    assert.deepEqual(messages(CODEX.replace("  + [x] Decoder-Only", "  * [x] Decoder-Only"), "list.marker"), ["A level-2 bullet starts with `+` in the template; this one starts with `*`."]);
  });

  test("checkbox.uppercase says [X] works, and what the template writes", () => {
    assert.deepEqual(messages(CODEX.replace("  + [x] Decoder-Only", "  + [X] Decoder-Only"), "checkbox.uppercase"), ["`[X]` works, but the template writes checked boxes in lowercase: `[x]`."]);
  });

  test("a missing field's completion says what the field takes, not the schema's kind", () => {
    const text = CODEX.replace("- 🔑Public: ❌\n", "").replace("- 🌐Architecture\n  + [ ] Encoder-Decoder\n  + [x] Decoder-Only\n", "");
    const offset = text.indexOf("- 📏Model Size");
    const items: CompletionItem[] = complete(analyzeCard(text.slice(0, offset) + "\n" + text.slice(offset)), offset, new Date());
    const detail = (label: string): string | undefined => items.find((i) => i.label === label)?.detail;
    assert.equal(detail("🔑Public"), "✅ or ❌");
    assert.equal(detail("🌐Architecture"), "check one option");
  });
});
