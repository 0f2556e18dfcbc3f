/**
 * `model-cards check` on a folder of Hugging Face model repositories: it finds each README.md
 * with Hub metadata, leaves ordinary READMEs alone, and `--fix` respells only what loses nothing.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { cli, REPO_ROOT, STACK_TRACE, tempDir } from "./run";

const MODEL = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/hub/model.md"), "utf8");
const DATASET = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/hub/dataset.md"), "utf8");

describe("Hub cards on the command line", () => {
  test("a folder: each README.md with Hub metadata is checked at the line it breaks, other READMEs are skipped", () => {
    const dir = tempDir({
      "sentiment/README.md": MODEL.replace("license: apache-2.0", "license: MIT"),
      "reviews/README.md": DATASET,
      "README.md": "# My models\n\nSee the folders.\n",
    });
    const run = cli(["check", "--format", "json", "."], { cwd: dir });
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    const report = JSON.parse(run.stdout) as { files: { path: string; kind: string | null; problems: { code: string; line: number; column: number }[] }[] };
    const byPath = new Map(report.files.map((f) => [f.path.split(path.sep).join("/"), f]));
    assert.equal(byPath.get("sentiment/README.md")?.kind, "Hugging Face model card");
    assert.deepEqual(byPath.get("sentiment/README.md")?.problems.map((p) => [p.code, p.line, p.column]), [["hub.license", 2, 10]]);
    assert.equal(byPath.get("reviews/README.md")?.kind, "Hugging Face dataset card");
    assert.deepEqual(byPath.get("reviews/README.md")?.problems, []);
    assert.equal(byPath.get("README.md")?.kind, null);
    assert.equal(run.code, 1, "an error exits 1");
  });

  test("--fix writes `mit` for `MIT` and leaves the empty item for the author", () => {
    const dir = tempDir({ "m/README.md": MODEL.replace("license: apache-2.0", "license: MIT").replace("- stanfordnlp/imdb", "-") });
    const run = cli(["check", "--fix", "m/README.md"], { cwd: dir });
    const fixed = readFileSync(path.join(dir, "m/README.md"), "utf8");
    assert.match(fixed, /^license: mit$/m);
    assert.match(fixed, /^datasets:\n-\nmetrics:/m);
    assert.match(run.stdout, /hub\.null-item/);
    assert.equal(run.code, 1);
  });
});
