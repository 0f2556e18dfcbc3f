/**
 * Answers that were wrong, each driven through the bundled command as a user runs it: a fix-all
 * that moved a field and inserted a child where the field had been, line endings other than LF
 * and CRLF, config entries that collided with or could not be placed in the built-in schema, and
 * a config file that is not text.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { cli, REPO_ROOT, tempDir } from "./run";

const CODEX = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8");
const POST = "_posts/2021-07-07-Codex.md";

const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");

/** The Codex card with 🍉Tokenizer, which lacks its Details, written right after 🔑Public. */
function tokenizerTooEarly(): string {
  const start = CODEX.indexOf("- 🍉Tokenizer");
  const end = CODEX.indexOf("- 🧪Hyperparameters");
  const tokenizer = CODEX.slice(start, end).replace(/ {2}\+ Details\n {4}\* GPT3[^\n]*\n/, "");
  const rest = CODEX.slice(0, start) + CODEX.slice(end);
  return rest.replace("- 🔑Public: ❌\n", `- 🔑Public: ❌\n${tokenizer}`);
}

describe("--fix=all", () => {
  test("moving a field and inserting its missing child: the child lands in the moved field, once, and nothing is left behind", () => {
    const dir = tempDir({ [POST]: tokenizerTooEarly() });
    const run = cli(["check", "--fix=all", POST], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Checked 1 file \(1 card\): no problems/);
    const fixed = readFileSync(path.join(dir, POST), "utf8");
    const all = fixed.split("\n");
    const publicAt = all.indexOf("- 🔑Public: ❌");
    assert.equal(all[publicAt + 1], "- 🌐Architecture", `nothing between Public and Architecture:\n${fixed}`);
    assert.equal(all.filter((l) => l === "  + Details").length, 1, fixed);
    const tokenizer = all.indexOf("- 🍉Tokenizer");
    assert.ok(tokenizer > all.indexOf("- 🗂️Data pre-processing") && all.indexOf("  + Details") > tokenizer && all.indexOf("  + Details") < all.indexOf("- 🧪Hyperparameters (Codex 12B)"), fixed);
    assert.equal(cli(["check", "--fix=all", POST], { cwd: dir }).stdout.includes("fixed"), false, "a second run fixed more");
  });
});

describe("line endings", () => {
  const variants: { name: string; text: string }[] = [
    { name: "lone CR", text: CODEX.replace(/\n/g, "\r") },
    { name: "mixed LF, CRLF and CR", text: CODEX.split("\n").map((l, i) => l + ["\n", "\r\n", "\r"][i % 3]!).join("") },
  ];
  for (const { name, text } of variants) {
    test(`${name}: the same problems as with LF, front matter included`, () => {
      const sloppy = (t: string): string => t.replace("🔑Public: ❌", "🔑Public: √");
      const dir = tempDir({ [POST]: sloppy(text), "_posts/2021-07-07-Lf.md": sloppy(CODEX) });
      const odd = cli(["check", "--format", "json", POST], { cwd: dir });
      const lf = cli(["check", "--format", "json", "_posts/2021-07-07-Lf.md"], { cwd: dir });
      const problems = (stdout: string): string[] => (JSON.parse(stdout) as { files: { problems: { code: string; line: number }[] }[] }).files[0]!.problems.map((p) => `${p.line} ${p.code}`);
      assert.deepEqual(problems(odd.stdout), problems(lf.stdout));
      assert.deepEqual(problems(odd.stdout), ["12 value.boolean"]);
    });
  }
});

describe("config files", () => {
  const check = (config: string): { code: number | null; stdout: string; stderr: string } => cli(["check", POST], { cwd: tempDir({ [POST]: CODEX, ".modelcards.yaml": config }) });

  test("a field whose id or label a built-in field has is refused at its node, and the card is not checked against it", () => {
    const run = check([
      "schema:",
      "  fields:",
      "    - { kind: models, id: paper2, label: Paper, emoji: 📙, value: link, description: Again. }",
      "    - { kind: models, id: modelSize, label: Size of the model, description: Again. }",
    ].join("\n"));
    assert.equal(run.code, 2);
    assert.deepEqual(lines(run.stdout).slice(0, 2), [
      '.modelcards.yaml:3:42 error config.value model cards already have a field with the label "Paper" at that level (paper): a second one would get contradictory problems. Choose another label, or change the built-in field with `options` or `optional`.',
      ".modelcards.yaml:4:27 error config.value model cards already have a field with the id `modelSize` at that level (modelSize): a second one would get contradictory problems. Choose another id, or change the built-in field with `options` or `optional`.",
    ]);
  });

  test("a field under what is not a section, or under a field of another kind, is reported, not dropped silently", () => {
    const run = check([
      "schema:",
      "  fields:",
      "    - { kind: models, under: paper, id: venue, label: Venue, description: Where. }",
      "    - { kind: models, under: hyperparameters, after: paper, id: seed, label: seed, description: The seed. }",
    ].join("\n"));
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^\.modelcards\.yaml:3:30 error config\.value `paper` is not a section of model cards, so the field could not be placed under it\. Sections: .*`hyperparameters`/m);
    assert.match(run.stdout, /^\.modelcards\.yaml:4:5\d error config\.value `paper` is not a field at that level of model cards; the field goes at the end of the level\./m);
  });

  test("__proto__, constructor and toString are not severity codes", () => {
    const run = check(["severity:", "  __proto__: off", "  constructor: off", "  toString: off"].join("\n"));
    assert.equal(run.code, 0, run.stderr);
    const unknown = lines(run.stdout).filter((l) => l.includes("config.unknown-code"));
    assert.deepEqual(unknown.map((l) => /Unknown code `([^`]+)`/.exec(l)?.[1]), ["__proto__", "constructor", "toString"]);
  });

  test("a binary config says why in text mode, not only 'fix the config file first'", () => {
    const dir = tempDir({ [POST]: CODEX, ".modelcards.yaml": new Uint8Array([0x73, 0x65, 0x76, 0x00, 0x01, 0xff]) });
    const run = cli(["check", POST], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^model-cards: \.modelcards\.yaml: is a binary file, not markdown text$/m);
    assert.match(run.stderr, /fix the config file first: \.modelcards\.yaml/);
  });
});
