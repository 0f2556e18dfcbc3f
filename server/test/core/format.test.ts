import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { format } from "../../src/core/features/format";
import { parseDocument } from "../../src/core/parse/document";
import type { Span } from "../../src/core/text/span";
import { analyzeCard, corpusPosts, LINE_ENDINGS, toCrlf } from "./helpers";

const FRONT = "---\ntitle: TinyCoder\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [models]\n---\n";

/** Formats as the editor does: the edits the server returns, applied to the text. */
function formatted(text: string, range?: Span): string {
  const analysis = analyzeCard(text);
  let out = text;
  for (const edit of format(analysis, range).reverse()) {
    const span = analysis.positions.span(edit.range);
    out = out.slice(0, span.start) + edit.newText + out.slice(span.end);
  }
  return out;
}

/**
 * Formatting may change markers, checkboxes and whitespace, and move whole fields; every other
 * character must survive, so the sorted characters of the bullet texts and other lines are equal.
 */
function words(text: string): string {
  const kept = text.split(/\r\n|\r|\n/).map((line) => line.replace(/^\s*[-+*](?=\s|$)\s*(\[[^\]]{0,3}\]\s*)?/u, "")).join("");
  // Code points, not UTF-16 units: an emoji stays one element however the sort moves it.
  return Array.from(kept)
    .filter((ch) => !/\s/u.test(ch))
    .sort()
    .join("");
}

const CASES: readonly { name: string; input: string; expected: string }[] = [
  { name: "markers per level", input: "* 📙Paper: /\n- 🌐Architecture\n  - [ ] Encoder-Decoder\n  * [x] Decoder-Only\n", expected: "- 📙Paper: /\n- 🌐Architecture\n  + [ ] Encoder-Decoder\n  + [x] Decoder-Only\n" },
  { name: "indent per level, tabs included", input: "- 🍉Tokenizer\n\t+ Technology\n     * [x] SentencePiece\n", expected: "- 🍉Tokenizer\n  + Technology\n    * [x] SentencePiece\n" },
  { name: "one space after marker, checkbox and colon", input: "- 📚Publisher :   `arxiv`\n-   🔑Public:✅\n- 🌐Architecture\n  +  [x]   Decoder-Only\n  + [ ]Encoder-Decoder\n", expected: "- 📚Publisher: `arxiv`\n- 🔑Public: ✅\n- 🌐Architecture\n  + [x] Decoder-Only\n  + [ ] Encoder-Decoder\n" },
  { name: "canonical checkboxes", input: "- 🌐Architecture\n  + [X] Decoder-Only\n  + [] Encoder-Decoder\n  + [ x] Other\n", expected: "- 🌐Architecture\n  + [x] Decoder-Only\n  + [ ] Encoder-Decoder\n  + [x] Other\n" },
  {
    name: "fields in template order, children and attached text moving with them",
    input: "- 🔑Public: ✅\n- 📏Model Size\n  + `1B`\n  more about sizes\n- 📙Paper: [P](https://example.org/p)\n",
    expected: "- 📙Paper: [P](https://example.org/p)\n- 🔑Public: ✅\n- 📏Model Size\n  + `1B`\n  more about sizes\n",
  },
  {
    name: "one field written too early moves down, and the fields after it stay",
    input: "- 🔑Public: ✅\n- 📙Paper: /\n- 📚Publisher: /\n", expected: "- 📙Paper: /\n- 📚Publisher: /\n- 🔑Public: ✅\n",
  },
  { name: "a value's own spacing is kept", input: "- 🏠Author Affiliation: `A`;   `B`  (joint)\n", expected: "- 🏠Author Affiliation: `A`;   `B`  (joint)\n" },
];

describe("formatting", () => {
  for (const row of CASES) {
    for (const eol of LINE_ENDINGS) {
      test(`${row.name} (${eol.name})`, () => {
        assert.equal(formatted(eol.convert(FRONT + row.input)), eol.convert(FRONT + row.expected));
      });
    }
  }

  test("a canonical card gets no edit", () => {
    assert.deepEqual(format(analyzeCard(FRONT + CASES[0]!.expected)), []);
  });

  test("range formatting touches only the bullet lines in the range and moves nothing", () => {
    const text = FRONT + "- 🔑Public: ✅\n* 📙Paper: /\n   + x\n";
    const start = text.indexOf("* 📙");
    const out = formatted(text, { start, end: start + 3 });
    assert.equal(out, FRONT + "- 🔑Public: ✅\n- 📙Paper: /\n   + x\n");
  });

  test("markdown that is not a card is never formatted", () => {
    assert.deepEqual(format(analyzeCard("# Notes\n* a\n   - b\n")), []);
  });

  const posts = corpusPosts().filter((p) => analyzeCard(p.text, { uri: p.uri }).model);
  test("every corpus card formats idempotently, keeps every character, and keeps its fields", { skip: posts.length === 0 ? "no corpus" : false }, () => {
    for (const { name, text } of posts) {
      for (const input of [text, toCrlf(text)]) {
        const once = formatted(input);
        assert.equal(formatted(once), once, `${name}: formatting twice changes the text`);
        assert.equal(words(once), words(input), `${name}: formatting lost or added characters`);
        const fields = (t: string): string[] => parseDocument(t).items.map((i) => t.slice(i.content.start, i.content.end).replace(/\s+/g, " ")).sort();
        assert.deepEqual(fields(once), fields(input), `${name}: formatting changed a bullet's text`);
      }
    }
  });
});
