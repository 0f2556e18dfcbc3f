/**
 * Scenario tests, markdownlint style. Each fixture in fixtures/rules is a card that marks the
 * problems it expects at the end of the line they start on:
 *
 *     - 🔑Public: √ <!-- expect: value.boolean -->
 *     + precision floating point: `bp16`; `int4` <!-- expect: value.unknown*2 -->
 *     tags: [benchmark] <!-- expect: front-matter.unknown-tag --> <!-- options: forced-card -->
 *
 * Markers are stripped before the text is analyzed (a marker left in place would become part of a
 * label or value, and no YAML line may carry one), so the analyzer sees exactly the card an author
 * would write. `options: forced-card` analyzes the file as if a card-glob setting included it.
 * The fixture's file name is its URI, so `2022-03-04-….md` is a post dated 2022-03-04.
 *
 * Each fixture runs with LF and with CRLF line endings. The harness compares the problems to the
 * markers exactly, applies every problem's preferred fix, checks nothing was lost, analyzes again
 * and fails on "fixable problem(s) not fixed".
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { ANALYSIS_CODES, offeredFixes, type Analysis } from "../../src/core/analysis";
import { complete } from "../../src/core/features/completion";
import { hover } from "../../src/core/features/hover";
import { RULES } from "../../src/core/rules";
import { HUB_RULES } from "../../src/core/rules/hub";
import { ALL_CODES, CODES, type Code } from "../../src/core/rules/codes";
import type { Problem } from "../../src/core/rules/problem";
import { SUPPRESSION_CODES } from "../../src/core/suppress/inline";
import { analyzeCard, applyChecked, choosePreferredFixes, codesOf, fixtureNames, LINE_ENDINGS, lineOf, problemLines, readFixture, RULE_FIXTURES, type CardOptions } from "./helpers";

interface Scenario {
  readonly name: string;
  readonly uri: string;
  /** The fixture with its markers stripped. */
  readonly text: string;
  /** `line: code`, sorted, one entry per expected problem. */
  readonly expected: readonly string[];
  readonly forcedCard: boolean;
}

const MARKER = /[ \t]*<!-- (expect|options): ([^>]*?) -->[ \t]*$/;

const isCode = (code: string): code is Code => code in CODES;

/** Strips the markers of one fixture and reads what they say. */
function readScenario(name: string): Scenario {
  const expected: string[] = [];
  let forcedCard = false;
  const lines = readFixture(name).split("\n").map((raw, line) => {
    let text = raw;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      text = text.slice(0, m.index);
      const words = m[2]!.split(/[\s,]+/).filter((w) => w !== "");
      if (m[1] === "options") {
        assert.deepEqual(words, ["forced-card"], `${name}:${line + 1}: unknown option`);
        forcedCard = true;
        continue;
      }
      for (const word of words) {
        const [code, times = "1"] = word.split("*") as [string, string?];
        assert.ok(isCode(code), `${name}:${line + 1}: "${code}" is not a code in CODES`);
        for (let i = 0; i < Number(times); i++) expected.push(`${line}: ${code}`);
      }
    }
    return text;
  });
  return { name, uri: pathToFileURL(path.join(RULE_FIXTURES, name)).href, text: lines.join("\n"), expected: expected.sort(), forcedCard };
}

const SCENARIOS = fixtureNames().map(readScenario);

const key = (p: Problem): string => `${p.code}: ${p.message}`;

function countBy(problems: readonly Problem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  return counts;
}

/**
 * Problems whose preferred fix was applied but that are still there. Inserted lines move every
 * later problem, so problems are matched by code and message, counted: after the fixes, each
 * message may only appear as often as the problems with it that were not fixed.
 */
function notFixed(before: Analysis, fixed: readonly Problem[], after: Analysis): string[] {
  const unfixed = countBy(before.problems.filter((p) => !fixed.includes(p)));
  const remaining = countBy(after.problems);
  return before.problems
    .filter((p) => fixed.includes(p) && (remaining.get(key(p)) ?? 0) > (unfixed.get(key(p)) ?? 0))
    .map((p) => `line ${lineOf(before, p)}: ${key(p)}`);
}

