/**
 * `model-cards check` as a user and CI run it: the bundled command in its own process, on files in
 * a temp folder, read through what it prints and its exit code.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, cpSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { CLI, cli, REPO_ROOT, STACK_TRACE, tempDir } from "./run";

const CODEX = readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8");
const POST = "_posts/2021-07-07-Codex.md";
/** The Codex card with two problems to fix (`√`, a `*` bullet at level 2) and one to report (an unknown field). */
const SLOPPY = CODEX.replace("- 🔑Public: ❌", "- 🔑Public: √").replace("  + [x] Decoder-Only", "  * [x] Decoder-Only").replace("- 📏Model Size", "- 🦄Mascot: none\n- 📏Model Size");
const BROKEN_YAML = CODEX.replace("title: Codex", "title: Codex: the model: 12B");
const UNTAGGED = CODEX.replace("tags: [models]", "tags: [notes]");

const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");

interface JsonReport {
  files: { path: string; role: string; kind: string | null; error?: string; problems: { code: string; severity: string; line: number; column: number; message: string }[]; fixed: { code: string }[] }[];
  totals: { files: number; cards: number; failures: number; problems: number; bySeverity: Record<string, number>; byCode: Record<string, number>; fixed: number };
}

const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

describe("usage", () => {
  const cases: { args: string[]; message: RegExp }[] = [
    { args: [], message: /missing command/ },
    { args: ["lint", "x.md"], message: /unknown command "lint"/ },
    { args: ["check"], message: /at least one file, folder or glob/ },
    { args: ["check", "--bogus", "x.md"], message: /unknown option --bogus/ },
    { args: ["check", "--format", "xml", "x.md"], message: /--format takes text, json, sarif, github, not "xml"/ },
    { args: ["check", "--format"], message: /--format needs a value/ },
    { args: ["check", "--fix=some", "x.md"], message: /--fix takes all \(or no value\), not "some"/ },
    { args: ["check", "--quiet=yes", "x.md"], message: /--quiet takes no value/ },
    { args: ["check", "--max-warnings", "many", "x.md"], message: /--max-warnings takes a whole number/ },
    { args: ["check", "no-such-file.md"], message: /no such file or folder: no-such-file\.md/ },
    { args: ["check", "nowhere/**/*.md"], message: /no files match nowhere\/\*\*\/\*\.md/ },
    { args: ["check", "--fix", "-"], message: /cannot write to standard input/ },
    { args: ["check", "--stdin-filename", "a.md", "x.md"], message: /add - to the paths/ },
    { args: ["check", "--config", "missing.yaml", "."], message: /no such config file: missing\.yaml/ },
  ];
  for (const { args, message } of cases) {
    test(`model-cards ${args.join(" ")} → exit 2: ${message.source}`, () => {
      const run = cli(args, { cwd: tempDir() });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Run model-cards --help for usage\./);
      assert.equal(run.stdout, "");
    });
  }

  test("--help prints the usage, --version the version; both exit 0", () => {
    const help = cli(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: model-cards check/);
    assert.match(help.stdout, /Exit codes: 0/);
    const version = cli(["--version"]);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version);
  });
});

