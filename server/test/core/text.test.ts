import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseDocument } from "../../src/core/parse/document";
import { namedOn, postDate } from "../../src/core/text/dates";
import { decodeMojibake, emojiBase, isMojibake } from "../../src/core/text/emoji";
import { detectEol, splitLines } from "../../src/core/text/lines";
import { Positions } from "../../src/core/text/positions";

/** Checks a function against a table of input → expected output. */
function table<I, O>(fn: (input: I) => O, rows: readonly (readonly [I, O])[]): void {
  for (const [input, expected] of rows) assert.deepEqual(fn(input), expected, JSON.stringify(input));
}

/** Lines as `[start, end, next]` triples: shorter to read in a table than objects. */
const triples = (text: string): number[][] => splitLines(text).map((l) => [l.start, l.end, l.next]);

describe("splitLines", () => {
  const cases: readonly { name: string; text: string; lines: number[][] }[] = [
    { name: "empty text is one empty line", text: "", lines: [[0, 0, 0]] },
    { name: "LF", text: "ab\ncd\n", lines: [[0, 2, 3], [3, 5, 6], [6, 6, 6]] },
    { name: "CRLF", text: "ab\r\ncd\r\n", lines: [[0, 2, 4], [4, 6, 8], [8, 8, 8]] },
    { name: "lone CR", text: "ab\rcd", lines: [[0, 2, 3], [3, 5, 5]] },
    { name: "mixed LF, CRLF and CR", text: "a\nb\r\nc\rd", lines: [[0, 1, 2], [2, 3, 5], [5, 6, 7], [7, 8, 8]] },
    { name: "no final line break", text: "ab\ncd", lines: [[0, 2, 3], [3, 5, 5]] },
    { name: "only a line break", text: "\n", lines: [[0, 0, 1], [1, 1, 1]] },
    { name: "CR then LF then CR: CRLF is one break, the last CR another", text: "\r\n\r", lines: [[0, 0, 2], [2, 2, 3], [3, 3, 3]] },
  ];
  for (const c of cases) test(c.name, () => { assert.deepEqual(triples(c.text), c.lines); });

  test("detectEol follows the first line break", () => {
    table((text: string) => detectEol(text, splitLines(text)[0]!), [["a\r\nb\nc", "\r\n"], ["a\nb\r\nc", "\n"], ["\r\n", "\r\n"], ["a\rb\rc", "\r"], ["no break", "\n"], ["", "\n"]]);
  });
});

describe("post dates", () => {
  test("namedOn is the quick yes of postDate: a name starting with the day, unescaped; anything else is read in full", () => {
    const posts = "file:///site/_posts/";
    table(([uri, day]: readonly [string, string]) => [namedOn(uri, day), postDate(uri) === day], [
      [[`${posts}2021-07-07-Codex.md`, "2021-07-07"], [true, true]],
      [["2021-07-07-Codex.md", "2021-07-07"], [true, true]],
      [[`${posts}2021-07-07-Codex.md`, "2021-07-08"], [false, false]],
      [[`${posts}2021-07-07.md`, "2021-07-07"], [false, false]],
      [[`${posts}2021-07-077-Codex.md`, "2021-07-07"], [false, false]],
      [[`${posts}2021-7-7-Codex.md`, "2021-07-07"], [false, true]],
      [[`${posts}2021-07-07-a%2F2020-01-01-b.md`, "2021-07-07"], [false, false]],
      [[`${posts}2021-07-07-Caf%C3%A9.md`, "2021-07-07"], [false, true]],
      [["file:///site/2021-07-07-x/_posts/Codex.md", "2021-07-07"], [false, false]],
    ]);
  });
});

