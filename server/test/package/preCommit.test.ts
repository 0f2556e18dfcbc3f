/**
 * The pre-commit hooks as a site uses them: a git repository whose `.pre-commit-config.yaml` has the
 * README's lines, pointing at a commit of this repository, and the real `pre-commit` (Debian's
 * package; `.ci/run` installs it) installing this repository as a node package and running the hook
 * on the staged files, from `git commit` itself.
 * Installing takes a minute or two (npm installs the repository's dependencies to build the CLI), so
 * every case shares one installed environment.
 */
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";

const ROOT = path.resolve(__dirname, "../../..");
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;
const hasGit = existsSync(path.join(ROOT, ".git"));
const skip = !hasPreCommit ? "pre-commit is not installed (apt-get install pre-commit; .ci/run does)" : !hasGit ? "not a git clone" : false;

const CARD = "---\ntitle: Codex\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [models]\n---\n- 📙Paper: /\n- 🔑Public: ✅\n";
const CARD_PATH = "_posts/2021-07-07-Codex.md";
// The site keeps its own config, which the hook must find: only the problems under test are reported.
const SITE_CONFIG = "severity:\n  field.missing: off\n  section.missing: off\n";

const work = mkdtempSync(path.join(tmpdir(), "model-cards-pre-commit-"));
after(() => {
  rmSync(work, { recursive: true, force: true });
});
const hooksRepo = path.join(work, "model-cards");
const env = { ...process.env, PRE_COMMIT_HOME: path.join(work, "cache"), GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.invalid", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.invalid" };

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 600_000 });
  if (result.error) throw result.error;
  return result;
}
function git(cwd: string, ...args: string[]): string {
  const result = run("git", args, cwd);
  assert.equal(result.status, 0, `git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * This repository as pre-commit fetches it: a commit of the working tree as it is now (what git
 * tracks or would track), so the test checks the hooks being written, not the last commit's.
 */
function commitOfThisRepository(): string {
  mkdirSync(hooksRepo);
  const files = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0").filter((f) => f && existsSync(path.join(ROOT, f)));
  for (const file of files) cpSync(path.join(ROOT, file), path.join(hooksRepo, file), { recursive: true });
  git(hooksRepo, "init", "-q");
  git(hooksRepo, "add", "-A");
  git(hooksRepo, "commit", "-qm", "model-cards as pre-commit sees it");
  return git(hooksRepo, "rev-parse", "HEAD");
}

/** A site's repository with pre-commit installed as its git hook and these hooks configured. */
function site(rev: string, hooks: string): string {
  const dir = mkdtempSync(path.join(work, "site-"));
  git(dir, "init", "-q");
  writeFileSync(path.join(dir, ".pre-commit-config.yaml"), `repos:\n  - repo: ${hooksRepo}\n    rev: ${rev}\n    hooks:\n${hooks}`);
  writeFileSync(path.join(dir, ".modelcards.yaml"), SITE_CONFIG);
  mkdirSync(path.join(dir, "_posts"));
  writeFileSync(path.join(dir, "README.md"), "# The site\n\nNot a card: the hook skips it.\n");
  const install = run("pre-commit", ["install"], dir);
  assert.equal(install.status, 0, install.stderr);
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "set-up");
  return dir;
}

/** `git commit`: its exit code, and what the hooks printed (git sends a hook's output to standard error). */
function commit(dir: string): { status: number | null; output: string } {
  const result = run("git", ["commit", "-m", "a card"], dir);
  return { status: result.status, output: result.stdout + result.stderr };
}

void describe("the pre-commit hooks", { skip }, () => {
  let rev = "";
  before(() => {
    rev = commitOfThisRepository();
    // Installs the hooks' environment once, from a site with both hooks, so each case below reuses it.
    const warmUp = run("pre-commit", ["install-hooks"], site(rev, "      - id: model-cards\n      - id: model-cards-fix\n"));
    assert.equal(warmUp.status, 0, `pre-commit could not install the hooks:\n${warmUp.stdout}\n${warmUp.stderr}`);
  });

  test("model-cards with --max-warnings=0 blocks a commit whose staged card has a warning, and lets the fixed card in", { timeout: 600_000 }, () => {
    const dir = site(rev, "      - id: model-cards\n        args: [--max-warnings=0]\n");
    writeFileSync(path.join(dir, CARD_PATH), CARD.replace("✅", "√"));
    git(dir, "add", CARD_PATH);
    const blocked = commit(dir);
    assert.equal(blocked.status, 1, blocked.output);
    assert.match(blocked.output, /model-cards check\.+Failed/);
    assert.match(blocked.output, /_posts\/2021-07-07-Codex\.md:9:13 warning value\.boolean Public is yes\/no: write ✅ or ❌/);
    assert.match(blocked.output, /1 warnings, more than --max-warnings 0/);

    writeFileSync(path.join(dir, CARD_PATH), CARD);
    git(dir, "add", CARD_PATH);
    const passed = commit(dir);
    assert.equal(passed.status, 0, passed.output);
    assert.match(passed.output, /model-cards check\.+Passed/);
  });

  test("only what is staged is checked: a problem in an unstaged edit does not block the commit", { timeout: 600_000 }, () => {
    const dir = site(rev, "      - id: model-cards\n        args: [--max-warnings=0]\n");
    writeFileSync(path.join(dir, CARD_PATH), CARD);
    git(dir, "add", CARD_PATH);
    writeFileSync(path.join(dir, CARD_PATH), CARD.replace("✅", "√"));
    const passed = commit(dir);
    assert.equal(passed.status, 0, passed.output);
    // The unstaged edit is kept in the working tree, as pre-commit promises.
    assert.match(readFileSync(path.join(dir, CARD_PATH), "utf8"), /√/);
  });

  test("without --max-warnings a warning passes and front matter that does not parse (an error) blocks", { timeout: 600_000 }, () => {
    const dir = site(rev, "      - id: model-cards\n");
    writeFileSync(path.join(dir, CARD_PATH), CARD.replace("✅", "√"));
    git(dir, "add", CARD_PATH);
    assert.equal(commit(dir).status, 0);
    writeFileSync(path.join(dir, CARD_PATH), CARD.replace("categories: [arxiv]", "categories: [arxiv"));
    git(dir, "add", CARD_PATH);
    const blocked = commit(dir);
    assert.equal(blocked.status, 1, blocked.output);
    assert.match(blocked.output, /_posts\/2021-07-07-Codex\.md:\d+:\d+ error front-matter\.syntax/);
  });

  test("model-cards-fix rewrites the staged card, and the commit stops so the fix can be reviewed and staged", { timeout: 600_000 }, () => {
    const dir = site(rev, "      - id: model-cards-fix\n");
    writeFileSync(path.join(dir, CARD_PATH), CARD.replace("✅", "√"));
    git(dir, "add", CARD_PATH);
    const stopped = commit(dir);
    assert.equal(stopped.status, 1, stopped.output);
    assert.match(stopped.output, /files were modified by this hook/);
    assert.equal(readFileSync(path.join(dir, CARD_PATH), "utf8"), CARD);
    git(dir, "add", CARD_PATH);
    assert.equal(commit(dir).status, 0);
  });
});
