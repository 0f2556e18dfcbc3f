/**
 * `--suppress-all` and `--prune-suppressions` as a maintainer adopting the checker runs them: on the
 * project's own fixtures (always), and on a copy of the real corpus when it is next to the repo.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { CORPUS_POSTS } from "../core/helpers";
import { cli, REPO_ROOT, STACK_TRACE, tempDir } from "./run";

const CODEX = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8");
const RULE_FIXTURES = path.join(REPO_ROOT, "server/test/fixtures/rules");
const BASELINE = "model-cards-suppressions.json";
/** Markers of the rule fixtures stay in: they are comments to the checker, and the fixtures are cards with problems. */
const fixtureSite = (): string => {
  const dir = tempDir({ "_posts/2021-07-07-Codex.md": CODEX.replace("- 🔑Public: ❌", "- 🔑Public: √") });
  for (const name of readdirSync(RULE_FIXTURES)) cpSync(path.join(RULE_FIXTURES, name), path.join(dir, "_posts", name));
  return dir;
};
const read = (dir: string): string => readFileSync(path.join(dir, BASELINE), "utf8");
const recordedCount = (dir: string): number => [...read(dir).matchAll(/"count": (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);

/** The adoption flow on a site: record, check, add a problem, fix one, prune, break the file. */
function adoptionFlow(dir: string, card: string, slip: readonly [string, string], code: string, fix: readonly [string, string]): void {
  const before = cli(["check", "--format", "json", "."], { cwd: dir });
  const problems = (JSON.parse(before.stdout) as { totals: { problems: number } }).totals.problems;
  assert.ok(problems > 0);

  const recorded = cli(["check", "--suppress-all", "."], { cwd: dir });
  assert.equal(recorded.code, 0, recorded.stderr);
  assert.match(recorded.stderr, new RegExp(`${BASELINE} now records ${problems} problems`));
  assert.equal(recordedCount(dir), problems);
  const text = read(dir);
  const files = Object.keys(JSON.parse(text) as object);
  assert.deepEqual(files, [...files].sort(), "files sorted");
  assert.ok(files.every((f) => !path.isAbsolute(f) && !f.includes("\\")), "relative paths with /");
  assert.equal(cli(["check", "--suppress-all", "."], { cwd: dir }).code, 0);
  assert.equal(read(dir), text, "recording again writes the same bytes");

  const clean = cli(["check", "."], { cwd: dir });
  assert.equal(clean.code, 0, clean.stderr);
  assert.match(clean.stdout, /: no problems\n$/);

  const file = path.join(dir, card);
  const original = readFileSync(file, "utf8");
  assert.ok(original.includes(slip[0]), `${card} has ${slip[0]}`);
  writeFileSync(file, original.replace(slip[0], slip[1]));
  const added = cli(["check", "--format", "json", "."], { cwd: dir });
  const report = JSON.parse(added.stdout) as { files: { path: string; problems: { code: string }[] }[] };
  assert.deepEqual(report.files.flatMap((f) => f.problems.map((p) => `${f.path} ${p.code}`)), [`${card} ${code}`]);
  writeFileSync(file, original.replace(fix[0], fix[1]));

  const stale = cli(["check", "."], { cwd: dir });
  assert.equal(stale.code, 2);
  assert.match(stale.stderr, new RegExp(`${BASELINE} records 1 problem that is gone \\(fixed, or their file removed\\): run model-cards check --prune-suppressions`));
  const pruned = cli(["check", "--prune-suppressions", "."], { cwd: dir });
  assert.equal(pruned.code, 0, pruned.stderr);
  assert.match(pruned.stderr, new RegExp(`dropped 1 fixed problem, ${problems - 1} still recorded`));
  assert.equal(recordedCount(dir), problems - 1);
  assert.ok(read(dir).length < text.length, "the file shrank");
  assert.equal(cli(["check", "."], { cwd: dir }).code, 0);

  writeFileSync(path.join(dir, BASELINE), text.slice(0, text.length / 2));
  const corrupt = cli(["check", "."], { cwd: dir });
  assert.equal(corrupt.code, 2);
  assert.equal(corrupt.stdout, "", "no report that would look empty or complete");
  assert.match(corrupt.stderr, new RegExp(`${BASELINE} cannot be used: it is not valid JSON .*; fix it or run \`model-cards check --suppress-all\` to write it again`));
  assert.doesNotMatch(corrupt.stderr, STACK_TRACE);
}

describe("the baseline", () => {
  test("on the project's fixtures: record, only new problems reported, prune what was fixed, a broken file stops the run", () => {
    adoptionFlow(fixtureSite(), "_posts/2021-07-07-Codex.md", ["  + [x] Decoder-Only", "  + [X] Decoder-Only"], "checkbox.uppercase", ["- 🔑Public: √", "- 🔑Public: ❌"]);
  });

  test("on a copy of the corpus: the same flow", { skip: existsSync(CORPUS_POSTS) ? false : `no corpus at ${CORPUS_POSTS}` }, () => {
    const dir = tempDir();
    cpSync(CORPUS_POSTS, path.join(dir, "_posts"), { recursive: true });
    // A card that writes √ for a yes/no field (fixing it removes one recorded problem) and has no uppercase [X].
    const card = readdirSync(path.join(dir, "_posts")).find((f) => {
      const text = readFileSync(path.join(dir, "_posts", f), "utf8");
      return /- 🔑Public: √/.test(text) && (text.match(/[√×]/g) ?? []).length === 1 && !text.includes("[X]") && text.includes("  + [x] Decoder-Only");
    })!;
    assert.ok(card, "a corpus card with √ for Public");
    adoptionFlow(dir, `_posts/${card}`, ["  + [x] Decoder-Only", "  + [X] Decoder-Only"], "checkbox.uppercase", ["- 🔑Public: √", "- 🔑Public: ✅"]);
  });

  test("a file that names an unknown code, or a count that is not a whole number, is refused with where and what", () => {
    const cases: [string, RegExp][] = [
      ['{ "_posts/a.md": { "field.mising": { "count": 1 } } }', /"field\.mising" \(for "_posts\/a\.md"\) is not a model-cards diagnostic code/],
      ['{ "_posts/a.md": { "field.missing": { "count": "2" } } }', /"_posts\/a\.md" → "field\.missing" should be \{ "count": <a whole number from 1> \}/],
      ["[]", /it should be a JSON object of files/],
    ];
    for (const [text, message] of cases) {
      const dir = tempDir({ "_posts/2021-07-07-Codex.md": CODEX, [BASELINE]: text });
      const run = cli(["check", "."], { cwd: dir });
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.equal(cli(["check", "--suppress-all", "."], { cwd: dir }).code, 0, "--suppress-all writes a broken file anew");
      assert.equal(read(dir), "{}\n");
    }
  });

  test("the baseline lives beside .modelcards.yaml; a deleted card's entry is stale until pruned", () => {
    const dir = tempDir({ "site/.modelcards.yaml": "", "site/_posts/2021-07-07-Codex.md": CODEX.replace("- 🔑Public: ❌", "- 🔑Public: √"), "site/_posts/2021-07-07-Gone.md": CODEX.replace("- 🔑Public: ❌", "- 🔑Public: √") });
    assert.equal(cli(["check", "--suppress-all", "site"], { cwd: dir }).code, 0);
    assert.ok(existsSync(path.join(dir, "site", BASELINE)) && !existsSync(path.join(dir, BASELINE)));
    assert.match(readFileSync(path.join(dir, "site", BASELINE), "utf8"), /^ {2}"_posts\/2021-07-07-Gone\.md": \{$/m);
    rmSync(path.join(dir, "site/_posts/2021-07-07-Gone.md"));
    const run = cli(["check", "site/_posts/2021-07-07-Codex.md"], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /site\/model-cards-suppressions\.json records 1 problem that is gone \(fixed, or their file removed\)/);
    assert.equal(cli(["check", "--prune-suppressions", "site/_posts/2021-07-07-Codex.md"], { cwd: dir }).code, 0);
    assert.doesNotMatch(readFileSync(path.join(dir, "site", BASELINE), "utf8"), /Gone/);
    assert.equal(cli(["check", "site"], { cwd: dir }).code, 0);
  });

  test("usage: one of the two options, never with standard input", () => {
    const dir = tempDir();
    assert.match(cli(["check", "--suppress-all", "--prune-suppressions", "."], { cwd: dir }).stderr, /use one/);
    assert.match(cli(["check", "--suppress-all", "-"], { cwd: dir }).stderr, /--suppress-all records files on disk, not standard input/);
  });
});
