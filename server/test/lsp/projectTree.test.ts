/**
 * The acceptance test of the project model: a tree with two `.modelcards.yaml` files (different
 * severities, one also adding a card glob) and a second workspace folder without one. The editor
 * (the server over stdio, both folders open, checking every card on disk) and `model-cards check`
 * on both folders report the same problems for every file, each under the config nearest above it.
 */
import assert from "node:assert/strict";
import { cpSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { CHECK_WORKSPACE, type CheckWorkspaceResult } from "../../src/lsp/protocol";
import { cli, REPO_ROOT, tempDir } from "../cli/run";
import { useServer } from "./client";

const FIXTURES = path.join(REPO_ROOT, "server/test/fixtures");
const root = tempDir();
const siteA = path.join(root, "siteA");
const siteB = path.join(root, "siteB");
for (const into of [path.join(siteA, "_posts"), path.join(siteA, "_drafts"), siteB]) cpSync(path.join(FIXTURES, "rules"), into, { recursive: true });
cpSync(path.join(FIXTURES, "codex.md"), path.join(siteA, "_site", "2021-07-07-Codex.md"));
writeFileSync(path.join(siteA, ".modelcards.yaml"), "severity:\n  list.marker: error\n  value.link: off\n");
writeFileSync(path.join(siteA, "_drafts", ".modelcards.yaml"), 'severity:\n  list.marker: hint\n  field.missing: error\ncardGlobs:\n  - "**/front-matter-untagged.md"\n');

const SEVERITY = ["", "error", "warning", "information", "hint"];

/** `file line:column severity code message`, sorted: one line per problem. */
type Rows = string[];

describe("a tree with two config files and a second workspace folder", () => {
  const lsp = useServer({ workspaceFolders: [siteA, siteB] });

  test("the editor's check of every card and the CLI report the same problems for every file", async () => {
    const result = await lsp.client.request<CheckWorkspaceResult>(CHECK_WORKSPACE, {});
    const fromEditor: Rows = [];
    const checked = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).map((f) => path.join(root, f));
    for (const file of checked) {
      const published = lsp.client.lastPublished(pathToFileURL(file).href);
      for (const d of published?.diagnostics ?? []) fromEditor.push(`${path.relative(root, file)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity!]} ${String(d.code)} ${d.message as string}`);
    }

    const run = cli(["check", "--format", "json", "siteA", "siteB"], { cwd: root });
    assert.equal(run.stderr.includes("internal error"), false, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { path: string; role: string; problems: { line: number; column: number; severity: string; code: string; message: string }[] }[]; totals: { cards: number } };
    const fromCli: Rows = report.files.flatMap((f) => f.problems.map((p) => `${f.path} ${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`));

    // Both list the same files: _site is skipped by each, and the glob of the drafts' config adds the untagged post there only.
    assert.equal(result.cards, report.totals.cards);
    assert.ok(!fromCli.some((r) => r.startsWith("siteA/_site/")) && !fromEditor.some((r) => r.startsWith("siteA/_site/")));
    // Each folder's problems have its own config's severities, so a single config for all would fail below.
    const severityOf = (folder: string, code: string): string[] => [...new Set(fromEditor.filter((r) => r.startsWith(folder) && r.split(" ")[3] === code).map((r) => r.split(" ")[2]!))];
    assert.deepEqual(severityOf("siteA/_posts/", "list.marker"), ["error"]);
    assert.deepEqual(severityOf("siteA/_drafts/", "list.marker"), ["hint"]);
    assert.deepEqual(severityOf("siteB/", "list.marker"), ["information"]);
    assert.deepEqual(severityOf("siteA/_posts/", "value.link"), []);
    assert.deepEqual(severityOf("siteA/_drafts/", "field.missing"), ["error"]);
    assert.ok(fromEditor.some((r) => r.startsWith("siteA/_drafts/front-matter-untagged.md")), "the drafts' card glob applies there");
    assert.ok(!fromEditor.some((r) => r.startsWith("siteA/_posts/front-matter-untagged.md")), "and only there");

    assert.deepEqual(fromCli.sort(), fromEditor.sort());
    console.log(`editor and CLI: ${checked.length} files in two folders under two configs, the same ${fromEditor.length} problems`);
  });
});
