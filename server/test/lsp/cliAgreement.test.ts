/**
 * The acceptance test of the CLI: for the same files and the same settings, `model-cards check
 * --format json` reports exactly what the editor shows (the language server over stdio): the same
 * problems at the same places with the same severities and messages, and so the same totals by code.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "vscode-languageserver-types";
import { cli, REPO_ROOT, tempDir } from "../cli/run";
import { useServer, type CardSettings } from "./client";

const FIXTURES = path.join(REPO_ROOT, "server/test/fixtures");
const FILES = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).sort().map((f) => path.join(FIXTURES, f));

/** Not the defaults, so the test also shows both read the settings the same way. */
const SETTINGS: CardSettings = { severity: { "list.marker": "warning", "emoji.variant": "off", "value.link": "error" }, cardGlobs: ["**/front-matter-untagged.md"] };
const CONFIG = `severity:\n${Object.entries(SETTINGS.severity!).map(([code, level]) => `  ${code}: ${level}`).join("\n")}\ncardGlobs:\n${SETTINGS.cardGlobs!.map((g) => `  - "${g}"`).join("\n")}\n`;

const SEVERITY = ["", "error", "warning", "information", "hint"];

interface Row {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

const byPlace = (a: Row, b: Row): number => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);

function totalsByCode(rows: readonly Row[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of rows) totals[row.code] = (totals[row.code] ?? 0) + 1;
  return totals;
}

const lsp = useServer({ settings: SETTINGS });

describe("the CLI and the editor agree", () => {
  test(`on the ${FILES.length} fixture files, with the same settings: every problem, and the totals by code`, async () => {
    const config = path.join(tempDir({ "settings.yaml": CONFIG }), "settings.yaml");
    const run = cli(["check", "--format", "json", "--config", config, ...FILES], { cwd: REPO_ROOT });
    assert.equal(run.stderr.includes("internal error"), false, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { path: string; problems: Omit<Row, "file">[] }[]; totals: { byCode: Record<string, number> } };
    const fromCli = report.files.flatMap((f) => f.problems.map((p) => ({ file: path.resolve(REPO_ROOT, f.path), line: p.line, column: p.column, severity: p.severity, code: p.code, message: p.message })));

    const fromEditor: Row[] = [];
    for (const file of FILES) {
      const uri = pathToFileURL(file).href;
      await lsp.client.open(uri, readFileSync(file, "utf8"));
      const diagnostics: Diagnostic[] = await lsp.client.settledDiagnostics(uri);
      for (const d of diagnostics) {
        fromEditor.push({ file, line: d.range.start.line + 1, column: d.range.start.character + 1, severity: SEVERITY[d.severity!]!, code: String(d.code), message: d.message as string });
      }
      await lsp.client.close(uri);
    }

    assert.ok(fromEditor.length > 50, `the fixtures have problems to compare (${fromEditor.length})`);
    assert.ok(fromEditor.some((r) => r.severity === "error" && r.code === "value.link"), "the severity settings took effect");
    assert.deepEqual(fromCli.sort(byPlace), fromEditor.sort(byPlace));
    assert.deepEqual(report.totals.byCode, totalsByCode(fromEditor));
    console.log(`CLI and editor: ${FILES.length} files, the same ${fromEditor.length} problems`);
  });
});
