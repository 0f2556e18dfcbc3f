/**
 * Fixes as tables of input → expected output, markdownlint style. Every row runs with LF and with
 * CRLF line endings, and every applied fix must keep the nothing-lost rule (helpers.ts).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Code } from "../../src/core/rules/codes";
import { findLoss } from "../../src/core/text/nothingLost";
import { analyzeCard, applyFixFor, codesOf, LINE_ENDINGS, readFixture, replaceBlock, type CardOptions } from "./helpers";

const frontMatter = (tags: string, ...extra: string[]): string[] =>
  ["---", "title: TinyCoder", "author: coder", "date: 2021-07-07 00:00:00 +0800", "categories: [arxiv]", `tags: [${tags}]`, ...extra, "---", ""];

/** A model card with just these body lines (the rows only look at the one problem they fix). */
const card = (...body: string[]): string => [...frontMatter("models"), ...body, ""].join("\n");
const benchmark = (...body: string[]): string => [...frontMatter("benchmarks"), ...body, ""].join("\n");
const withoutFinalNewline = (text: string): string => text.replace(/\n$/, "");
const architecture = (encoder: string, decoder: string): string[] => ["- 🌐Architecture", `  + ${encoder} Encoder-Decoder`, `  + ${decoder} Decoder-Only`];

/** What the quick fixes insert for each missing top-level field of a model card. */
const SKELETON = {
  architecture: ["- 🌐Architecture", "  + [ ] Encoder-Decoder", "  + [ ] Decoder-Only"],
  modelSize: ["- 📏Model Size", "  + /"],
  dataPreprocessing: ["- 🗂️Data pre-processing", "  + Data Resource", "    * /", "  + De-duplication: /", "  + Filter Strategies", "    * /"],
  tokenizer: ["- 🍉Tokenizer", "  + Technology", "    * [ ] Byte-level Byte-Pair-Encoding (BBPE)", "    * [ ] SentencePiece", "  + Details", "    * /"],
  hyperparameters: [
    "- 🧪Hyperparameters (TinyCoder)",
    "  + optimizer: /", "    * betas: /", "    * eps: /",
    "  + batch size: /", "  + context window: /", "  + gradient accumulation steps: /", "  + warmup steps: /",
    "  + learning rate: /", "  + weight decay: /",
    "  + decay schedule", "    * [ ] Cosine", "    * [ ] Linear", "    * [ ] Polynomial", "    * [ ] Inverse Square",
    "  + precision floating point: /",
  ],
  training: [
    "- 🏃‍♀️Training",
    "  + model initialization: /",
    "  + training strategies", "    * [ ] left-to-right", "    * [ ] fill-in-the-middle",
    "  + trained tokens/steps: /", "  + hardware: /", "  + training time: /",
  ],
};

const FIRST_FOUR = ["- 📙Paper: [TinyCoder](https://arxiv.org/abs/2101.00001)", "- 📚Publisher: `arxiv`", "- 🏠Author Affiliation: `Example Lab`", "- 🔑Public: ✅"];

const MODEL = readFixture("model-clean.md");
const BENCHMARK = readFixture("benchmark-clean.md");

const OUT_OF_ORDER = ["- 📙Paper: [TinyCoder](https://arxiv.org/abs/2101.00001)", "- 🍉Tokenizer", "  + Technology", "    * [x] SentencePiece", "- 🗂️Data pre-processing", "  + Data Resource", "    * source files", "      from GitHub", "  + De-duplication: ✅"];
const IN_ORDER = ["- 📙Paper: [TinyCoder](https://arxiv.org/abs/2101.00001)", "- 🗂️Data pre-processing", "  + Data Resource", "    * source files", "      from GitHub", "  + De-duplication: ✅", "- 🍉Tokenizer", "  + Technology", "    * [x] SentencePiece"];

