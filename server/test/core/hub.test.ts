/**
 * Hugging Face Hub cards through the core: which files are Hub cards, each metadata slip reported
 * at its node with the code and severity the Hub's behaviour calls for, and its fix.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { analyze, offeredFixes, type Analysis } from "../../src/core/analysis";
import { CODES, type Code } from "../../src/core/rules/codes";
import { applyEdits } from "../../src/core/rules/problem";
import { allSnippets } from "../../src/core/features/snippets";
import { HUB_KINDS } from "../../src/core/schema/hub";
import { applyChecked, expandSnippet, LINE_ENDINGS, REPO_ROOT } from "./helpers";

const hubFixture = (name: string): string => readFileSync(path.join(REPO_ROOT, "server/test/fixtures/hub", name), "utf8");
const MODEL = hubFixture("model.md");
const DATASET = hubFixture("dataset.md");
const README = "file:///repo/README.md";

const analyzeHub = (text: string, uri = README, forcedCard = false): Analysis => analyze(uri, text, { forcedCard, today: new Date() });
const worse = (a: Analysis): string[] => a.problems.filter((p) => CODES[p.code].severity === "error" || CODES[p.code].severity === "warning").map((p) => `${p.code}: ${p.message}`);

/** Replaces one exact line; fails when it is not there once. */
function replaceLine(text: string, line: string, by: string): string {
  const lines = text.split("\n");
  const at = lines.indexOf(line);
  assert.ok(at >= 0 && lines.indexOf(line, at + 1) < 0, `the fixture has the line ${JSON.stringify(line)} once`);
  lines.splice(at, 1, ...by.split("\n"));
  return lines.join("\n");
}

describe("which files are Hub cards", () => {
  test("a README.md, in any case, with Hub metadata is a model card; dataset keys make it a dataset card", () => {
    assert.equal(analyzeHub(MODEL).hub?.kind.id, "hub-model");
    assert.equal(analyzeHub(MODEL, "file:///repo/sub/readme.MD").hub?.kind.id, "hub-model");
    assert.equal(analyzeHub(DATASET).hub?.kind.id, "hub-dataset");
    // However the URI spells it: escaped, with a query or fragment, after an escaped separator.
    for (const uri of ["file:///repo/READM%45.md", "vscode-vfs://github/o/r/README.md?ref=main#top", "untitled:x%2FReadme.md", "file:///C%3A%5Crepo%5CREADME.md"]) {
      assert.equal(analyzeHub(MODEL, uri).hub?.kind.id, "hub-model", uri);
    }
    for (const uri of ["file:///repo/my-README.md", "file:///repo/README.md.bak", "file:///repo/README.md%2Fx.md", "file:///README.md/card.md"]) {
      assert.equal(analyzeHub(MODEL, uri).hub, undefined, uri);
    }
  });

  test("a README without front matter, or with front matter of no Hub key, is not a card", () => {
    for (const text of ["# My project\n\nSome text.\n", "---\ntitle: Home\nlayout: page\ntags: [docs]\n---\n\n# Home\n"]) {
      const a = analyzeHub(text);
      assert.equal(a.hub, undefined);
      assert.equal(a.model, undefined);
      assert.deepEqual(a.problems, []);
    }
  });

  test("other file names need a card glob; a Jekyll post tagged as a card keeps the Jekyll rule", () => {
    assert.equal(analyzeHub(MODEL, "file:///repo/notes.md").hub, undefined);
    assert.equal(analyzeHub(MODEL, "file:///repo/cards/zephyr.md", true).hub?.kind.id, "hub-model");
    const post = "---\ntitle: X\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [models]\nlicense: mit\n---\n";
    assert.equal(analyzeHub(post).hub, undefined);
    assert.equal(analyzeHub(post).model?.kind.tag, "models");
  });
});

describe("valid Hub cards", () => {
  for (const { name, convert } of LINE_ENDINGS) {
    test(`the model and dataset fixtures have no problem at all (${name})`, () => {
      assert.deepEqual(analyzeHub(convert(MODEL)).problems.map((p) => p.message), []);
      assert.deepEqual(analyzeHub(convert(DATASET)).problems.map((p) => p.message), []);
    });
  }

  test("`- no` in a language list is Norwegian, never a boolean", () => {
    const a = analyzeHub(replaceLine(MODEL, "- 'no'", "- no"));
    assert.deepEqual(worse(a), []);
  });
});

interface Slip {
  readonly name: string;
  readonly card?: "dataset";
  readonly line: string;
  readonly broken: string;
  readonly code: Code;
  /** The text the diagnostic is on. */
  readonly at: string;
  readonly says: RegExp;
  /** The fix's title and what the card says after it, or undefined when no fix is offered. */
  readonly fix?: { readonly title: string; readonly fixed: string };
  /** The fix removes the author's text (a `-`, a moved item), so it is a quick fix only, never run on save. */
  readonly lossy?: true;
  /** The fix only respells what is there (case, a withdrawn code, a renamed key), so fix-on-save and `--fix` run it. */
  readonly onSave?: true;
}

