// Inline suppression comments: each form hides what it names and nothing else, a comment that hides
// nothing is reported, and the "Ignore …" fixes write comments that then hide the problem.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { offeredFixes } from "../../src/core/analysis";
import { complete } from "../../src/core/features/completion";
import { hover } from "../../src/core/features/hover";
import { ALL_CODES } from "../../src/core/rules/codes";
import { applyEdits } from "../../src/core/rules/problem";
import { analyzeCard, applyFixFor, codesOf, LINE_ENDINGS, problemLines, REPO_ROOT } from "./helpers";

const CODEX = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8");
/** Codex with two slips: `√` (value.boolean, line 11) and a `*` bullet at level 2 (list.marker, line 14). */
const SLOPPY = CODEX.replace("- 🔑Public: ❌", "- 🔑Public: √").replace("  + [x] Decoder-Only", "  * [x] Decoder-Only");
const PUBLIC = "- 🔑Public: √";
const MARKER = "  * [x] Decoder-Only";

/**
 * Applies the fix with this title of the first problem of the code. Not through the nothing-lost
 * check: removing a comment the user asked to remove is the one fix that deletes text, and it is
 * never applied by `--fix`.
 */
function applyRemoval(text: string, title: string): string {
  const fix = analyzeCard(text).problems.flatMap((p) => (p.code === "suppression.unused" ? p.fixes : [])).find((f) => f.title === title);
  assert.ok(fix, `no fix "${title}"`);
  assert.ok(!fix.preferred && !fix.normalizes);
  return applyEdits(text, fix.edits);
}

const before = (text: string, line: string, ...inserted: string[]): string => text.replace(line, [...inserted, line].join("\n"));

void describe("inline suppressions", () => {
  test("the sloppy card reports its two slips", () => {
    assert.deepEqual(problemLines(analyzeCard(SLOPPY)), ["11: value.boolean", "14: list.marker"]);
  });

  for (const { name, convert } of LINE_ENDINGS) {
    test(`disable-next-line hides the named code on the next line only (${name})`, () => {
      const text = convert(before(SLOPPY, PUBLIC, "<!-- model-cards-disable-next-line value.boolean -->"));
      assert.deepEqual(codesOf(analyzeCard(text)), ["list.marker"]);
    });
  }

  test("disable-next-line without codes hides every code on that line; comments stack", () => {
    assert.deepEqual(codesOf(analyzeCard(before(SLOPPY, MARKER, "  <!-- model-cards-disable-next-line -->"))), ["value.boolean"]);
    const stacked = before(SLOPPY, MARKER, "  <!-- model-cards-disable-next-line list.marker -->", "  <!-- model-cards-disable-next-line checkbox.uppercase -->");
    // The second comment names a code that is not on the line: it is reported, the first one is used.
    assert.deepEqual(problemLines(analyzeCard(stacked)), ["11: value.boolean", "15: suppression.unused"]);
  });

  test("a comment inside a list keeps the list whole: no field goes missing or out of order", () => {
    const text = before(SLOPPY, "- 🌐Architecture", "<!-- model-cards-disable-next-line field.order -->");
    const analysis = analyzeCard(text);
    assert.deepEqual(codesOf(analysis), ["list.marker", "suppression.unused", "value.boolean"]);
    assert.ok(analysis.model!.root.fields.some((f) => f.spec.id === "architecture"));
  });

  test("disable … enable hides the named codes between them", () => {
    const text = before(before(SLOPPY, PUBLIC, "<!-- model-cards-disable value.boolean list.marker -->"), "- 📏Model Size", "<!-- model-cards-enable list.marker -->");
    assert.deepEqual(codesOf(analyzeCard(text)), []);
    const reenabled = before(before(SLOPPY, PUBLIC, "<!-- model-cards-disable -->"), "- 🌐Architecture", "<!-- model-cards-enable list.marker -->");
    assert.deepEqual(codesOf(analyzeCard(reenabled)), ["list.marker"]);
    const closedEarly = before(before(SLOPPY, PUBLIC, "<!-- model-cards-disable list.marker -->", "<!-- model-cards-enable -->"), "- 📏Model Size", "");
    assert.deepEqual(codesOf(analyzeCard(closedEarly)), ["list.marker", "suppression.unused", "value.boolean"]);
  });

  test("disable-file hides the named codes anywhere, even in the front matter", () => {
    const text = before(SLOPPY.replace("date: 2021-07-07 00:00:00 +0800", "date: 2021-07-08 00:00:00 +0800"), "- 📙Paper", "<!-- model-cards-disable-file front-matter.date-filename list.marker -->");
    assert.deepEqual(codesOf(analyzeCard(text)), ["value.boolean"]);
    assert.deepEqual(codesOf(analyzeCard(before(SLOPPY, "- 📙Paper", "<!-- model-cards-disable-file -->"))), []);
  });

  test("an unused comment or code is reported where it is written, with a fix that removes it", () => {
    const text = before(SLOPPY, PUBLIC, "<!-- model-cards-disable-next-line value.boolean field.order -->");
    const analysis = analyzeCard(text);
    const unused = analysis.problems.find((p) => p.code === "suppression.unused")!;
    assert.equal(text.slice(unused.span.start, unused.span.end), "field.order");
    assert.equal(unused.message, "No `field.order` problem on the next line for this comment to hide: remove `field.order` from it.");
    const fixed = applyRemoval(text, "Remove field.order from this suppression comment");
    assert.ok(fixed.includes("<!-- model-cards-disable-next-line value.boolean -->\n"));
    assert.deepEqual(codesOf(analyzeCard(fixed)), ["list.marker"]);

    const whole = before(CODEX, "- 🔑Public: ❌", "<!-- model-cards-disable-next-line -->");
    const message = analyzeCard(whole).problems.map((p) => `${p.code}: ${p.message}`);
    assert.deepEqual(message, ["suppression.unused: This comment hides no problem on the next line: remove it."]);
    assert.equal(applyRemoval(whole, "Remove this suppression comment"), CODEX);
  });

  test("a misspelt code is a warning with a did-you-mean fix", () => {
    const text = before(SLOPPY, PUBLIC, "<!-- model-cards-disable-next-line value.bolean -->");
    const problem = analyzeCard(text).problems.find((p) => p.code === "suppression.unknown-code")!;
    assert.equal(problem.message, "`value.bolean` is not a model-cards diagnostic code. Did you mean `value.boolean`?");
    assert.deepEqual(codesOf(analyzeCard(applyFixFor(text, "suppression.unknown-code"))), ["list.marker"]);
  });

  test("comments in front matter or fenced code are not directives", () => {
    const fenced = `${SLOPPY}\n\`\`\`\n<!-- model-cards-disable-file -->\n\`\`\`\n`;
    assert.deepEqual(codesOf(analyzeCard(fenced)), ["list.marker", "value.boolean"]);
  });
});