describe("Positions", () => {
  const positionsOf = (text: string): Positions => new Positions(parseDocument(text).lines);

  test("CRLF: the CR belongs to no character position, and positions round-trip", () => {
    const text = "ab\r\ncd\r\n";
    const p = positionsOf(text);
    assert.deepEqual(p.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(p.positionAt(3), { line: 0, character: 2 }, "between CR and LF clamps to the line end");
    assert.deepEqual(p.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(p.positionAt(8), { line: 2, character: 0 });
    for (const offset of [0, 1, 2, 4, 5, 6, 8]) assert.equal(p.offsetAt(p.positionAt(offset)), offset);
    assert.equal(p.offsetAt({ line: 0, character: 3 }), 2, "past the line end clamps before the CR");
  });

  test("an emoji with ZWJ counts its 5 UTF-16 units, as the editor does", () => {
    const text = "- 🏃‍♀️Training\n  + hardware: x";
    assert.equal("🏃‍♀️".length, 5);
    const p = positionsOf(text);
    const label = text.indexOf("Training");
    assert.deepEqual(p.positionAt(label), { line: 0, character: 7 });
    assert.equal(p.offsetAt({ line: 0, character: 7 }), label);
    assert.deepEqual(p.range({ start: 2, end: label }), { start: { line: 0, character: 2 }, end: { line: 0, character: 7 } });
  });

  test("a BOM is character 0 of line 0", () => {
    const text = "\ufeff---\ntitle: x\n---\n";
    const p = positionsOf(text);
    assert.deepEqual(p.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(p.positionAt(1), { line: 0, character: 1 });
    assert.equal(p.offsetAt({ line: 0, character: 0 }), 0);
    assert.equal(p.offsetAt({ line: 0, character: 4 }), 4, "the line's end is after the BOM and `---`");
    assert.deepEqual(p.positionAt(text.indexOf("title")), { line: 1, character: 0 });
  });

  test("positions past a line's end or the document's end clamp", () => {
    const text = "ab\ncd";
    const p = positionsOf(text);
    assert.equal(p.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(p.offsetAt({ line: 9, character: 0 }), text.length);
    assert.equal(p.offsetAt({ line: 9, character: 99 }), text.length);
    assert.equal(p.offsetAt({ line: -1, character: 5 }), 0);
    assert.equal(p.offsetAt({ line: 1, character: -3 }), 3);
    assert.deepEqual(p.positionAt(999), { line: 1, character: 2 });
    assert.deepEqual(p.span({ start: { line: 0, character: 1 }, end: { line: 7, character: 7 } }), { start: 1, end: text.length });
  });

  test("the empty document has one position", () => {
    const p = positionsOf("");
    assert.deepEqual(p.positionAt(0), { line: 0, character: 0 });
    assert.equal(p.offsetAt({ line: 3, character: 3 }), 0);
  });
});

describe("emoji helpers", () => {
  test("emojiBase is the same for every ZWJ and variation-selector form", () => {
    assert.equal(emojiBase("🏃‍♀️"), emojiBase("🏃♀️"));
    assert.equal(emojiBase("🏃‍♀️"), emojiBase("🏃"));
    assert.equal(emojiBase("🗂️"), emojiBase("🗂"));
    assert.equal(emojiBase(" 📙 "), "📙");
    assert.notEqual(emojiBase("📙"), emojiBase("📚"));
  });

  test("isMojibake recognises UTF-8 read as Windows-1252 or -1254, even with a byte lost", () => {
    // 🔑 through Windows-1254, 📙 and ✅ through Windows-1252, then a lost byte and one replaced by U+FFFD.
    table(isMojibake, [["ğŸ”‘", true], ["ðŸ“™", true], ["âœ…", true], ["ğŸ”", true], ["ðŸ\ufffd™", true]]);
  });

  test("isMojibake is false for real emoji, plain text and nothing", () => {
    table(isMojibake, [["🔑", false], ["📙", false], ["✅", false], ["🏃‍♀️", false], ["Paper", false], ["", false], ["  ", false], ["?", false]]);
  });

  test("decodeMojibake restores the emoji and passes other text through", () => {
    // A lost byte decodes as U+FFFD, never as a wrong emoji.
    table(decodeMojibake, [["ğŸ”‘", "🔑"], ["ðŸ“™", "📙"], ["âœ…", "✅"], ["ðŸ“™Paper: x", "📙Paper: x"], ["Paper", "Paper"], ["ğŸ”", "\ufffd"]]);
  });
});