/** Applies every problem's preferred fix in one pass, then fails on fixable problems not fixed. */
function assertPreferredFixesWork(text: string, options: CardOptions): void {
  const before = analyzeCard(text, options);
  const chosen = choosePreferredFixes(before.problems);
  const fixedText = applyChecked(text, chosen.edits, chosen.replaces);
  if (text.includes("\r\n")) assert.doesNotMatch(fixedText, /(?<!\r)\n/, "a fix wrote a bare LF into a CRLF document");
  const left = notFixed(before, chosen.fixed, analyzeCard(fixedText, options));
  if (left.length > 0) assert.fail(`fixable problem(s) not fixed:\n${left.join("\n")}\n\nfixed text:\n${fixedText}`);
}

describe("rule scenarios", () => {
  test("every code in CODES is expected by at least one fixture", () => {
    const covered = new Set(SCENARIOS.flatMap((s) => s.expected.map((e) => e.split(": ")[1])));
    // A card over the editor's size limit cannot be a fixture: the LSP robustness test covers it.
    assert.deepEqual(ALL_CODES.filter((c) => !covered.has(c) && !ANALYSIS_CODES.includes(c)), [], "codes no fixture expects");
  });

  test("every code belongs to exactly one rule, to the analysis itself or to the suppression comments, and every rule's code is in CODES", () => {
    assert.deepEqual([...ANALYSIS_CODES, ...[...RULES, ...HUB_RULES].flatMap((r) => r.codes), ...SUPPRESSION_CODES].sort(), [...ALL_CODES].sort());
  });

  test("markers come off whole and leave every line where it was", () => {
    for (const scenario of SCENARIOS) {
      const raw = readFixture(scenario.name).split("\n");
      const clean = scenario.text.split("\n");
      assert.equal(clean.length, raw.length, scenario.name);
      clean.forEach((line, i) => {
        assert.ok(raw[i]!.startsWith(line), `${scenario.name}:${i + 1}`);
        // Suppression comments are card text the analyzer reads; only the markers come off.
        assert.doesNotMatch(line, /<!--(?! model-cards-)/, `${scenario.name}:${i + 1}`);
      });
    }
  });

  for (const scenario of SCENARIOS) {
    for (const eol of LINE_ENDINGS) {
      describe(`${scenario.name} (${eol.name})`, () => {
        const text = eol.convert(scenario.text);
        const options = { uri: scenario.uri, forcedCard: scenario.forcedCard };

        test("reports exactly the marked problems", () => {
          assert.deepEqual(problemLines(analyzeCard(text, options)), scenario.expected);
        });

        test("its preferred fixes fix their problems and lose nothing", () => {
          assertPreferredFixesWork(text, options);
        });
      });
    }
  }
});