describe("checking", () => {
  test("text output: file:line:col severity code message, in reading order, then a summary; warnings alone exit 0", () => {
    const dir = tempDir({ [POST]: SLOPPY, "_posts/2021-07-07-Clean.md": CODEX.replace("Codex", "Clean") });
    const run = cli(["check", "_posts"], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(lines(run.stdout), [
      `${POST}:12:13 warning value.boolean Public is yes/no: write ✅ or ❌ (a note may follow), not "√".`,
      `${POST}:15:3 information list.marker A level-2 bullet starts with \`+\` in the template; this one starts with \`*\`.`,
      `${POST}:16:3 warning field.unknown Unknown field "🦄Mascot" in the card. Fields here: Paper, Publisher, Author Affiliation, Public, Architecture, Model Size, Data pre-processing, Tokenizer, Hyperparameters, Training.`,
      "Checked 2 files (2 cards): 3 problems (0 errors, 2 warnings, 1 information, 0 hints)",
    ]);
    assert.equal(run.stderr, "");
  });

  test("columns count UTF-16 code units, as editors do: the 📙 of a label is two", () => {
    const dir = tempDir({ [POST]: CODEX.replace("- 📚Publisher: `Arxiv`", "- 📚Publisher: `Arxiv`\n- 📙Paper: [again](https://example.org/x)") });
    const run = cli(["check", POST, "--format", "json"], { cwd: dir });
    const duplicate = json(run.stdout).files[0]!.problems.find((p) => p.code === "field.duplicate");
    assert.deepEqual(duplicate && { line: duplicate.line, column: duplicate.column }, { line: 11, column: 3 });
  });

  test("an error-severity problem exits 1; --quiet shows errors only", () => {
    const dir = tempDir({ [POST]: BROKEN_YAML.replace("- 🔑Public: ❌", "- 🔑Public: √") });
    const loud = cli(["check", POST], { cwd: dir });
    assert.equal(loud.code, 1);
    assert.match(loud.stdout, /:2:\d+ error front-matter\.syntax YAML: /);
    assert.match(loud.stdout, /warning value\.boolean/);
    const quiet = cli(["check", "--quiet", POST], { cwd: dir });
    assert.equal(quiet.code, 1);
    assert.doesNotMatch(quiet.stdout, / warning /);
    assert.match(quiet.stdout, /error front-matter\.syntax/);
  });

  test("--max-warnings: more warnings than allowed exit 1, as many exit 0", () => {
    const dir = tempDir({ [POST]: SLOPPY });
    const over = cli(["check", "--max-warnings", "1", POST], { cwd: dir });
    assert.equal(over.code, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
    assert.equal(cli(["check", "--max-warnings=2", POST], { cwd: dir }).code, 0);
  });

  test("json: every file with its problems, and totals by severity and by code", () => {
    const dir = tempDir({ [POST]: SLOPPY, "_posts/2021-07-07-Clean.md": CODEX, "_posts/index.md": "# Posts\n" });
    const report = json(cli(["check", "--format", "json", "_posts"], { cwd: dir }).stdout);
    assert.deepEqual(report.files.map((f) => [f.path, f.kind, f.problems.length]), [
      ["_posts/2021-07-07-Clean.md", "model card", 0],
      [POST, "model card", 3],
      ["_posts/index.md", null, 0],
    ]);
    assert.deepEqual(report.totals, {
      files: 3, cards: 2, failures: 0, problems: 3,
      bySeverity: { error: 0, warning: 2, information: 1, hint: 0 },
      byCode: { "field.unknown": 1, "list.marker": 1, "value.boolean": 1 },
      fixed: 0,
    });
  });

  test("a report of many chunks comes out whole: every file, every problem, multi-byte text intact, in each format", () => {
    // 120 sloppy posts, and one with 400 unknown bullets whose JSON entry alone is larger than a chunk.
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`_posts/2021-07-07-Card${String(i).padStart(3, "0")}.md`] = SLOPPY;
    files["_posts/2021-07-08-Long.md"] = CODEX + Array.from({ length: 400 }, (_, i) => `- 🧪Unknown 值${i}: x\n`).join("");
    const dir = tempDir(files);
    const report = json(cli(["check", "--format", "json", "_posts"], { cwd: dir }).stdout);
    assert.equal(report.files.length, 121);
    assert.equal(report.files.reduce((sum, f) => sum + f.problems.length, 0), report.totals.problems);
    assert.equal(report.totals.byCode["field.unknown"], 120 + 400);
    assert.ok(report.files.at(-1)!.problems.some((p) => p.message.startsWith('Unknown field "🧪Unknown 值399"')));
    const text = cli(["check", "_posts"], { cwd: dir }).stdout.split("\n");
    assert.equal(text.filter((line) => / field\.unknown /.test(line)).length, 520);
    assert.match(text.at(-2)!, new RegExp(`^Checked 121 files \\(121 cards\\): ${report.totals.problems} problems`));
  });

  test("globs are expanded by the CLI (quoted, so the shell leaves them), files named twice are checked once", () => {
    const dir = tempDir({ [POST]: SLOPPY, "drafts/deep/2021-07-07-Draft.md": CODEX, "drafts/notes.txt": "x" });
    const report = json(cli(["check", "--format", "json", "**/*.md", POST], { cwd: dir }).stdout);
    assert.deepEqual(report.files.map((f) => f.path), ["_posts/2021-07-07-Codex.md", "drafts/deep/2021-07-07-Draft.md"]);
  });

  test("github: workflow annotations, with GitHub's escaping of %, line breaks, : and ,", () => {
    const name = "_posts/2021-07-07-a,b:c.md";
    const dir = tempDir({ [name]: CODEX.replace("  + learning rate: `1e-4`", "  + learning rate: 100%\n  + learning rate: fast%") });
    const run = cli(["check", "--format", "github", name], { cwd: dir });
    assert.equal(run.code, 0);
    const annotations = lines(run.stdout).filter((l) => l.startsWith("::"));
    assert.ok(annotations.length > 0, run.stdout);
    for (const a of annotations) assert.match(a, /^::(error|warning|notice) file=_posts\/2021-07-07-a%2Cb%3Ac\.md,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=[a-z.-]+::/);
    assert.ok(annotations.some((a) => a.includes('"fast%25" has none')), annotations.join("\n"));
    assert.ok(annotations.some((a) => a.startsWith("::notice") || a.startsWith("::warning")));
  });

  test("standard input with -, named by --stdin-filename for the date check and the config", () => {
    const dir = tempDir({ "_posts/.modelcards.yaml": "severity:\n  value.boolean: error\n" });
    const text = SLOPPY.replace("2021-07-07 00:00:00", "2021-07-08 00:00:00");
    const run = cli(["check", "-", "--stdin-filename", POST], { cwd: dir, stdin: text });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, new RegExp(`^${POST.replace(/[.]/g, "\\.")}:4:\\d+ warning front-matter\\.date-filename`, "m"));
    assert.match(run.stdout, /:12:13 error value\.boolean/);
    const anonymous = cli(["check", "-"], { cwd: dir, stdin: SLOPPY });
    assert.match(anonymous.stdout, /^<stdin>:12:13 warning value\.boolean/m);
  });

  test("a file named explicitly that is not a card is skipped with a note; exit 0", () => {
    const dir = tempDir({ "README.md": "# Read me\n" });
    const run = cli(["check", "README.md"], { cwd: dir });
    assert.equal(run.code, 0);
    assert.match(run.stderr, /README\.md: not a card .* skipped/);
    assert.match(run.stdout, /Checked 1 file \(0 cards\): no problems/);
  });
});

