/**
 * `model-cards export` as a user runs it: the bundled command on cards in a temp folder, each
 * format read back the way its consumer reads it (a CSV parser, a markdown table's cells, JSON).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import { cli, REPO_ROOT, tempDir } from "./run";

const fixture = (name: string): string => readFileSync(path.join(REPO_ROOT, "server/test/fixtures", name), "utf8");
const CODEX = fixture("codex.md");
/** A value with a comma, a pipe and a quote, a list field whose items become lines, and a field left out. */
const HARDWARE = '8 | 16 A100s, 80GB "SXM"';
const TRICKY = CODEX.replace("title: Codex", "title: Tricky")
  .replace("+ hardware: V100", `+ hardware: ${HARDWARE}`)
  .replace("- 🔑Public: ❌\n", "")
  .replace("    * May 2020 from 54 million public software repositories hosted on GitHub, containing 179 GB of unique Python files under 1 MB.", "    * GitHub, 2020\n    * StackOverflow | dumps");
const FILES = {
  "_posts/2021-07-07-Codex.md": CODEX,
  "_posts/2022-01-01-Tricky.md": TRICKY,
  "_posts/2021-07-07-HumanEval.md": fixture("rules/benchmark-clean.md"),
  "_posts/notes.md": "# Notes\n\nNot a card.\n",
};

describe("model-cards export", () => {
  const dir = tempDir(FILES);

  test("csv: one record per card, RFC 4180 quoting that a CSV parser reads back cell for cell", () => {
    const run = cli(["export", "_posts", "--format", "csv"], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\r\n$/);
    const records = parse<Record<string, string>>(run.stdout, { columns: true });
    assert.deepEqual(records.map((r) => r.path), ["_posts/2021-07-07-Codex.md", "_posts/2021-07-07-HumanEval.md", "_posts/2022-01-01-Tricky.md"]);
    const [codex, humanEval, tricky] = records as [Record<string, string>, Record<string, string>, Record<string, string>];
    assert.equal(tricky["Training › hardware"], HARDWARE);
    assert.equal(tricky["Data pre-processing › Data Resource"], "GitHub, 2020\nStackOverflow | dumps");
    assert.equal(tricky.Public, "", "a field the card lacks is an empty cell");
    assert.equal(codex["Hyperparameters › precision floating point"], "/", "a field written as not reported keeps its /");
    assert.equal(codex["Model Size"], "12M; 25M; 42M; 85M; 300M; 679M; 2.5B; 12B");
    assert.equal(codex.Public, "❌");
    assert.equal(humanEval.kind, "benchmarks");
    assert.equal(humanEval["Model Size"], "", "a benchmark has no model size");
    assert.ok(humanEval["Scenario"]);
  });

  test("markdown: a table whose cells keep pipes and line breaks inside them", () => {
    const run = cli(["export", "_posts/2022-01-01-Tricky.md", "--format", "markdown", "--columns", "title,training.hardware,dataPreprocessing.dataResource,public"], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 3);
    assert.equal(lines[0], "| path | kind | Title | Training › hardware | Data pre-processing › Data Resource | Public |");
    assert.equal(lines[1], "| --- | --- | --- | --- | --- | --- |");
    // Split on the pipes a table reader splits on: those not escaped with a backslash.
    const cells = lines[2]!.slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.replace(/\\\|/g, "|"));
    assert.deepEqual(cells, ["_posts/2022-01-01-Tricky.md", "models", "Tricky", HARDWARE, "GitHub, 2020<br>StackOverflow | dumps", ""]);
  });

  test("json: the Export Card data of every card, with its path", () => {
    const run = cli(["export", "_posts", "_posts/*.md"], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const cards = JSON.parse(run.stdout) as { path: string; kind: string; frontMatter: { title: string }; fields: Record<string, unknown> }[];
    assert.equal(cards.length, 3, "a card named twice is exported once");
    const tricky = cards.find((c) => c.frontMatter.title === "Tricky")!;
    assert.deepEqual((tricky.fields.training as Record<string, unknown>).hardware, HARDWARE);
    assert.equal(tricky.fields.public, null);
    assert.deepEqual((tricky.fields.dataPreprocessing as Record<string, unknown>).dataResource, ["GitHub, 2020", "StackOverflow | dumps"]);
  });

  test("mistakes get one clear message", () => {
    const unknownColumn = cli(["export", "_posts", "--format", "csv", "--columns", "title,mascot"], { cwd: dir });
    assert.equal(unknownColumn.code, 2);
    assert.match(unknownColumn.stderr, /--columns: no column "mascot"; the columns are title, date, paper/);
    const badFormat = cli(["export", "_posts", "--format", "sarif"], { cwd: dir });
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format takes json, csv, markdown, not "sarif"/);
    const checkOnly = cli(["export", "_posts", "--fix"], { cwd: dir });
    assert.match(checkOnly.stderr, /--fix is not an option of export/);
    const noCards = cli(["export", "notes", "--format", "csv"], { cwd: tempDir({ "notes/a.md": "# A\n" }) });
    assert.equal(noCards.code, 1);
    assert.match(noCards.stderr, /notes: no cards here/);
  });

  test("Hub cards export too: their metadata columns beside the posts' fields, and their data as JSON", () => {
    const hubDir = tempDir({ ...FILES, "tiny-sentiment/README.md": fixture("hub/model.md"), "squad-mini/README.md": fixture("hub/dataset.md") });
    const run = cli(["export", ".", "--format", "csv", "--columns", "name,title,license,pipeline_tag,size_categories"], { cwd: hubDir });
    assert.equal(run.code, 0, run.stderr);
    const records = parse<Record<string, string>>(run.stdout, { columns: true });
    const hub = records.find((r) => r.path === "tiny-sentiment/README.md")!;
    assert.deepEqual([hub.kind, hub.Name, hub.license, hub.pipeline_tag, hub.Title], ["hub-model", "tiny-sentiment", "apache-2.0", "text-classification", ""]);
    const dataset = records.find((r) => r.path === "squad-mini/README.md")!;
    assert.equal(dataset.kind, "hub-dataset");
    assert.notEqual(dataset.size_categories, "");
    const json = JSON.parse(cli(["export", "tiny-sentiment"], { cwd: hubDir }).stdout) as { kind: string; metadata: { license: string } }[];
    assert.deepEqual([json[0]?.kind, json[0]?.metadata.license], ["hub-model", "apache-2.0"]);
  });
});
