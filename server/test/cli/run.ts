/**
 * Runs the bundled `model-cards` command the way a user or CI does: a separate process, its own
 * working folder, arguments and standard input, and what it prints and exits with.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after } from "node:test";

export const REPO_ROOT = path.resolve(__dirname, "../../..");
export const CLI = path.join(REPO_ROOT, "server/out/cli.js");

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(args: readonly string[], options: { readonly cwd: string; readonly stdin?: string | Uint8Array } = { cwd: REPO_ROOT }): CliRun {
  if (!existsSync(CLI)) throw new Error(`The CLI bundle ${CLI} is missing: run \`node esbuild.mjs\` first.`);
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.stdin ?? "", encoding: "utf8", timeout: 60_000 });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh folder under the system's temp folder, removed after the tests of the file. */
export function tempDir(files: Readonly<Record<string, string | Uint8Array>> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "model-cards-cli-"));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A stack trace in output means an exception escaped: the CLI must print messages instead. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
