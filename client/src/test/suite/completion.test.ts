// Completion inside a card offers what is missing where the cursor is.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import { CODEX, replaceLines } from "../cards";
import { closeEditors, find, openCard, serverCompletions, waitForCodes } from "./helpers";

/** Opens `text` as the card `name`, and once it shows `codes`, lists what completion offers at the end of `line`. */
async function labelsAtEndOf(name: string, text: string, codes: readonly string[], line: string): Promise<string[]> {
  const { document } = await openCard(name, text);
  await waitForCodes(document.uri, codes);
  return serverCompletions(document.uri, find(document, line).end);
}

describe("completion", () => {
  afterEach(closeEditors);

  test("on a new option line under 🌐Architecture offers only the architecture not listed yet", async () => {
    const text = replaceLines(CODEX, { "  + [ ] Encoder-Decoder": null, "  + [x] Decoder-Only": "  + [x] Decoder-Only\n  + " });
    assert.deepEqual(await labelsAtEndOf("completion-option", text, [], "  + "), ["Encoder-Decoder"]);
  });

  test("after `🔑Public: ` offers ✅ and ❌", async () => {
    const text = replaceLines(CODEX, { "- 🔑Public: ❌": "- 🔑Public: " });
    assert.deepEqual(await labelsAtEndOf("completion-public", text, ["value.empty"], "- 🔑Public: "), ["✅", "❌"]);
  });
});
