/**
 * `--fix` never costs the user text: fixes that would drop words are not written, a write that
 * fails (a full disk) leaves the card whole, and an edit saved during the run is not overwritten.
 * Runs the bundled command as a user does; disk failures are injected into the same `run` the
 * command calls, since a full disk cannot be made on demand.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, test } from "node:test";
import { run, type Io } from "../../src/cli/run";
import { NODE_FS, type FileSystem } from "../../src/cli/write";
import { cli, REPO_ROOT, tempDir } from "./run";

const CODEX = fs.readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8");
const POST = "_posts/2021-07-07-Codex.md";
const SLOPPY = CODEX.replace("- 🔑Public: ❌", "- 🔑Public: √");

interface JsonReport {
  files: { path: string; kind: string | null; error?: string; problems: { code: string }[]; fixed: { code: string }[] }[];
  totals: { files: number; failures: number };
}

/** Runs the command in-process, as main.ts does, with the file system a test hands it. */
async function runWith(files: FileSystem, cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { cwd, stdout: (t) => (stdout += typeof t === "string" ? t : Buffer.from(t).toString("utf8")), stderr: (t) => (stderr += t), readStdin: () => Promise.resolve(new Uint8Array()), files };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe("--fix keeps the user's words", () => {
  const PAPER = "[Evaluating Large Language Models Trained on Code](https://arxiv.org/pdf/2107.03374.pdf)";
  /** Each case writes `written` in place of the Codex card's line `line`. */
  const cases: { name: string; line: string; written: string; fix: "--fix" | "--fix=all"; expected: string }[] = [
    { name: "CJK between the emoji and the label", line: "- 📏Model Size", written: "- 📏模型大小 Model Size", fix: "--fix", expected: "- 📏模型大小 Model Size" },
    { name: "a wrong emoji before CJK text", line: "- 📏Model Size", written: "- 🦄模型大小 Model Size", fix: "--fix", expected: "- 📏模型大小 Model Size" },
    { name: "a translation before the label", line: `- 📙Paper: ${PAPER}`, written: `- 📙 论文 / Paper: ${PAPER}`, fix: "--fix", expected: `- 📙 论文 / Paper: ${PAPER}` },
    { name: "a Greek letter instead of the emoji", line: "- 📏Model Size", written: "- Ω Model Size", fix: "--fix", expected: "- 📏Ω Model Size" },
    { name: "a suggested label with a value and no colon", line: "  + weight decay: `0.1`", written: "  + weight decay 0.1", fix: "--fix=all", expected: "  + weight decay: 0.1" },
    { name: "a suggested label with a full-width colon", line: "- 🔑Public: ❌", written: "- 🔑Public：√", fix: "--fix=all", expected: "- 🔑Public: ✅" },
    { name: "a misspelt label with a value and no colon", line: "  + warmup steps: `175`", written: "  + warmup step 175", fix: "--fix=all", expected: "  + warmup steps: 175" },
  ];
  for (const { name, line, written, fix, expected } of cases) {
    test(`${fix}: ${name}: ${JSON.stringify(written)} → ${JSON.stringify(expected)}`, () => {
      assert.ok(CODEX.includes(line), line);
      const dir = tempDir({ [POST]: CODEX.replace(line, written) });
      const result = cli(["check", fix, POST], { cwd: dir });
      assert.ok(result.code === 0 || result.code === 1, result.stderr);
      const after = fs.readFileSync(path.join(dir, POST), "utf8");
      assert.ok(after.split("\n").includes(expected), `expected the line ${JSON.stringify(expected)} in:\n${after}`);
    });
  }
});

describe("--fix writes safely", () => {
  test("a full disk mid-write: the card stays whole, the failure is reported with the card's problems, exit 1", async () => {
    const dir = tempDir({ [POST]: SLOPPY });
    const file = path.join(dir, POST);
    // Writes half the text, then fails as a full disk does.
    const full: FileSystem = {
      ...NODE_FS,
      writeFileSync: (target, data, options) => {
        NODE_FS.writeFileSync(target, data.slice(0, data.length >> 1), options);
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    };
    const result = await runWith(full, dir, ["check", "--fix", "--format", "json", POST]);
    assert.equal(fs.readFileSync(file, "utf8"), SLOPPY, "the card was cut off");
    assert.deepEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)], "the temporary file was left behind");
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.match(report.files[0]!.error ?? "", /could not write the fixes: the disk is full; the file was left as it was/);
    assert.deepEqual(report.files[0]!.problems.map((p) => p.code), ["value.boolean"], "the problems of the file as it is on disk");
    assert.deepEqual(report.files[0]!.fixed, []);
    assert.equal(report.totals.files, 1);
    const text = await runWith(full, dir, ["check", "--fix", POST]);
    assert.match(text.stdout, /^Checked 1 file \(1 card\): 1 problem .*; 1 file could not be fixed$/m);
    assert.match(text.stderr, /2021-07-07-Codex\.md: could not write the fixes: the disk is full/);
  });

  test("an edit saved while --fix runs is kept, and the run says the fixes were not written", async () => {
    const dir = tempDir({ [POST]: SLOPPY });
    const file = path.join(dir, POST);
    const edited = `${SLOPPY}- a line the user appended\n`;
    const racing: FileSystem = {
      ...NODE_FS,
      writeFileSync: (target, data, options) => {
        fs.writeFileSync(file, edited);
        NODE_FS.writeFileSync(target, data, options);
      },
    };
    const result = await runWith(racing, dir, ["check", "--fix", POST]);
    assert.equal(fs.readFileSync(file, "utf8"), edited);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /changed while it was being checked, so the fixes were not written; run model-cards again/);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)]);
  });

  test("the fixed card keeps its permission bits, its CRLF line endings, and a link to it stays a link", () => {
    const crlf = SLOPPY.replace(/\n/g, "\r\n");
    const dir = tempDir({ "cards/2021-07-07-Codex.md": crlf });
    const real = path.join(dir, "cards/2021-07-07-Codex.md");
    fs.chmodSync(real, 0o640);
    fs.mkdirSync(path.join(dir, "_posts"));
    fs.symlinkSync(real, path.join(dir, POST));
    const result = cli(["check", "--fix", POST], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(fs.lstatSync(path.join(dir, POST)).isSymbolicLink());
    assert.equal(fs.statSync(real).mode & 0o777, 0o640);
    assert.equal(fs.readFileSync(real, "utf8"), crlf.replace("🔑Public: √", "🔑Public: ✅"));
  });
});