describe("files that cannot be checked: one message each, exit 1, never a stack trace", () => {
  test("binary, not UTF-8, a broken link, and a folder without cards", () => {
    const dir = tempDir({
      "posts/2021-07-07-Good.md": CODEX,
      "posts/2021-07-07-Binary.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
      "posts/2021-07-07-Latin1.md": Buffer.concat([Buffer.from(CODEX.slice(0, 40)), Buffer.from([0xe9, 0x0a])]),
      "notes/README.md": "# Just notes\n",
    });
    symlinkSync(path.join(dir, "posts/nowhere.md"), path.join(dir, "posts/2021-07-07-Gone.md"));
    const run = cli(["check", "posts", "notes"], { cwd: dir });
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stdout + run.stderr, STACK_TRACE);
    assert.deepEqual(lines(run.stderr).sort(), [
      "model-cards: notes: no cards here: 1 file(s), none tagged models or benchmarks or matched by cardGlobs",
      "model-cards: posts/2021-07-07-Binary.md: is a binary file, not markdown text",
      "model-cards: posts/2021-07-07-Gone.md: cannot read it: it does not exist (a broken link?)",
      "model-cards: posts/2021-07-07-Latin1.md: is not valid UTF-8 (line 4, byte 10 of the line); save it as UTF-8",
    ]);
    assert.match(run.stdout, /Checked 2 files \(1 card\): no problems; 4 paths could not be checked/);
    const report = json(cli(["check", "--format", "json", "posts", "notes"], { cwd: dir }).stdout);
    assert.equal(report.totals.failures, 4);
    assert.match(report.files.find((f) => f.path.endsWith("Binary.md"))!.error!, /binary/);
  });

  test("invalid UTF-8 on standard input", () => {
    const run = cli(["check", "-"], { cwd: tempDir(), stdin: new Uint8Array([0x2d, 0x20, 0xff, 0x0a]) });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /<stdin>: is not valid UTF-8 \(line 1, byte 3 of the line\)/);
  });
});

