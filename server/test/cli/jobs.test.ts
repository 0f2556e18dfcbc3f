/**
 * `model-cards check` on worker threads: a run split over threads must print exactly what one
 * thread prints, in the same order, and `--fix` must write the same files. Each test runs the
 * bundled command twice on the same tree (or two copies of it) and compares what users see.
 */
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { cli, REPO_ROOT, tempDir } from "./run";

const FIXTURES = path.join(REPO_ROOT, "server/test/fixtures");

/** Every fixture card, under `copies` folders, with the Hub cards as READMEs of their own repositories. */
function fixtureTree(copies: number, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const files: Record<string, string> = { ...extra };
  const cards = readdirSync(path.join(FIXTURES, "rules")).filter((f) => f.endsWith(".md"));
  for (let copy = 0; copy < copies; copy++) {
    for (const card of cards) files[`site-${copy}/_posts/${card}`] = readFileSync(path.join(FIXTURES, "rules", card), "utf8");
    files[`site-${copy}/_posts/2021-07-07-Codex.md`] = readFileSync(path.join(FIXTURES, "codex.md"), "utf8");
    files[`hub-${copy}/model/README.md`] = readFileSync(path.join(FIXTURES, "hub/model.md"), "utf8");
    files[`hub-${copy}/dataset/README.md`] = readFileSync(path.join(FIXTURES, "hub/dataset.md"), "utf8");
  }
  return files;
}

/** Two configs with different severities, so that threads must find each file's own config. */
const CONFIGS = {
  "site-1/.modelcards.yaml": "severity:\n  field.missing: error\n  section.missing: \"off\"\n",
  "site-2/_posts/.modelcards.yaml": "severity:\n  field.unknown: information\n",
};

/** Every file under the folder, relative path → text. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).sort();
  return Object.fromEntries(files.map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

describe("check --jobs", () => {
  test("threads report what one thread reports, file for file, in every format", () => {
    const dir = tempDir(fixtureTree(4, CONFIGS));
    for (const format of ["json", "text", "sarif", "github"]) {
      const one = cli(["check", ".", "--format", format, "--jobs", "1"], { cwd: dir });
      const three = cli(["check", ".", "--format", format, "--jobs", "3"], { cwd: dir });
      assert.equal(one.code, 1, one.stderr);
      assert.equal(three.code, one.code, three.stderr);
      assert.equal(three.stdout, one.stdout, `${format} output differs`);
      assert.equal(three.stderr, one.stderr);
    }
    // The configs were applied on the threads: site-1 has no section.missing and its missing fields are errors.
    const report = JSON.parse(cli(["check", ".", "--format", "json", "--jobs", "2"], { cwd: dir }).stdout) as { files: { path: string; problems: { code: string; severity: string }[] }[] };
    const site1 = report.files.filter((f) => f.path.startsWith("site-1/")).flatMap((f) => f.problems);
    assert.ok(site1.some((p) => p.code === "field.missing" && p.severity === "error"));
    assert.ok(!site1.some((p) => p.code === "section.missing"));
    const site2 = report.files.filter((f) => f.path.startsWith("site-2/")).flatMap((f) => f.problems);
    assert.ok(site2.some((p) => p.code === "field.unknown" && p.severity === "information"));
  });

  test("--fix on threads writes the same files and reports the same fixes", () => {
    const tree = fixtureTree(3, CONFIGS);
    const oneDir = tempDir(tree);
    const threadsDir = tempDir();
    cpSync(oneDir, threadsDir, { recursive: true });
    const one = cli(["check", ".", "--fix=all", "--format", "json", "--jobs", "1"], { cwd: oneDir });
    const threads = cli(["check", ".", "--fix=all", "--format", "json", "--jobs", "2"], { cwd: threadsDir });
    assert.equal(threads.code, one.code, threads.stderr);
    assert.equal(threads.stdout, one.stdout);
    const written = snapshot(threadsDir);
    assert.deepEqual(written, snapshot(oneDir));
    // Something was fixed, so the comparison says something.
    assert.ok(Object.entries(written).some(([file, text]) => text !== tree[file]));
    assert.ok((JSON.parse(threads.stdout) as { totals: { fixed: number } }).totals.fixed > 0);
  });

  test("a large run uses threads by default, and prints what one thread prints", () => {
    // 26 copies of the fixtures: past the size at which the run spreads over the machine's cores.
    const dir = tempDir(fixtureTree(26));
    const auto = cli(["check", ".", "--format", "json"], { cwd: dir });
    const one = cli(["check", ".", "--format", "json", "--jobs", "1"], { cwd: dir });
    assert.equal(auto.code, one.code, auto.stderr);
    assert.equal(auto.stdout, one.stdout);
    assert.ok((JSON.parse(auto.stdout) as { totals: { files: number } }).totals.files >= 400);
  });

  test("the baseline is recorded and honoured the same on threads", () => {
    const dir = tempDir(fixtureTree(2, CONFIGS));
    const recorded = cli(["check", ".", "--suppress-all", "--jobs", "2"], { cwd: dir });
    assert.equal(recorded.code, 0, recorded.stderr);
    const again = cli(["check", ".", "--jobs", "2"], { cwd: dir });
    assert.equal(again.code, 0, again.stdout + again.stderr);
  });

  test("--jobs takes a number of threads", () => {
    for (const value of ["0", "two", "-1", "1.5"]) {
      const run = cli(["check", ".", "--jobs", value], { cwd: tempDir(fixtureTree(1)) });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--jobs takes a number of threads such as 2/);
    }
  });
});