void describe("the Ignore fixes", () => {
  for (const { name, convert } of LINE_ENDINGS) {
    test(`"Ignore CODE on this line" writes an indented comment above it, which then hides it (${name})`, () => {
      const text = convert(SLOPPY);
      const fixed = applyFixFor(text, "list.marker", { title: "Ignore list.marker on this line" });
      assert.equal(fixed, convert(before(SLOPPY, MARKER, "  <!-- model-cards-disable-next-line list.marker -->")));
      assert.deepEqual(codesOf(analyzeCard(fixed)), ["value.boolean"]);
    });
  }

  test('"Ignore CODE on this line" adds to a comment already there', () => {
    const text = before(SLOPPY.replace(PUBLIC, "- 🔑Public: √ yes"), "- 🔑Public", "<!-- model-cards-disable-next-line field.order -->");
    const fixed = applyFixFor(text, "value.boolean", { title: "Ignore value.boolean on this line" });
    assert.ok(fixed.includes("<!-- model-cards-disable-next-line field.order value.boolean -->\n- 🔑Public"), fixed);
  });

  test('"Ignore CODE in this file" writes the comment below the front matter, then adds to it', () => {
    const once = applyFixFor(SLOPPY, "list.marker", { title: "Ignore list.marker in this file" });
    assert.ok(once.startsWith(`${CODEX.slice(0, CODEX.indexOf("---\n", 4) + 4)}<!-- model-cards-disable-file list.marker -->\n`), once);
    const twice = applyFixFor(once, "value.boolean", { title: "Ignore value.boolean in this file" });
    assert.ok(twice.includes("<!-- model-cards-disable-file list.marker value.boolean -->\n"));
    assert.deepEqual(codesOf(analyzeCard(twice)), []);
  });

  test("a front matter problem offers only the file-wide comment; the fixes are never preferred", () => {
    const text = SLOPPY.replace("date: 2021-07-07 00:00:00 +0800", "date: 2021-07-08 00:00:00 +0800");
    const analysis = analyzeCard(text);
    const problem = analysis.problems.find((p) => p.code === "front-matter.date-filename")!;
    const ignores = offeredFixes(analysis, problem).filter((f) => f.title.startsWith("Ignore"));
    assert.deepEqual(ignores.map((f) => f.title), ["Ignore front-matter.date-filename in this file"]);
    assert.ok(analysis.problems.every((p) => offeredFixes(analysis, p).filter((f) => f.title.startsWith("Ignore")).every((f) => !f.preferred && !f.normalizes)));
  });
});

void describe("completion and hover in a suppression comment", () => {
  const at = (text: string, marker: string): { text: string; offset: number } => ({ text: text.replace(marker, ""), offset: text.indexOf(marker) });

  test("after `<!-- ` the four comment forms are offered", () => {
    const { text, offset } = at(before(SLOPPY, PUBLIC, "<!-- mo|"), "|");
    const items = complete(analyzeCard(text), offset, new Date());
    assert.deepEqual(items.map((i) => i.label), ["model-cards-disable-next-line", "model-cards-disable-file", "model-cards-disable", "model-cards-enable"]);
  });

  test("after the keyword the codes are offered with their descriptions, those reported on the next line first, named ones left out", () => {
    const { text, offset } = at(before(SLOPPY, PUBLIC, "<!-- model-cards-disable-next-line field.order va| -->"), "|");
    const items = complete(analyzeCard(text), offset, new Date());
    const first = items.sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.equal(first.label, "value.boolean");
    assert.equal(first.detail, "1× on the next line");
    assert.match((first.documentation as { value: string }).value, /A yes\/no field uses something other than ✅ or ❌/);
    assert.ok(!items.some((i) => i.label === "field.order"));
    assert.equal(items.length, ALL_CODES.length - 1 - 2, "neither field.order, named already, nor the comments' own codes");
    assert.ok(!items.some((i) => i.label.startsWith("suppression.")));
    assert.equal(items.find((i) => i.label === "list.indent")!.detail, "warning by default");
  });

  test("hovering a code or the keyword explains it", () => {
    const text = before(SLOPPY, PUBLIC, "<!-- model-cards-disable-next-line value.boolean -->");
    const analysis = analyzeCard(text);
    const code = hover(analysis, text.indexOf("value.boolean -->") + 3)!;
    assert.match((code.contents as { value: string }).value, /^\*\*value\.boolean\*\* \(warning by default\)\n\nA yes\/no field/);
    const keyword = hover(analysis, text.indexOf("disable-next-line") + 2)!;
    assert.match((keyword.contents as { value: string }).value, /Hides the named problems .* on the next line/);
  });
});
