/**
 * `npm run corpus [path]`: runs `model-cards check` on every post of the shared corpus (or the
 * given folder or files), prints the totals by code and how many cards are clean, and fails when
 * the checker crashes on a post, cannot read one, or reports an error on a post whose front matter
 * the yaml library itself reads without a syntax error (errors are for broken text only).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { run } from "../src/cli/run";

const ROOT = path.resolve(__dirname, "../..");
const DEFAULT = path.resolve(ROOT, "../shared/corpus/nl2code/_posts");

interface Report {
  files: { path: string; kind: string | null; error?: string; problems: { code: string; severity: string; line: number; message: string }[] }[];
  totals: { files: number; cards: number; byCode: Record<string, number> };
}

/** Whether the front matter (between the first two `---` lines) is broken YAML, by the yaml library alone. */
function yamlIsBroken(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (lines[0]?.trimEnd() !== "---") return false;
  const close = lines.findIndex((l, i) => i > 0 && ["---", "..."].includes(l.trimEnd()));
  return close < 0 || parseDocument(lines.slice(1, close).join("\n")).errors.length > 0;
}

async function main(): Promise<number> {
  const targets = process.argv.length > 2 ? process.argv.slice(2) : [DEFAULT];
  let stdout = "";
  await run(["check", "--format", "json", ...targets], {
    cwd: process.cwd(),
    stdout: (output) => (stdout += typeof output === "string" ? output : Buffer.from(output).toString("utf8")),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => Promise.resolve(new Uint8Array()),
  });
  if (stdout === "") return 1;
  const report = JSON.parse(stdout) as Report;
  const failures: string[] = [];
  for (const file of report.files) {
    if (file.error !== undefined) failures.push(`${file.path}: ${file.error}`);
    const errors = file.problems.filter((p) => p.severity === "error");
    if (errors.length > 0 && !yamlIsBroken(readFileSync(path.resolve(file.path), "utf8"))) {
      failures.push(...errors.map((e) => `${file.path}:${e.line}: an error without a YAML syntax error: ${e.code} ${e.message}`));
    }
  }
  const cards = report.files.filter((f) => f.kind !== null);
  const width = Math.max(...Object.keys(report.totals.byCode).map((c) => c.length), 4);
  console.log(`${targets.join(" ")}: ${report.totals.files} files, ${cards.length} cards, ${cards.filter((f) => f.problems.length === 0).length} clean`);
  for (const [code, count] of Object.entries(report.totals.byCode).sort(([, a], [, b]) => b - a)) console.log(`  ${code.padEnd(width)} ${count}`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} failure(s):\n${failures.join("\n")}`);
    return 1;
  }
  console.log("No post crashed the checker or got an error without a YAML syntax error.");
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
});
