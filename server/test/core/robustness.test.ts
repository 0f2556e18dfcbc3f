/**
 * Property-based robustness of the core with fast-check: documents made of random bytes, random
 * UTF-16 (lone surrogates included) and random mixes of card lines (every label, emoji and option
 * of the schema, ZWJ and mojibake forms, checkboxes of every shape, CR / LF / CRLF, tabs, fences,
 * deep nesting, very long lines, YAML aliases), and random sequences of incremental edits.
 *
 * For every document, everything an editor or the CLI asks of the core (diagnostics, quick fixes,
 * completion and hover anywhere, `--fix`) must not throw, return ranges inside the document, keep
 * the nothing-lost rule, and finish within TIME_BOUND (a generous bound by size, not a race: an
 * operation over it is measured again before it fails, so a garbage-collector pause does not count).
 * Edited documents must get the same answers as a fresh parse of the same text.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position, Range } from "vscode-languageserver-types";
import { analyze, offeredFixes, type Analysis } from "../../src/core/analysis";
import { fixAll } from "../../src/core/features/fixAll";
import { cardSchema, type FieldSpec } from "../../src/core/schema";
import { CardService } from "../../src/core/service";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

/** Cases per property: a few thousand each, a few seconds each. */
const RUNS = 3000;
const EDIT_RUNS = 2000;

/** What any operation on a document may take: 50 ms plus 10 ms per KB (a card is a few KB and takes about 1 ms). */
const timeBound = (text: string): number => 50 + (10 * text.length) / 1024;

/** Runs `operation`; if it takes longer than the bound, once more, and fails if that run is over the bound too. */
function withinBound<T>(what: string, text: string, operation: () => T): T {
  const start = performance.now();
  const result = operation();
  if (performance.now() - start <= timeBound(text)) return result;
  const again = performance.now();
  operation();
  const took = performance.now() - again;
  assert.ok(took <= timeBound(text), `${what} took ${took.toFixed(0)} ms on ${text.length} characters; the bound is ${timeBound(text).toFixed(0)} ms`);
  return result;
}

// --- what documents are made of ----------------------------------------------------------------

function schemaFields(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) => [f, ...(f.children?.kind === "fields" ? schemaFields(f.children.fields) : [])]);
}

const FIELDS = cardSchema.kinds.flatMap((k) => schemaFields(k.fields));
const LABELS = [...new Set(FIELDS.flatMap((f) => [f.label, ...(f.aliases ?? [])]))];
const OPTIONS = [...new Set(FIELDS.flatMap((f) => (f.children?.kind === "choice" ? f.children.options.map((o) => o.label) : [])))];
const EMOJI = [...new Set(FIELDS.flatMap((f) => (f.emoji ? [f.emoji] : [])))];
/** Other forms people type: ZWJ sequences with and without the joiner, skin tones, mojibake, stray joiners. */
const ODD_EMOJI = ["🏃‍♀️", "🏃♀️", "🏃", "🗂", "ğŸ”‘", "ðŸ“™", "âœ…", "‍", "️", "👩🏽‍💻", "🇺🇳", "\u{1F3FB}", "\uD83D", "\uDE00"];

const eol = fc.constantFrom("\n", "\r\n", "\r");
const spaces = fc.constantFrom("", " ", "  ", "   ", "    ", "\t", " \t", "      ", "        ");
const emoji = fc.oneof(fc.constantFrom(...EMOJI), fc.constantFrom(...ODD_EMOJI), fc.constant(""));
const label = fc.oneof(fc.constantFrom(...LABELS), fc.constantFrom(...OPTIONS), fc.string({ maxLength: 12 }));
const value = fc.oneof(
  fc.constantFrom("✅", "❌", "√", "×", "yes", "/", "`6.7B`", "`350M`; `1.3B`", "`bp16`", "`1e-4`", "fast", "[T](https://arxiv.org/abs/1)", "https://x.org", "✅ (Promise)", ""),
  fc.string({ maxLength: 20 }),
);
const checkbox = fc.constantFrom("", "[ ] ", "[x] ", "[X] ", "[] ", "[ x] ", "[v] ", "[x]", "[✓] ");
const bullet = fc.tuple(spaces, fc.constantFrom("-", "+", "*"), fc.constantFrom(" ", "  ", "\t"), checkbox, emoji, label, fc.constantFrom("", ": ", ":", " : "), value)
  .map((parts) => parts.join(""));