interface FixCase extends CardOptions {
  readonly name: string;
  readonly code: Code;
  /** The fix's title; the preferred fix when omitted. */
  readonly title?: string;
  readonly input: string;
  readonly expected: string;
  /** Set for a known bug: the row documents the right output until the core is fixed. */
}

const CASES: readonly FixCase[] = [
  // Structure
  {
    name: "a missing Tokenizer goes between Data pre-processing and Hyperparameters", code: "section.missing",
    input: replaceBlock(MODEL, "- 🍉Tokenizer", []), expected: replaceBlock(MODEL, "- 🍉Tokenizer", SKELETON.tokenizer),
  },
  {
    name: "a missing last field is added after a last line that has no line break", code: "field.missing",
    input: withoutFinalNewline(replaceBlock(BENCHMARK, "- Scenario", [])), expected: withoutFinalNewline(replaceBlock(BENCHMARK, "- Scenario", ["- Scenario: /"])),
  },
  {
    name: "insert all missing fields writes every field in template order", code: "field.missing", title: "Insert all 6 missing fields",
    input: card(...FIRST_FOUR), expected: card(...FIRST_FOUR, ...Object.values(SKELETON).flat()),
  },
  {
    name: "a missing choice group's options are inserted unchecked", code: "choice.none-checked",
    input: card("- 🌐Architecture", "- 📏Model Size"), expected: card(...SKELETON.architecture, "- 📏Model Size"),
  },
  { name: "an out-of-order field moves with its children and continuation lines", code: "field.order", input: card(...OUT_OF_ORDER), expected: card(...IN_ORDER) },
  {
    name: "an out-of-order field at the end of a file without a final line break moves too", code: "field.order",
    input: withoutFinalNewline(card(...OUT_OF_ORDER)), expected: withoutFinalNewline(card(...IN_ORDER)),
  },
  {
    name: "a misspelt field label is corrected", code: "field.unknown",
    input: card("- 📙Paper: [T](https://example.org/t)", "- 📚Publsher: `arxiv`"), expected: card("- 📙Paper: [T](https://example.org/t)", "- 📚Publisher: `arxiv`"),
  },
  // Values
  { name: "√ becomes ✅ and the note stays", code: "value.boolean", input: card("- 🔑Public: √ (on request)"), expected: card("- 🔑Public: ✅ (on request)") },
  { name: "× becomes ❌", code: "value.boolean", input: card("- 🔑Public: ×"), expected: card("- 🔑Public: ❌") },
  { name: "mojibake âœ… becomes ✅", code: "value.boolean", input: card("- 🔑Public: âœ…"), expected: card("- 🔑Public: ✅") },
  { name: "yes becomes ✅", code: "value.boolean", input: benchmark("- Data Statistics", "  + Test Case: yes"), expected: benchmark("- Data Statistics", "  + Test Case: ✅") },
  {
    name: "a bare URL becomes a markdown link", code: "value.link",
    input: card("- 📙Paper: https://arxiv.org/abs/2101.00001"), expected: card("- 📙Paper: [https://arxiv.org/abs/2101.00001](https://arxiv.org/abs/2101.00001)"),
  },
  { name: "a precision typo is corrected inside its backticks", code: "value.unknown", input: card("- 🧪Hyperparameters (T 1B)", "  + precision floating point: `bp16`"), expected: card("- 🧪Hyperparameters (T 1B)", "  + precision floating point: `bf16`") },
  { name: "an empty value after a colon is marked not reported", code: "value.empty", title: "Mark as not reported (/)", input: card("- 📚Publisher:"), expected: card("- 📚Publisher: /") },
  { name: "a value-less label gets `: /`", code: "value.empty", title: "Mark as not reported (/)", input: card("- 🔑Public"), expected: card("- 🔑Public: /") },
  // Checkboxes and choices
  { name: "[] becomes [ ]", code: "checkbox.malformed", input: card("- 🌐Architecture", "  + [] Encoder-Decoder", "  + [x] Decoder-Only"), expected: card(...architecture("[ ]", "[x]")) },
  { name: "[ x] becomes [x]", code: "checkbox.malformed", input: card("- 🌐Architecture", "  + [ ] Encoder-Decoder", "  + [ x] Decoder-Only"), expected: card(...architecture("[ ]", "[x]")) },
  { name: "[X] becomes [x]", code: "checkbox.uppercase", input: card("- 🌐Architecture", "  + [ ] Encoder-Decoder", "  + [X] Decoder-Only"), expected: card(...architecture("[ ]", "[x]")) },
  { name: "an option without a checkbox gets [ ]", code: "checkbox.missing", input: card("- 🌐Architecture", "  + Encoder-Decoder", "  + [x] Decoder-Only"), expected: card(...architecture("[ ]", "[x]")) },
  {
    name: "keep only one checked option", code: "choice.multiple-checked", title: 'Keep only "Decoder-Only" checked',
    input: card("- 🌐Architecture", "  + [x] Encoder-Decoder", "  + [x] Decoder-Only"), expected: card(...architecture("[ ]", "[x]")),
  },
  {
    name: "a misspelt option is corrected", code: "choice.unknown-option",
    input: card("- 🏃‍♀️Training", "  + training strategies", "    * [x] fill-in-teh-middle"), expected: card("- 🏃‍♀️Training", "  + training strategies", "    * [x] fill-in-the-middle"),
  },
  // Emoji
  { name: "a missing emoji is added", code: "emoji.missing", input: card("- Publisher: `arxiv`"), expected: card("- 📚Publisher: `arxiv`") },
  { name: "a wrong emoji is replaced", code: "emoji.wrong", input: card("- 📗Paper: [T](https://example.org/t)"), expected: card("- 📙Paper: [T](https://example.org/t)") },
  { name: "an emoji on a field that takes none is removed", code: "emoji.wrong", input: card("- 🍉Tokenizer", "  + ✨Details", "    * x"), expected: card("- 🍉Tokenizer", "  + Details", "    * x") },
  { name: "garbled ğŸ”‘ is restored to 🔑", code: "emoji.garbled", input: card("- ğŸ”‘Public: ✅"), expected: card("- 🔑Public: ✅") },
  { name: "garbled emoji with a lost byte is restored", code: "emoji.garbled", input: card("- ðŸ Author Affiliation: `X`"), expected: card("- 🏠Author Affiliation: `X`") },
  { name: "🏃♀️ without the joiner becomes 🏃‍♀️", code: "emoji.variant", input: card("- 🏃♀️Training"), expected: card("- 🏃‍♀️Training") },
  { name: "🏃 alone becomes 🏃‍♀️", code: "emoji.variant", input: card("- 🏃Training"), expected: card("- 🏃‍♀️Training") },
  { name: "🗂 without the variation selector becomes 🗂️", code: "emoji.variant", input: card("- 🗂Data pre-processing"), expected: card("- 🗂️Data pre-processing") },
  // Lists
  { name: "a level-1 * becomes -", code: "list.marker", input: card("* 📚Publisher: `arxiv`"), expected: card("- 📚Publisher: `arxiv`") },
  { name: "a level-2 - becomes +", code: "list.marker", input: card("- 📏Model Size", "  - `1B`"), expected: card("- 📏Model Size", "  + `1B`") },
  { name: "four spaces at level 2 become two", code: "list.indent", input: card("- 📏Model Size", "    + `1B`"), expected: card("- 📏Model Size", "  + `1B`") },
  { name: "a tab at level 2 becomes two spaces", code: "list.indent", input: card("- 📏Model Size", "\t+ `1B`"), expected: card("- 📏Model Size", "  + `1B`") },
  // Front matter
  {
    name: "a missing front matter key is added before the closing ---", code: "front-matter.missing-key", title: "Add `author`",
    input: card().replace("author: coder\n", ""), expected: card().replace("author: coder\n", "").replace("tags: [models]\n", "tags: [models]\nauthor: \n"),
  },
  {
    name: "a card without front matter gets one", code: "front-matter.missing-key", forcedCard: true,
    input: "- 📙Paper: [T](https://example.org/t)\n", expected: "---\ntitle: TinyCoder\nauthor: \ndate: 2021-07-07 00:00:00 +0000\ncategories: []\ntags: [models]\n---\n- 📙Paper: [T](https://example.org/t)\n",
  },
  {
    name: "a date that disagrees with the file name takes the file name's", code: "front-matter.date-filename", uri: "file:///site/_posts/2021-07-07-Codex.md",
    input: card().replace("2021-07-07 00", "2021-07-08 00"), expected: card(),
  },
  {
    name: "a file name with a one-digit month and day still dates the post", code: "front-matter.date-filename", uri: "file:///site/_posts/2021-7-7-Codex.md",
    input: card().replace("2021-07-07 00", "2021-07-08 00"), expected: card(),
  },
  { name: "a day without time gets a time", code: "front-matter.date", input: card().replace("2021-07-07 00:00:00 +0800", "2021-07-07"), expected: card().replace("+0800", "+0000") },
  {
    name: "a quoted date that disagrees with the file name keeps its quotes", code: "front-matter.date-filename", uri: "file:///site/_posts/2021-07-07-Codex.md",
    input: card().replace("2021-07-07 00:00:00 +0800", '"2021-07-08 00:00:00 +0800"'), expected: card().replace("2021-07-07 00:00:00 +0800", '"2021-07-07 00:00:00 +0800"'),
  },
  {
    name: "a quoted day gets its time inside the quotes", code: "front-matter.date",
    input: card().replace("2021-07-07 00:00:00 +0800", '"2021-07-07"'), expected: card().replace("2021-07-07 00:00:00 +0800", '"2021-07-07 00:00:00 +0000"'),
  },
  {
    name: "missing tags on a file checked as a benchmark card get [benchmarks]", code: "front-matter.missing-key", title: "Add `tags`", forcedCard: true,
    input: benchmark("- 🗂️Benchmark Name: [T](https://example.org/t)").replace("tags: [benchmarks]\n", ""),
    expected: benchmark("- 🗂️Benchmark Name: [T](https://example.org/t)").replace("tags: [benchmarks]\n", "").replace("---\n\n", "tags: [benchmarks]\n---\n\n"),
  },
];