const slips: readonly Slip[] = [
  { name: "an SPDX-style license", line: "license: apache-2.0", broken: "license: MIT", code: "hub.license", at: "MIT", says: /Did you mean `mit`\?.*refuses/, fix: { title: "Change to `mit`", fixed: "license: mit" }, onSave: true },
  { name: "a license written apache2", line: "license: apache-2.0", broken: "license: apache2", code: "hub.license", at: "apache2", says: /`apache-2.0`/, fix: { title: "Change to `apache-2.0`", fixed: "license: apache-2.0" } },
  { name: "a quoted license keeps its quotes", line: "license: apache-2.0", broken: 'license: "Apache-2.0"', code: "hub.license", at: "Apache-2.0", says: /`apache-2.0`/, fix: { title: "Change to `apache-2.0`", fixed: 'license: "apache-2.0"' }, onSave: true },
  { name: "license: other alone", line: "license: apache-2.0", broken: "license: other", code: "hub.license-other", at: "other", says: /license_name.*license_link/, fix: { title: "Add license_name and license_link", fixed: "license: other\nlicense_name: \nlicense_link: " } },
  { name: "a misspelt licence key", line: "license: apache-2.0", broken: "licence: apache-2.0", code: "hub.misspelt-key", at: "licence", says: /did you mean `license`\?.*no `license`/, fix: { title: "Rename to `license`", fixed: "license: apache-2.0" } },
  { name: "a language with its region", line: "- 'no'", broken: "- pt-BR", code: "hub.language", at: "pt-BR", says: /refuses `pt-BR`.*language_details/, fix: { title: "Write `pt` and move `pt-BR` to language_details", fixed: "- pt\nlanguage_details:\n- pt-BR" } },
  { name: "a region tag of a language already listed", line: "- 'no'", broken: "- en-GB", code: "hub.language", at: "en-GB", says: /refuses `en-GB`/, fix: { title: "Move `en-GB` to language_details", fixed: "language_details:\n- en-GB" }, lossy: true },
  { name: "an upper-case language code", line: "- en", broken: "- EN", code: "hub.language", at: "EN", says: /lower case/, fix: { title: "Change to `en`", fixed: "- en" }, onSave: true },
  { name: "a withdrawn language code", line: "- en", broken: "- iw", code: "hub.legacy", at: "iw", says: /`he`/, fix: { title: "Change to `he`", fixed: "- he" }, onSave: true },
  { name: "an unknown pipeline tag", line: "pipeline_tag: text-classification", broken: "pipeline_tag: text-clasification", code: "hub.pipeline-tag", at: "text-clasification", says: /Did you mean `text-classification`\?/, fix: { title: "Change to `text-classification`", fixed: "pipeline_tag: text-classification" } },
  { name: "a retired pipeline tag", line: "pipeline_tag: text-classification", broken: "pipeline_tag: conversational", code: "hub.legacy", at: "conversational", says: /retired/, fix: { title: "Change to `text-generation`", fixed: "pipeline_tag: text-generation" } },
  { name: "an unknown library", line: "library_name: transformers", broken: "library_name: transfomers", code: "hub.library", at: "transfomers", says: /`transformers`\?/, fix: { title: "Change to `transformers`", fixed: "library_name: transformers" } },
  { name: "a local base model", line: "base_model: distilbert/distilbert-base-uncased", broken: "base_model: /home/me/models/distilbert", code: "hub.base-model", at: "/home/me/models/distilbert", says: /local path/ },
  { name: "an empty dataset item", line: "- stanfordnlp/imdb", broken: "-", code: "hub.null-item", at: "-", says: /empty/, fix: { title: "Remove the empty item", fixed: "" }, lossy: true },
  { name: "a duplicate key", line: "tags:", broken: "license: mit\ntags:", code: "hub.duplicate-key", at: "license", says: /twice/ },
  { name: "an unknown key", line: "tags:", broken: "favourite_colour: blue\ntags:", code: "hub.unknown-key", at: "favourite_colour", says: /keeps it/ },
  { name: "a model-index result without its dataset's name", line: "      name: IMDB", broken: "      revision: main", code: "hub.model-index", at: "type", says: /no `name`, which the Hub requires/, fix: { title: "Add `name`", fixed: "      revision: main\n      name: " } },
  { name: "a model-index task named by its display name", line: "      type: text-classification", broken: "      type: Text Classification", code: "hub.task", at: "Text Classification", says: /`text-classification`\?/, fix: { title: "Change to `text-classification`", fixed: "      type: text-classification" } },
  { name: "an empty metric value", line: "      value: 0.91", broken: "      value:", code: "hub.metric-value", at: "value", says: /no score/ },
  { name: "a list where text is wanted", line: "pipeline_tag: text-classification", broken: "pipeline_tag:\n- text-classification", code: "hub.type", at: "- text-classification", says: /should be text/ },
  { name: "a size category written loosely", card: "dataset", line: "- n<1K", broken: "- n<1k", code: "hub.value", at: "n<1k", says: /`n<1K`/, fix: { title: "Change to `n<1K`", fixed: "- n<1K" }, onSave: true },
  { name: "the legacy language_bcp47", card: "dataset", line: "pretty_name: Tiny Reviews", broken: "pretty_name: Tiny Reviews\nlanguage_bcp47:\n- en-US", code: "hub.legacy", at: "language_bcp47", says: /language_details/, fix: { title: "Rename to `language_details`", fixed: "pretty_name: Tiny Reviews\nlanguage_details:\n- en-US" }, onSave: true },
  { name: "a configs entry without data_files", card: "dataset", line: "  data_files: data/train-*", broken: "  default: true", code: "hub.type", at: "config_name", says: /no `data_files`/, fix: { title: "Add `data_files`", fixed: "  default: true\n  data_files: " } },
];