const frontMatterLine = fc.constantFrom(
  "---", "...", "title: TinyCoder", "author: coder", "date: 2021-07-07 00:00:00 +0800", "date: 2021-07-07", "categories: [arxiv]",
  "tags: [models]", "tags: [benchmarks]", "tags:", "  - models", "a: &a [x, x, x]", "b: [*a, *a, *a]", "key: 'unterminated", "{[", "math: true",
);
const longLine = fc.tuple(fc.constantFrom("x", "📙", "‍", " ", "- ", "[", "`"), fc.integer({ min: 1000, max: 20000 })).map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));
const deepBullets = fc.integer({ min: 10, max: 120 }).map((depth) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}${"-+*"[i % 3]!} ${LABELS[i % LABELS.length]!}`).join("\n"));
const deepYaml = fc.integer({ min: 10, max: 400 }).map((depth) => `x: ${"[".repeat(depth)}${"]".repeat(depth)}`);
/** Suppression comments, whole and half-typed, with real, misspelt and odd codes. */
const directive = fc.tuple(
  spaces,
  fc.constantFrom("<!-- model-cards-disable-next-line", "<!--model-cards-disable", "<!-- model-cards-disable-file", "<!-- model-cards-enable", "<!-- model-cards-", "<!-- model-cards-disablex", "<!--"),
  fc.array(fc.oneof(fc.constantFrom("value.boolean", "list.marker", "field.order", "value.bolean", ",", "-->", "📙"), fc.string({ maxLength: 8 })), { maxLength: 3 }),
  fc.constantFrom(" -->", "-->", "", " --> x"),
).map(([indent, head, words, end]) => `${indent}${head} ${words.join(" ")}${end}`);
const cardLine = fc.oneof(
  { weight: 10, arbitrary: bullet },
  { weight: 2, arbitrary: directive },
  { weight: 3, arbitrary: frontMatterLine },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom("```", "~~~", "    code", "# Heading", "") },
  { weight: 1, arbitrary: longLine },
  { weight: 1, arbitrary: deepBullets },
  { weight: 1, arbitrary: deepYaml },
);

/** A card-like document: usually front matter that tags it as a card, then a mix of lines, each with its own line ending. */
const cardDocument = fc.tuple(
  fc.constantFrom("---\ntags: [models]\n---\n", "---\r\ntitle: T\r\ntags: [benchmarks]\r\n---\r\n", "\uFEFF---\ntags: [models]\n---\n", "---\ntags: [models]\n", ""),
  fc.array(fc.tuple(cardLine, eol), { maxLength: 40 }),
).map(([head, lines]) => head + lines.map(([line, end]) => line + end).join(""));

const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });
const randomBytes = fc.uint8Array({ maxLength: 2000 }).map((bytes) => new TextDecoder().decode(bytes));
const noiseDocument = fc.oneof(anyUtf16, randomBytes);

/** Completion offers today's date: a fixed clock makes two services' answers comparable. */
const CLOCK = (): Date => new Date(Date.UTC(2024, 0, 1));

// --- the properties ----------------------------------------------------------------------------

/** Line lengths as LSP counts them (UTF-16 units, lines split on CR, LF and CRLF). */
const lineLengths = (text: string): number[] => text.split(/\r\n|\r|\n/).map((l) => l.length);

function assertInside(lengths: readonly number[], range: Range, what: string): void {
  const inside = (p: Position): boolean => p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line]!;
  assert.ok(inside(range.start) && inside(range.end), `${what}: ${JSON.stringify(range)} is outside the document (${lengths.length} lines)`);
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: ${JSON.stringify(range)} ends before it starts`);
}

function assertSpansInside(analysis: Analysis, length: number): void {
  for (const p of analysis.problems) {
    for (const span of [p.span, ...offeredFixes(analysis, p).flatMap((f) => f.edits.map((e) => e.span))]) {
      assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${p.code}: span ${JSON.stringify(span)} outside 0..${length}`);
    }
  }
}

/** Every position an editor may send: each line's start, middle and end, and positions past them. */
function probePositions(lengths: readonly number[]): Position[] {
  const step = Math.max(1, Math.floor(lengths.length / 12));
  const out: Position[] = [{ line: lengths.length + 3, character: 0 }, { line: 0, character: 10_000 }];
  for (let line = 0; line < lengths.length; line += step) {
    const n = lengths[line]!;
    out.push({ line, character: 0 }, { line, character: n >> 1 }, { line, character: n }, { line, character: n + 5 });
  }
  return out;
}

/** Everything the editor and the CLI ask of the core for one document. */
function exercise(text: string, forcedCard: boolean): void {
  const uri = "file:///site/_posts/2021-07-07-Random.md";
  const lengths = lineLengths(text);
  const service = new CardService(CLOCK);
  service.configure({ ...DEFAULT_SETTINGS, cardGlobs: forcedCard ? ["**/*.md"] : [] });
  const document = TextDocument.create(uri, "markdown", 1, text);
  const analysis = withinBound("analysis", text, () => analyze(uri, text, { forcedCard, today: new Date() }));
  assertSpansInside(analysis, text.length);
  const diagnostics = withinBound("diagnostics", text, () => service.diagnostics(document));
  for (const d of diagnostics) {
    assertInside(lengths, d.range, String(d.code));
    for (const action of withinBound("code actions", text, () => service.codeActions(document, d.range))) {
      for (const edit of action.edit?.changes?.[uri] ?? []) assertInside(lengths, edit.range, `"${action.title}"`);
    }
  }
  for (const position of probePositions(lengths)) {
    for (const item of withinBound("completion", text, () => service.completion(document, position))) {
      const edit = item.textEdit;
      if (edit && "range" in edit) assertInside(lengths, edit.range, `completion ${item.label}`);
    }
    const hover = withinBound("hover", text, () => service.hover(document, position));
    if (hover?.range) assertInside(lengths, hover.range, "hover");
  }
  for (const scope of ["normalize", "all"] as const) {
    const fixed = withinBound(`--fix ${scope}`, text, () => fixAll(uri, text, { forcedCard, today: new Date() }, DEFAULT_SETTINGS, scope));
    assert.deepEqual(fixed.refused, [], `--fix ${scope} held back a fix that would lose text`);
  }
}