describe("output cut short", () => {
  test("a reader that goes away early (| head) ends the command quietly, without a stack trace", async () => {
    const cards = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`_posts/2021-07-07-Card${i}.md`, SLOPPY]));
    const dir = tempDir(cards);
    const child = spawn(process.execPath, [CLI, "check", "--format", "json", "_posts"], { cwd: dir });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.doesNotMatch(stderr, STACK_TRACE);
    assert.doesNotMatch(stderr, /EPIPE/);
    assert.notEqual(code, null, "it exited by itself");
  });
});

describe("config file", () => {
  test("the nearest .modelcards.yaml above each file applies to it, and --config replaces it", () => {
    const dir = tempDir({
      ".modelcards.yaml": "severity:\n  list.marker: off\n",
      "a/b/2021-07-07-Codex.md": SLOPPY,
      "other/.modelcards.yaml": "severity:\n  value.boolean: hint\n",
      "other/2021-07-07-Codex.md": SLOPPY,
      "strict.yaml": "severity:\n  field.unknown: error\n",
    });
    const report = json(cli(["check", "--format", "json", "a", "other"], { cwd: dir }).stdout);
    const codes = (file: string): string[] => report.files.find((f) => f.path === file)!.problems.map((p) => `${p.code} ${p.severity}`);
    assert.deepEqual(codes("a/b/2021-07-07-Codex.md"), ["value.boolean warning", "field.unknown warning"]);
    assert.deepEqual(codes("other/2021-07-07-Codex.md"), ["value.boolean hint", "list.marker information", "field.unknown warning"]);
    const strict = cli(["check", "--config", "strict.yaml", "a"], { cwd: dir });
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /information list\.marker/);
    assert.match(strict.stdout, /error field\.unknown/);
  });

  test("cardGlobs make untagged files cards", () => {
    const dir = tempDir({ ".modelcards.yaml": "cardGlobs: [drafts/*.md]\n", "drafts/2021-07-07-Codex.md": UNTAGGED });
    const report = json(cli(["check", "--format", "json", "drafts"], { cwd: dir }).stdout);
    assert.deepEqual(report.files[0]!.problems.map((p) => p.code), ["front-matter.unknown-tag"]);
  });

  test("a config with warnings (an unknown code) is reported and checking goes on", () => {
    const dir = tempDir({ ".modelcards.yaml": "severity:\n  list.markr: off\n", [POST]: SLOPPY });
    const run = cli(["check", POST], { cwd: dir });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^\.modelcards\.yaml:2:3 warning config\.unknown-code Unknown code `list\.markr`\. Did you mean `list\.marker`\?$/m);
    assert.match(run.stdout, /information list\.marker/);
  });

  test("a broken config is bad usage: its problems at their place, nothing checked, exit 2", () => {
    const dir = tempDir({ ".modelcards.yaml": "severity:\n  list.marker: of\ncardGlobs: nope\n", [POST]: SLOPPY });
    const run = cli(["check", POST], { cwd: dir });
    assert.equal(run.code, 2);
    assert.deepEqual(lines(run.stdout), [
      ".modelcards.yaml:2:16 error config.value `of` is not a level. Did you mean `off`? Levels: `error`, `warning`, `information`, `hint`, `off`.",
      ".modelcards.yaml:3:12 error config.value `cardGlobs` is a list of globs, e.g. `[\"_drafts/*.md\"]`.",
      "Checked 0 files (0 cards): 2 problems (2 errors, 0 warnings, 0 information, 0 hints)",
    ]);
    assert.match(run.stderr, /fix the config file first: \.modelcards\.yaml/);
  });
});

