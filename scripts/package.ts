/**
 * `npm run package`: `vsce package`, failing when vsce warns. vsce only warns, and still writes the
 * .vsix, about things the Marketplace rejects or shows badly (a missing repository, LICENSE or
 * files list, an unbundled extension), so a warning that scrolls by in CI would reach the store.
 * Its output is passed through as it comes; warnings are what it prints as ` WARNING ` on standard
 * error, or as `::warning::` on standard output when it runs in GitHub Actions. It packages the
 * extension in the current folder, as npm runs it.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { stripVTControlCharacters } from "node:util";

export const VSIX = "model-cards.vsix";
const VSCE = join(dirname(require.resolve("@vscode/vsce/package.json")), "vsce");

/** The warnings in vsce's output, without colour codes; `output` is everything it printed. */
function vsceWarnings(output: string): string[] {
  return stripVTControlCharacters(output)
    .split(/\r?\n/)
    .filter((line) => line.startsWith(" WARNING ") || line.startsWith("::warning::"));
}

if (require.main === module) {
  // No standard input: a vsce question ("Do you want to continue? [y/N]") is answered no, and fails.
  const vsce = spawn(process.execPath, [VSCE, "package", "--no-dependencies", "--no-rewrite-relative-links", "--out", VSIX], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  vsce.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  vsce.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  vsce.on("close", (code) => {
    const warnings = vsceWarnings(output);
    if (code !== 0) {
      process.exitCode = code ?? 1;
    } else if (warnings.length > 0) {
      process.stderr.write(`\nnpm run package: vsce warned, so ${VSIX} is not ready for the Marketplace:\n${warnings.map((w) => `  ${w.trim()}`).join("\n")}\n`);
      process.exitCode = 1;
    }
  });
}