/** An edit as an editor sends it: a range of the current text (or a point), replaced by typed text. */
const edit = fc.record({
  at: fc.nat(),
  length: fc.oneof(fc.constant(0), fc.nat({ max: 40 })),
  text: fc.oneof(fc.constantFrom("", "\n", "\r\n", "\r", "- ", "  + ", "[x] ", "📙", "‍", "\uD83D", "\t", ": ", "---\n"), bullet, fc.string({ maxLength: 10 })),
});

/** YAML that hangs or crashes parsers: each is a syntax error, found within the bound, every time. */
const HOSTILE_YAML: readonly { readonly name: string; readonly yaml: string }[] = [
  { name: "an alias bomb", yaml: ["a: &a [x, x, x, x, x, x, x, x, x]", ..."bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefgh"[i]!}`).join(", ")}]`)].join("\n") },
  { name: "a megabyte of [", yaml: `x: ${"[".repeat(1_000_000)}` },
  { name: "nested flow maps", yaml: `x: ${"{a: ".repeat(50_000)}${"}".repeat(50_000)}` },
  { name: "`? ` five thousand deep on one line", yaml: "? ".repeat(5000) },
  { name: "`- ` five thousand deep on one line", yaml: `${"- ".repeat(5000)}x` },
  { name: "a staircase of three hundred indents", yaml: Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") },
];

describe("robustness: hostile front matter", () => {
  for (const { name, yaml } of HOSTILE_YAML) {
    test(`${name} is a syntax error, within the bound, and again the second time`, () => {
      const text = `---\ntags: [models]\n${yaml}\n---\n- 📙Paper: /\n`;
      for (let round = 0; round < 2; round++) {
        const analysis = withinBound(name, text, () => analyze("file:///site/_posts/2021-07-07-Hostile.md", text, { forcedCard: false, today: new Date() }));
        assert.equal(analysis.problems[0]?.code, "front-matter.syntax");
      }
    });
  }
});

describe("robustness (fast-check)", () => {
  test(`card-like documents: the core never throws, answers inside the document, loses nothing and stays within the time bound (${RUNS} cases)`, () => {
    fc.assert(fc.property(cardDocument, fc.boolean(), exercise), { numRuns: RUNS });
  });

  test(`random bytes and UTF-16: the same (${RUNS} cases)`, () => {
    fc.assert(fc.property(noiseDocument, fc.boolean(), exercise), { numRuns: RUNS });
  });

  test(`edited documents: after each of a random series of incremental edits the answers are a fresh parse's (${EDIT_RUNS} series)`, () => {
    let edits = 0;
    fc.assert(
      // A README's front matter is read as Hub metadata too: both readings are reused across edits.
      fc.property(cardDocument, fc.array(edit, { minLength: 1, maxLength: 12 }), fc.constantFrom("file:///site/_posts/2021-07-07-Edited.md", "file:///hub/model/README.md"), (start, changes, uri) => {
        const editor = new CardService(CLOCK);
        let document = TextDocument.create(uri, "markdown", 1, start);
        let expected = start;
        editor.diagnostics(document);
        for (const change of changes) {
          const text = document.getText();
          const from = change.at % (text.length + 1);
          const to = Math.min(text.length, from + change.length);
          const range = { start: document.positionAt(from), end: document.positionAt(to) };
          // The text an LSP range names: offsets inside a CRLF snap to the line end, as in every editor.
          expected = expected.slice(0, document.offsetAt(range.start)) + change.text + expected.slice(document.offsetAt(range.end));
          document = TextDocument.update(document, [{ range, text: change.text }], document.version + 1);
          edits++;
          assert.equal(document.getText(), expected);
          const fresh = TextDocument.create(uri, "markdown", 1, expected);
          assert.deepEqual(editor.diagnostics(document), new CardService(CLOCK).diagnostics(fresh));
          const end = document.positionAt(expected.length);
          assert.deepEqual(editor.completion(document, end), new CardService(CLOCK).completion(fresh, end));
        }
      }),
      { numRuns: EDIT_RUNS },
    );
    console.log(`robustness: ${RUNS} card-like documents, ${RUNS} of random bytes or UTF-16; ${EDIT_RUNS} edit series with ${edits} incremental edits`);
  });
});