describe("fixes: input → expected output", () => {
  for (const row of CASES) {
    for (const eol of LINE_ENDINGS) {
      test(`${row.name} (${eol.name})`, () => {
        assert.equal(applyFixFor(eol.convert(row.input), row.code, row), eol.convert(row.expected));
      });
    }
  }
});

describe("fixes: what the fixed card is", () => {
  test("after inserting all missing fields no field or section is missing", () => {
    const fixed = applyFixFor(card(...FIRST_FOUR), "field.missing", { title: "Insert all 6 missing fields" });
    const codes = codesOf(analyzeCard(fixed));
    assert.deepEqual(codes.filter((c) => c === "field.missing" || c === "section.missing"), []);
  });

  test("the inserted front matter raises no front matter problem of its own", () => {
    const fixed = applyFixFor("- 📙Paper: [T](https://example.org/t)\n", "front-matter.missing-key", { forcedCard: true });
    assert.deepEqual(codesOf(analyzeCard(fixed, { forcedCard: true })).filter((c) => c.startsWith("front-matter.")), []);
  });

  describe("front matter keys added to 2022-03-04-TinyEval.md", () => {
    const uri = "file:///site/_posts/2022-03-04-TinyEval.md";
    const without = (key: string): string => benchmark("- 🗂️Benchmark Name: [T](https://example.org/t)").replace(/^(title|date): .*\n/gm, (line, k) => (k === key ? "" : line));

    test("an added date is the file name's date", () => {
      const fixed = applyFixFor(without("date"), "front-matter.missing-key", { uri, title: "Add `date`" });
      assert.match(fixed, /^date: 2022-03-04 /m);
    });

    test("an added title is not another model's name", () => {
      const fixed = applyFixFor(without("title"), "front-matter.missing-key", { uri, title: "Add `title`" });
      assert.doesNotMatch(fixed, /^title: Codex$/m);
    });
  });

  test("with an unclosed front matter there is no body, so only the front matter is reported and nothing is inserted into the YAML", () => {
    const input = "---\ntitle: TinyCoder\ntags: [models]\n\n- 📙Paper: [T](https://example.org/t)\n";
    const analysis = analyzeCard(input);
    assert.deepEqual(codesOf(analysis), ["front-matter.syntax"]);
    assert.deepEqual(analysis.problems.flatMap((p) => p.fixes), []);
  });
});