describe("beyond the fixtures", () => {
  const FRONT_MATTER = "---\ntitle: TinyCoder\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [models]\n---\n";

  test("a date is real when its month has that day: leap years, month ends, no month 0 or 13, no day 0", () => {
    const real = (day: string): boolean => !codesOf(analyzeCard(FRONT_MATTER.replace("2021-07-07", day))).includes("front-matter.date");
    const days: [string, boolean][] = [
      ["2021-02-28", true], ["2021-02-29", false], ["2024-02-29", true], ["1900-02-29", false], ["2000-02-29", true], ["0004-02-29", true],
      ["2021-04-30", true], ["2021-04-31", false], ["2021-12-31", true], ["2021-01-32", false], ["2021-13-01", false], ["2021-00-10", false], ["2021-01-00", false],
    ];
    assert.deepEqual(days.map(([day]) => [day, real(day)]), days);
  });

  test(
    "all preferred fixes at once keep a section's missing children inside it when the next missing section goes at the same place",
    () => {
      const card = [
        "- 📙Paper: [T](https://example.org/t)", "- 📚Publisher: `arxiv`", "- 🏠Author Affiliation: `X`", "- 🔑Public: ✅",
        "- 🌐Architecture", "  + [ ] Encoder-Decoder", "  + [x] Decoder-Only", "- 📏Model Size", "  + `1B`",
        "- 🗂️Data pre-processing", "  + Data Resource", "    * x", "",
      ];
      assertPreferredFixesWork(FRONT_MATTER + card.join("\n"), {});
    },
  );

  test("missing fields are found in template order in sections written in order, repeated or out of place", () => {
    const card = [
      "- 📚Publisher: `arxiv`", "- 📙Paper: [T](https://example.org/t)",
      "- 🧪Hyperparameters (T 1B)", "  + batch size: `1M`", "  + optimizer: AdamW", "    * eps: 1e-8",
      "- 🧪Hyperparameters (T 7B)", "  + optimizer: AdamW", "    * betas: 0.9, 0.95", "  + context window: `2,048`",
      "- 🍉Tokenizer", "  + Details", "    * 32k", "",
    ];
    // The root and the 1B section are out of template order, the 7B one and the tokenizer's are in it.
    const rest = ["gradient accumulation steps", "warmup steps", "learning rate", "weight decay", "decay schedule", "precision floating point"];
    const hyper = (...names: string[]): string[] => names.map((n) => `🧪Hyperparameters › ${n}`);
    assert.deepEqual(analyzeCard(FRONT_MATTER + card.join("\n")).missing.map((m) => m.path), [
      "🏠Author Affiliation", "🔑Public", "🌐Architecture", "📏Model Size", "🗂️Data pre-processing", "🍉Tokenizer › Technology",
      ...hyper("optimizer › betas", "context window", ...rest),
      ...hyper("optimizer › eps", "batch size", ...rest),
      "🏃‍♀️Training",
    ]);
  });

  const brokenYaml = (tags: string): string => `---\ntitle: TinyCoder: the sequel\n${tags}\n---\n- 📙Paper: [T](https://example.org/t)\n`;
  const syntaxErrors = (text: string): Code[] => codesOf(analyzeCard(text)).filter((c) => c === "front-matter.syntax");
  test("a YAML error is reported on a card whose tags are a flow list", () => {
    assert.deepEqual(syntaxErrors(brokenYaml("tags: [models]")), ["front-matter.syntax"]);
  });
  for (const tags of ['tags: ["models"]', "tags:\n  - models"]) {
    test(`a YAML error is reported on a card whose tags are written ${JSON.stringify(tags)}`, () => {
      assert.deepEqual(syntaxErrors(brokenYaml(tags)), ["front-matter.syntax"]);
    });
  }
});

describe("mangled cards", () => {
  // A seeded generator, so a failure here is the same failure on every run.
  let seed = 20240506;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const PIECES = ["\n", "\r\n", "\r", " ", "\t", "-", "+", "*", "[", "]", "x", ":", "`", "---", "```", "✅", "🏃‍♀️", "ğŸ”‘", "\ufeff", "/", "&a ", "*a", "[ ]", "("];
  const BASES = ["model-clean.md", "benchmark-clean.md", "structure.md", "values.md"].map((name) => readScenario(name).text);

  test("analysis, completion, hover and every fix survive random edits of the fixture cards", () => {
    for (let i = 0; i < 150; i++) {
      let text = BASES[random(BASES.length)]!;
      for (let k = 1 + random(6); k > 0; k--) {
        const at = random(text.length + 1);
        text = random(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(20)) : text.slice(0, at) + PIECES[random(PIECES.length)]! + text.slice(at);
      }
      try {
        const analysis = analyzeCard(text, { forcedCard: random(2) === 0 });
        for (const problem of analysis.problems) {
          assert.ok(problem.span.start >= 0 && problem.span.start <= problem.span.end && problem.span.end <= text.length, `${problem.code} span`);
          for (const fix of offeredFixes(analysis, problem)) analyzeCard(applyChecked(text, fix.edits, fix.replaces));
        }
        for (let offset = 0; offset <= text.length; offset += 11) {
          complete(analysis, offset, new Date(2024, 4, 6));
          hover(analysis, offset);
        }
      } catch (e) {
        assert.fail(`${e instanceof Error ? e.message : String(e)}\non ${JSON.stringify(text)}`);
      }
    }
  });
});