describe("what the CLI refuses to read", () => {
  test("a FIFO and /dev/zero are refused at once, not read", () => {
    const dir = tempDir();
    const fifo = path.join(dir, "pipe.md");
    const made = spawnSync("mkfifo", [fifo]);
    if (made.status !== 0) return;
    const result = cli(["check", "pipe.md", "/dev/zero"], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /pipe\.md: is not a regular file \(a pipe, a device or a socket\), so it was not read/);
    assert.match(result.stderr, /\/dev\/zero: is not a regular file/);
  });

  test("a file over the size limit is refused with the limit in the message; --max-file-size raises it", () => {
    const big = `${CODEX}\n${"x".repeat(2 * 1024 * 1024)}\n`;
    const dir = tempDir({ [POST]: big });
    const refused = cli(["check", "--max-file-size", "1", POST], { cwd: dir });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /is 2\.0 MB, over the limit of 1 MB for one file; raise it with --max-file-size <MB>/);
    const raised = cli(["check", "--max-file-size", "3", "--format", "json", POST], { cwd: dir });
    assert.equal((JSON.parse(raised.stdout) as JsonReport).files[0]!.kind, "model card", raised.stderr);
    const bad = cli(["check", "--max-file-size", "lots", POST], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-file-size takes a size in MB/);
  });

  test("an empty path is a usage error, and --fix rewrites nothing", () => {
    const dir = tempDir({ [POST]: SLOPPY });
    for (const args of [["check", ""], ["check", "--fix", ""]]) {
      const result = cli(args, { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /an empty path names no file/);
    }
    assert.equal(fs.readFileSync(path.join(dir, POST), "utf8"), SLOPPY);
  });
});