describe("the nothing-lost rule", () => {
  const edit = (start: number, end: number, newText: string): { span: { start: number; end: number }; newText: string } => ({ span: { start, end }, newText });
  const lost = (text: string, edits: readonly { span: { start: number; end: number }; newText: string }[], replaces: readonly string[] = []): string | undefined => findLoss(text, edits, replaces)?.token;

  test("accepts the forms the card format normalises: ✅, markers, checkboxes, indents, emoji and their mojibake, the full-width colon", () => {
    assert.equal(lost("- a: √\n", [edit(5, 6, "✅")]), undefined);
    assert.equal(lost("- a\n    + b\n", [edit(4, 8, "  ")]), undefined);
    assert.equal(lost("- a\n  * b\n", [edit(6, 7, "+")]), undefined);
    assert.equal(lost("  + [X] Cosine\n", [edit(4, 7, "[x]")]), undefined);
    assert.equal(lost("- 🏃♀️Training\n", [edit(2, 6, "🏃‍♀️")]), undefined);
    assert.equal(lost("- ðŸ”‘Public: ✅\n", [edit(2, 6, "🔑")]), undefined);
    assert.equal(lost("- Public：√\n", [edit(2, 9, "🔑Public: ")]), undefined);
  });

  test("accepts moves: the card keeps every word, wherever it stands", () => {
    assert.equal(lost("- b\n- a\n", [edit(4, 8, ""), edit(0, 0, "- a\n")]), undefined);
    assert.equal(lost("- b\r- a\r", [edit(4, 8, ""), edit(0, 0, "- a\r")]), undefined);
  });

  test("rejects a fix that drops a word or a character, inside what it replaces too", () => {
    assert.equal(lost("- a: b c\n", [edit(5, 8, "x")]), "b");
    assert.equal(lost("  + weight decay 0.1\n", [edit(4, 20, "weight decay")]), "0");
    assert.equal(lost("- 🔑Public：√\n", [edit(2, 12, "🔑Public")]), ":");
    assert.equal(lost("- 🔑Public: √\n", [edit(12, 13, "")]), "✅");
    assert.equal(lost("- 📏模型大小 Model Size\n", [edit(2, 9, "📏")]), "模型大小");
    assert.equal(lost("- Ω Model Size\n", [edit(2, 4, "📏")]), "Ω");
    assert.equal(lost("- a\n- b\n", [edit(0, 4, "")]), "a");
    assert.equal(lost("- b\n- a\n", [edit(4, 8, ""), edit(0, 0, "- x\n")]), "a");
  });

  test("lets go of the words a fix declares it replaces, and of nothing else", () => {
    assert.equal(lost("  + optimzer: Adam\n", [edit(4, 12, "optimizer")], ["optimzer"]), undefined);
    assert.equal(lost("  + optimzer Adam\n", [edit(4, 17, "optimizer")], ["optimzer"]), "Adam");
  });
});
