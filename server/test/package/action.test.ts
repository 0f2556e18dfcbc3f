/**
 * The GitHub Action as a runner executes it: action.yml is read with the yaml package, the
 * inputs (the workflow's `with:` over the defaults) are substituted into each `run` step's text,
 * environment and working directory, and each step runs as GitHub runs a composite bash step
 * (`bash --noprofile --norc -eo pipefail`), in a temporary checkout with cards, the action's folder
 * being this repository. Steps that `uses:` another action are GitHub's (setup-node) and are
 * skipped: this machine's node stands in for the one they set up.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { tempDir } from "../cli/run";

const ROOT = path.resolve(__dirname, "../../..");

interface Step {
  readonly name: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly "working-directory"?: string;
}
interface Action {
  readonly inputs: Readonly<Record<string, { readonly default: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

const action = parse(readFileSync(path.join(ROOT, "action.yml"), "utf8")) as Action;

/** `${{ … }}` expressions the way the runner fills them in; any other expression fails the test. */
function substitute(text: string, inputs: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, expression: string) => {
    if (expression === "github.action_path") return ROOT;
    const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
    if (input !== undefined && input in inputs) return inputs[input]!;
    throw new Error(`action.yml uses \`${expression}\`, which this test does not know how to fill in`);
  });
}

interface StepsRun {
  /** The exit code of the first step that failed, or 0. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the action's steps in `workspace` with the workflow's `with:` values, stopping at the first failure. */
function runAction(workspace: string, withValues: Readonly<Record<string, string>> = {}): StepsRun {
  for (const name of Object.keys(withValues)) assert.ok(name in action.inputs, `action.yml has no input ${name}`);
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default])), ...withValues };
  let stdout = "";
  let stderr = "";
  for (const step of action.runs.steps) {
    if (step.uses !== undefined) continue;
    assert.equal(step.shell, "bash", `step "${step.name}": composite run steps need a shell`);
    const env = { ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: workspace, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(v, inputs)])) };
    const cwd = step["working-directory"] === undefined ? workspace : substitute(step["working-directory"], inputs);
    const script = path.join(workspace, "..", `${path.basename(workspace)}-step.sh`);
    // Beside the checkout, not in it (the step must not see its own script), so the temp folder's cleanup misses it.
    writeFileSync(script, substitute(step.run!, inputs));
    const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd, env, encoding: "utf8", timeout: 600_000 });
    rmSync(script, { force: true });
    if (run.error) throw run.error;
    stdout += run.stdout;
    stderr += run.stderr;
    if (run.status !== 0) return { code: run.status, stdout, stderr };
  }
  return { code: 0, stdout, stderr };
}

const FRONT = "---\ntitle: Codex\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [models]\n---\n";
const CARD = `${FRONT}- 📙Paper: /\n- 🔑Public: √\n`;
const CONFIG = "severity:\n  field.missing: off\n  section.missing: off\n";
/** A checkout with one card whose only reported problem (under its config) is the `√`. */
const checkout = (): string => tempDir({ ".modelcards.yaml": CONFIG, "_posts/2021-07-07-Codex.md": CARD, "README.md": "# Site\n" });
const BOOLEAN_ANNOTATION = "::warning file=_posts/2021-07-07-Codex.md,line=9,endLine=9,col=13,endColumn=14,title=value.boolean::Public is yes/no";

void describe("the GitHub Action", () => {
  test("is a composite action whose only other action is setup-node", () => {
    assert.equal(action.runs.using, "composite");
    assert.deepEqual(action.runs.steps.flatMap((s) => s.uses ?? []), ["actions/setup-node@v4"]);
    assert.deepEqual(Object.keys(action.inputs).sort(), ["config", "fix", "format", "max-warnings", "output", "paths"]);
  });

  test("by default, annotations on the pull request's files, and warnings do not fail the job", () => {
    assert.ok(existsSync(path.join(ROOT, "server/out/cli.js")), "run `node esbuild.mjs` first");
    const run = runAction(checkout());
    assert.equal(run.code, 0, run.stderr);
    const annotations = run.stdout.split("\n").filter((line) => line.startsWith("::"));
    assert.equal(annotations.length, 1, run.stdout);
    assert.ok(annotations[0]!.startsWith(BOOLEAN_ANNOTATION), annotations[0]);
  });

  test("max-warnings: 0 fails the job on that warning", () => {
    const run = runAction(checkout(), { "max-warnings": "0" });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /1 warnings, more than --max-warnings 0/);
  });

  test("format sarif with output writes the SARIF file for the upload, not the log", () => {
    const dir = checkout();
    const run = runAction(dir, { format: "sarif", output: "model-cards.sarif" });
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /"version"/);
    const sarif = JSON.parse(readFileSync(path.join(dir, "model-cards.sarif"), "utf8")) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(sarif.version, "2.1.0");
    assert.deepEqual(sarif.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri]), [["value.boolean", "_posts/2021-07-07-Codex.md"]]);
  });

  test("fix: true fixes the card in the workspace and reports what is left", () => {
    const dir = checkout();
    const run = runAction(dir, { fix: "true" });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(path.join(dir, "_posts/2021-07-07-Codex.md"), "utf8"), CARD.replace("√", "✅"));
    assert.ok(!run.stdout.includes("::warning"), run.stdout);
  });

  test("a fix value other than false, true or all stops with an error annotation", () => {
    const run = runAction(checkout(), { fix: "yes" });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^::error title=model-cards::the fix input is false, true or all, not "yes"$/m);
  });

  test("paths on several lines, a glob left to model-cards, and a config named by the input", () => {
    const dir = checkout();
    writeFileSync(path.join(dir, "drafts.md"), `${FRONT}- 📙Paper: /\n- 🔑Public: yes\n`);
    writeFileSync(path.join(dir, "strict.yaml"), `${CONFIG}  value.boolean: error\n`);
    // bash without globstar would expand **/*.md to the files one folder down only, missing drafts.md.
    const run = runAction(dir, { paths: "**/*.md\n  README.md", config: "strict.yaml" });
    assert.equal(run.code, 1, run.stderr);
    const errors = run.stdout.split("\n").filter((line) => line.startsWith("::error"));
    assert.deepEqual(errors.map((line) => /file=([^,]+),.*title=([^:]+)/.exec(line)?.slice(1)), [["_posts/2021-07-07-Codex.md", "value.boolean"], ["drafts.md", "value.boolean"]]);
  });
});
