/**
 * `--format sarif` validates against the SARIF 2.1.0 schema (vendored, see vendor/README.md) and
 * has what GitHub code scanning needs to place each result: rules with descriptions, a ruleId and
 * level per result, and file locations relative to the checkout with 1-based lines and columns.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { CODES } from "../../src/core/rules/codes";
import { cli, REPO_ROOT, tempDir } from "./run";

const SCHEMA = JSON.parse(readFileSync(path.join(__dirname, "vendor/sarif-2.1.0-rtm.5.json"), "utf8")) as object;

const CODEX = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8");

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
  }[];
}

function validate(log: unknown): void {
  // The schema's `language` pattern has a stray `]` that is only valid without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const valid = ajv.validate(SCHEMA, log);
  assert.ok(valid, `not valid SARIF 2.1.0:\n${JSON.stringify(ajv.errors, null, 1)}`);
}

describe("SARIF output", () => {
  const dir = tempDir({
    "_posts/2021-07-07-Codex.md": CODEX.replace("- 🔑Public: ❌", "- 🔑Public: √").replace("title: Codex", "title: Codex: 12B: x"),
    "_posts/2021 07 07 With Spaces.md": CODEX.replace("  + [x] Decoder-Only", "  * [X] Decoder-Only"),
    "_posts/2021-07-07-Binary.md": new Uint8Array([0, 1, 2]),
  });
  const run = cli(["check", "--format", "sarif", "_posts"], { cwd: dir });
  const log = JSON.parse(run.stdout) as SarifLog;
  const sarifRun = log.runs[0]!;

  test("validates against the SARIF 2.1.0 schema", () => {
    validate(log);
  });

  test("the schema check has teeth: a result without a message is rejected", () => {
    const broken = structuredClone(log);
    delete (broken.runs[0]!.results[0] as { message?: unknown }).message;
    assert.throws(() => { validate(broken); }, /not valid SARIF/);
  });

  test("every diagnostic code is a rule with its description and default level", () => {
    const rules = sarifRun.tool.driver.rules;
    assert.equal(sarifRun.tool.driver.name, "model-cards");
    for (const [code, { description, severity }] of Object.entries(CODES)) {
      const rule = rules.find((r) => r.id === code);
      assert.ok(rule, code);
      assert.equal(rule.shortDescription.text, description);
      assert.equal(rule.defaultConfiguration.level, { error: "error", warning: "warning", information: "note", hint: "note" }[severity]);
    }
  });

  test("results name their rule, level and place: relative URIs, 1-based lines, UTF-16 columns", () => {
    assert.equal(sarifRun.columnKind, "utf16CodeUnits");
    assert.match(sarifRun.originalUriBaseIds["%SRCROOT%"]!.uri, /^file:\/\/.*\/$/);
    const byRule = new Map(sarifRun.results.map((r) => [r.ruleId, r]));
    const boolean = byRule.get("value.boolean")!;
    assert.equal(boolean.level, "warning");
    assert.equal(sarifRun.tool.driver.rules[boolean.ruleIndex]!.id, "value.boolean");
    assert.deepEqual(boolean.locations[0]!.physicalLocation, {
      artifactLocation: { uri: "_posts/2021-07-07-Codex.md", uriBaseId: "%SRCROOT%" },
      region: { startLine: 12, startColumn: 13, endLine: 12, endColumn: 14 },
    });
    assert.equal(byRule.get("front-matter.syntax")!.level, "error");
    assert.equal(byRule.get("list.marker")!.level, "note");
    assert.equal(byRule.get("checkbox.uppercase")!.locations[0]!.physicalLocation.artifactLocation.uri, "_posts/2021%2007%2007%20With%20Spaces.md");
  });

  test("a file that could not be checked is a tool notification, and the exit code says so", () => {
    assert.equal(run.code, 1);
    const invocation = sarifRun.invocations[0]!;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications.map((n) => [n.level, n.message.text]), [["error", "is a binary file, not markdown text"]]);
  });
});