describe("Hub metadata slips", () => {
  for (const slip of slips) {
    for (const { name, convert } of LINE_ENDINGS) {
      test(`${slip.name}: ${slip.code} (${name})`, () => {
        const base = slip.card === "dataset" ? DATASET : MODEL;
        const text = convert(replaceLine(base, slip.line, slip.broken));
        const analysis = analyzeHub(text);
        const found = analysis.problems.filter((p) => p.code === slip.code);
        assert.equal(found.length, 1, `one ${slip.code}; got ${analysis.problems.map((p) => `${p.code}: ${p.message}`).join("\n")}`);
        const problem = found[0]!;
        assert.equal(text.slice(problem.span.start, problem.span.end).trimEnd().replace(/\r?\n$/, ""), slip.at);
        assert.match(problem.message, slip.says);
        const offered = offeredFixes(analysis, problem);
        if (!slip.fix) {
          assert.deepEqual(offered.filter((f) => !f.title.startsWith("Ignore ")), [], "only the suppression comments are offered");
          return;
        }
        const fix = offered.find((f) => f.title === slip.fix!.title);
        assert.ok(fix, `offered: ${offered.map((f) => f.title).join(" | ")}`);
        const fixed = slip.lossy ? applyEdits(text, fix.edits) : applyChecked(text, fix.edits, fix.replaces);
        assert.equal(fix.normalizes === true, slip.onSave === true, "only fixes that respell what is there run on save");
        const expected = convert(replaceLine(base, slip.line, slip.fix.fixed === "" ? "@@drop@@" : slip.fix.fixed)).replace(/@@drop@@\r?\n/, "");
        assert.equal(fixed, expected);
        // An inserted required key is left empty for the author: then that is what is reported.
        const after = analyzeHub(fixed).problems.filter((p) => p.code === slip.code).map((p) => p.message);
        assert.ok(after.every((m) => m !== problem.message && / is empty, and the Hub requires it/.test(m)), `the fix clears the problem; still: ${after.join("\n")}`);
      });
    }
  }
});

describe("Hub card body", () => {
  const withoutUses = MODEL.replace("## Uses\n\nSorting reviews into positive and negative.\n\n", "");

  test("a missing recommended section is information at its place, and the fix inserts it there", () => {
    const a = analyzeHub(withoutUses);
    assert.deepEqual(a.problems.map((p) => p.code), ["hub.section-missing"]);
    const problem = a.problems[0]!;
    assert.equal(CODES[problem.code].severity, "information");
    assert.equal(withoutUses.slice(problem.span.start, problem.span.end), "## Bias, Risks, and Limitations");
    const fixed = applyChecked(withoutUses, problem.fixes[0]!.edits, problem.fixes[0]!.replaces);
    assert.match(fixed, /## Model Details\n\nFine-tuned from DistilBERT by the card's authors\.\n\n## Uses\n\n<!-- .* -->\n\n\[More Information Needed\]\n\n## Bias, Risks, and Limitations/);
    assert.deepEqual(analyzeHub(fixed).problems.map((p) => p.code), ["hub.placeholder"]);
  });

  test("placeholders are information and count against completeness", () => {
    const text = MODEL.replace("Three epochs on the IMDB training split.", "[More Information Needed]");
    const a = analyzeHub(text);
    assert.deepEqual(a.problems.map((p) => p.code), ["hub.placeholder"]);
    assert.deepEqual(worse(a), []);
  });

  test("headings inside fenced code are not sections", () => {
    assert.equal(analyzeHub(MODEL).hub!.headings.filter((h) => h.title === "Uses").length, 1);
  });
});

describe("Hub card snippets", () => {
  for (const kind of HUB_KINDS) {
    test(`the ${kind.name} snippet, filled with its defaults, is a ${kind.name} with nothing wrong, only unfinished`, () => {
      const snippet = allSnippets()[kind.name];
      assert.ok(snippet, `a snippet named ${kind.name}`);
      const a = analyzeHub(expandSnippet(snippet.body, {}));
      assert.equal(a.hub?.kind, kind);
      assert.deepEqual(worse(a), []);
      assert.ok(a.problems.every((p) => p.code === "hub.placeholder"), a.problems.map((p) => p.code).join(", "));
    });
  }
});
