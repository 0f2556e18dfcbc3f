/**
 * The shipped JSON Schema of `.modelcards.yaml` against the parser it is generated from: every
 * config the tests and the README use is valid to both or broken to both, so an editor validating
 * with the schema (yaml-language-server, VS Code's YAML extension) agrees with the checker.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import Ajv from "ajv";
import { parse } from "yaml";
import { CONFIG_SCHEMA_PATH, ROOT } from "../../scripts/generate";
import { parseConfig } from "../../src/core/config";

const schema = JSON.parse(readFileSync(path.join(ROOT, CONFIG_SCHEMA_PATH), "utf8")) as object;
const ajv = new Ajv({ strict: true, allowUnionTypes: true });
// The keywords VS Code's and yaml-language-server's hovers read; not validation keywords.
ajv.addVocabulary(["markdownDescription", "markdownEnumDescriptions"]);
const validate = ajv.compile(schema);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

/**
 * The configs the tests write: string literals that start with a top-level key, from every test
 * file, and the README's YAML examples of the file. Read from the sources, so a config a new test
 * adds is checked here too.
 */
function configsInUse(): string[] {
  const literal = /"((?:severity|schema|cardGlobs):(?:[^"\\]|\\.)*)"/g;
  const fromTests = testFiles(path.join(ROOT, "server/test")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(literal)].map((m) => JSON.parse(`"${m[1]!}"`) as string));
  const fromReadme = [...readFileSync(path.join(ROOT, "README.md"), "utf8").matchAll(/```yaml\n((?:# yaml-language-server: [^\n]*\n)?(?:severity|schema|cardGlobs):[^`]*)```/g)].map((m) => m[1]!);
  return [...new Set([...fromTests, ...fromReadme])];
}

/** YAML that does not parse has nothing for a schema to check: both editors and the checker report the YAML itself. */
const parses = (text: string): boolean => parseConfig(text).problems.every((p) => p.code !== "config.syntax");

void describe("the JSON Schema of .modelcards.yaml", () => {
  const configs = configsInUse().filter(parses);

  test("the tests and the README give enough configs, clean and broken, for the comparison to mean something", () => {
    const clean = configs.filter((t) => parseConfig(t).problems.length === 0);
    assert.ok(clean.length >= 10, `${clean.length} clean configs`);
    assert.ok(configs.length - clean.length >= 5, `${configs.length - clean.length} broken configs`);
  });

  test("every config without a problem validates; every one with a problem is rejected", () => {
    const disagreements = configs.flatMap((text) => {
      const problems = parseConfig(text).problems;
      const valid = validate(parse(text));
      return valid === (problems.length === 0) ? [] : [`${JSON.stringify(text)}: checker ${problems.map((p) => p.code).join(", ") || "clean"}, schema ${valid ? "valid" : JSON.stringify(validate.errors)}`];
    });
    assert.deepEqual(disagreements, []);
  });

  test("a misspelt level is rejected where it is, with the levels it could be", () => {
    assert.equal(validate(parse("severity:\n  list.marker: loud\n")), false);
    const error = validate.errors![0]!;
    assert.equal(error.instancePath, "/severity/list.marker");
    assert.deepEqual(error.params, { allowedValues: ["error", "warning", "information", "hint", "off"] });
  });

  test("a new field without its description, and a field of an unknown value kind, are rejected", () => {
    assert.equal(validate(parse("schema:\n  fields:\n    - { kind: models, id: hf, label: HF }\n")), false);
    assert.equal(validate(parse("schema:\n  fields:\n    - { kind: models, id: hf, label: HF, description: d, value: url }\n")), false);
    assert.equal(validate(parse("schema:\n  fields:\n    - { kind: models, id: hf, label: HF, description: d, value: link, children: { fields: [{ id: a, label: A, description: d }] } }\n")), true);
  });

  test("VS Code validates the file with it: package.json's yamlValidation points at the shipped schema", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { contributes: { yamlValidation: { fileMatch: string; url: string }[] } };
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ".modelcards.yaml", url: `./${CONFIG_SCHEMA_PATH}` }]);
  });
});