describe("--fix", () => {
  test("applies only the normalising fixes, reports them, and a second run changes nothing", () => {
    const dir = tempDir({ [POST]: SLOPPY.replace("- 🔑Public: √", "- 🔑Public: √\n- 🏠Author Affiliation: `OpenAI`").replace("- 🏠Author Affiliation: `OpenAI`\n- 🔑Public", "- 🔑Public") });
    const before = readFileSync(path.join(dir, POST), "utf8");
    const first = cli(["check", "--fix", POST], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^_posts\/2021-07-07-Codex\.md: fixed 3 problems \(field\.order, value\.boolean, list\.marker\)$/m);
    assert.match(first.stdout, /3 fixes applied/);
    const fixed = readFileSync(path.join(dir, POST), "utf8");
    assert.equal(fixed, CODEX.replace("- 📏Model Size", "- 🦄Mascot: none\n- 📏Model Size").replace("- 🔑Public: ❌", "- 🔑Public: ✅"));
    assert.notEqual(fixed, before);
    assert.match(first.stdout, /field\.unknown/, "what --fix does not fix is still reported");
    const second = cli(["check", "--fix", POST], { cwd: dir });
    assert.doesNotMatch(second.stdout, /fixed|applied/);
    assert.equal(readFileSync(path.join(dir, POST), "utf8"), fixed);
  });

  test("--fix=all also inserts missing fields; a second run changes nothing", () => {
    const short = CODEX.split("- 🌐Architecture")[0]!;
    const dir = tempDir({ [POST]: short });
    const first = cli(["check", "--fix=all", POST], { cwd: dir });
    assert.match(first.stdout, /fixed 6 problems \(field\.missing ×2, section\.missing ×4\)/);
    const fixed = readFileSync(path.join(dir, POST), "utf8");
    assert.match(fixed, /^- 🍉Tokenizer$/m);
    assert.equal(cli(["check", "--fix=all", POST], { cwd: dir }).stdout.includes("fixed"), false);
    assert.equal(readFileSync(path.join(dir, POST), "utf8"), fixed);
  });

  const corpus = path.resolve(REPO_ROOT, "../shared/corpus/nl2code/_posts");
  const present = (() => {
    try {
      return readdirSync(corpus).length > 0;
    } catch {
      return false;
    }
  })();
  for (const flag of ["--fix", "--fix=all"]) {
    test(`${flag} twice on a copy of every fixture${present ? " and corpus post" : ""}: the second run changes nothing`, () => {
      const dir = tempDir();
      cpSync(path.join(REPO_ROOT, "server/test/fixtures"), path.join(dir, "fixtures"), { recursive: true });
      if (present) cpSync(corpus, path.join(dir, "corpus"), { recursive: true });
      // The shared corpus is read-only; its copies must take the fixes.
      for (const f of readdirSync(dir, { recursive: true, encoding: "utf8" })) chmodSync(path.join(dir, f), 0o755);
      const operands = present ? ["fixtures", "corpus"] : ["fixtures"];
      const snapshot = (): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).sort().map((f) => readFileSync(path.join(dir, f), "utf8"));
      const first = json(cli(["check", flag, "--format", "json", ...operands], { cwd: dir }).stdout);
      assert.ok(first.totals.fixed > 0);
      const once = snapshot();
      const second = json(cli(["check", flag, "--format", "json", ...operands], { cwd: dir }).stdout);
      assert.equal(second.totals.fixed, 0, JSON.stringify(second.files.filter((f) => f.fixed.length > 0).map((f) => [f.path, f.fixed])));
      assert.deepEqual(snapshot(), once);
      assert.deepEqual(second.totals.byCode, first.totals.byCode, "the second run reports what the first left");
    });
  }
});
