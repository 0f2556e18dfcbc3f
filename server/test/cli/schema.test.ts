/** The CLI reads a project config's `schema:` additions exactly as the editor does. */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { cli, REPO_ROOT, tempDir } from "./run";

const CODEX = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8");
const CARD = CODEX.replace("  + [x] Decoder-Only", "  + [ ] Decoder-Only\n  + [x] Encoder-Denoiser-Decoder");

describe("schema additions on the command line", () => {
  test("an option added in .modelcards.yaml is known; without the file it is not", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "_posts"));
    writeFileSync(path.join(dir, "_posts", "2021-07-07-Codex.md"), CARD);
    const before = cli(["check", "--format", "json", "_posts"], { cwd: dir });
    assert.match(before.stdout, /choice\.unknown-option/);
    writeFileSync(path.join(dir, ".modelcards.yaml"), "schema:\n  options:\n    architecture: [Encoder-Denoiser-Decoder]\n");
    const after = cli(["check", "--format", "json", "_posts"], { cwd: dir });
    assert.equal(after.code, 0, after.stderr);
    assert.doesNotMatch(after.stdout, /choice\.unknown-option/);
  });

  test("a mistake in the schema is reported at its line", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "2021-07-07-Codex.md"), CODEX);
    writeFileSync(path.join(dir, ".modelcards.yaml"), "schema:\n  optional: [tokeniser]\n");
    const run = cli(["check", "2021-07-07-Codex.md"], { cwd: dir });
    assert.match(run.stdout + run.stderr, /\.modelcards\.yaml:2:\d+ warning config\.unknown-field .*Did you mean `tokenizer`\?/);
  });
});
