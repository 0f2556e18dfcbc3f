/**
 * The offline runner: VS Code 1.100.3 as code-server 4.100.3 serves it, in Debian's Chromium driven by
 * playwright-core. The web workbench runs the suite in code-server's Node extension host when its URL
 * carries an extension-development payload, and reports through two functions the page calls:
 * `codeAutomationLog(type, args)` for every console line and `codeAutomationExit(code)` at the end.
 */
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createInterface } from "node:readline";
import { format } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { createSandbox, EXTENSION_TESTS, REPO_ROOT, WEB_EXTENSION_KIND, WEB_EXTENSION_TESTS, type Sandbox } from "./sandbox";

const CODE_SERVER_VERSION = "4.100.3";
/**
 * code-server's lockfile pins @vscode/ripgrep 1.15.11, whose postinstall downloads ripgrep from GitHub
 * unless it finds this archive in `$TMPDIR/vscode-ripgrep-cache-<its version>/`.
 */
const RIPGREP_CACHE = "vscode-ripgrep-cache-1.15.11";
const RIPGREP_ARCHIVE = "ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz";
/** Outside the project: the install is 300 MB of native builds, and `npm ci` of the project stays fast. */
const CACHE = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "model-cards", `code-server-${CODE_SERVER_VERSION}`);
const ENTRY = path.join(CACHE, "node_modules/code-server/out/node/entry.js");

/** Bounds for things that happen once per run; each fails the run with what it was waiting for. */
const START_MS = 60_000;
const SUITE_MS = 10 * 60_000;

/** The first executable called `name` on PATH, as a shell would find it. */
export function onPath(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder; try the next.
    }
  }
  return undefined;
}

function required(name: string, debianPackage: string): string {
  const found = onPath(name);
  if (!found) throw new Error(`${name} is not on PATH: install it with \`apt-get install ${debianPackage}\` (see .ci/run)`);
  return found;
}

/** Installs code-server into the cache, offline but for the npm registry; a failed install leaves nothing behind. */
function install(): void {
  const rg = required("rg", "ripgrep");
  if (process.platform !== "linux" || process.arch !== "x64") throw new Error(`the ripgrep stand-in is for linux x64, not ${process.platform} ${process.arch}`);
  const partial = `${CACHE}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), "model-cards-code-server-"));
  try {
    const binary = path.join(tmp, "rg-binary");
    mkdirSync(binary);
    cpSync(rg, path.join(binary, "rg"));
    mkdirSync(path.join(tmp, RIPGREP_CACHE));
    run("tar", ["czf", path.join(tmp, RIPGREP_CACHE, RIPGREP_ARCHIVE), "-C", binary, "rg"]);
    console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${CACHE} (once; later runs reuse it)`);
    run("npm", ["install", "--no-audit", "--no-fund", "--prefix", partial, `code-server@${CODE_SERVER_VERSION}`], {
      ...process.env,
      TMPDIR: tmp,
      // Its postinstall refuses to run as root without this.
      npm_config_unsafe_perm: "true",
      // A nested `npx node-gyp` would otherwise wait for a "yes" on a terminal CI does not have.
      npm_config_yes: "true",
      // code-server builds its native modules (kerberos, node-pty, …) in install scripts, in nested
      // `npm install`s of its own; npm 11 runs dependencies' scripts only when allowed, and a list of
      // names would not reach those nested installs.
      npm_config_dangerously_allow_all_scripts: "true",
    });
    renameSync(partial, CACHE);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(partial, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${String(result.status ?? result.signal)}`})`);
}

interface CodeServer {
  /** `host:port`, the authority of `vscode-remote://` URIs for files on this machine. */
  readonly authority: string;
  readonly origin: string;
  stop(): void;
}

/** Starts code-server (installing it first if the cache lacks it) and resolves once it listens. */
async function startCodeServer(sandbox: Sandbox): Promise<CodeServer> {
  if (!existsSync(ENTRY)) install();
  const args = [
    ENTRY, "--auth", "none", "--bind-addr", "127.0.0.1:0", "--disable-workspace-trust", "--disable-telemetry",
    "--disable-update-check", "--disable-getting-started-override", "--config", path.join(sandbox.scratch, "code-server.yaml"),
    "--user-data-dir", sandbox.userData, "--extensions-dir", sandbox.extensions,
  ];
  // Its own process group, so that stopping it also stops the extension host and pty host it forks.
  // No extension gallery: there is no network for one, and the workbench would ask it at start.
  const env = { ...process.env, EXTENSIONS_GALLERY: "{}" };
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env });
  const stop = (): void => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
  };
  // Kept for the error message: code-server says on stdout and stderr why it did not start.
  const output: string[] = [];
  createInterface({ input: child.stderr }).on("line", (line) => output.push(line));
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      output.push(line);
      const origin = /HTTP server listening on (http:\/\/[^/\s]+)/.exec(line)?.[1];
      if (origin) resolve(origin);
    });
    child.on("exit", (code) => {
      reject(new Error(`code-server exited (${String(code)}) before it listened:\n${output.join("\n")}`));
    });
  });
  try {
    const origin = await within(listening, START_MS, "code-server to listen");
    return { origin, authority: new URL(origin).host, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

/** The workbench URL that opens the sandbox's workspace with `payload` (extension development options). */
function workbenchUrl(server: CodeServer, sandbox: Sandbox, payload: readonly (readonly [string, string])[]): string {
  return `${server.origin}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A file on this machine as the web workbench names it: on the remote that code-server is. */
function remote(server: CodeServer, file: string): string {
  return `vscode-remote://${server.authority}${file}`;
}

async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: required("chromium", "chromium") });
}

/** Rejects with what was awaited once `ms` pass; clears its timer either way, so nothing keeps the process alive. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`waited ${ms / 1000} s for ${what}`));
    }, ms);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

export interface WorkbenchOptions {
  /** Added to the sandbox's quiet user settings. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Files to write into the workspace before VS Code opens it, by path relative to it. */
  readonly files?: Readonly<Record<string, string>>;
  /** Runs the bundled suite in the extension host; otherwise the workbench only loads the extension. */
  readonly runTests?: boolean;
  /** Runs the extension's `browser` entry in the web worker extension host (and the suite's web bundle there). */
  readonly web?: boolean;
}

/**
 * Serves a fresh workspace with this extension under development, and hands `use` a Chromium page
 * (1280×720, Playwright's default) and the workbench URL to load in it once `use` has set the page up;
 * tears everything down after.
 */
export async function withWorkbench<T>(options: WorkbenchOptions, use: (page: Page, url: string) => Promise<T>): Promise<T> {
  const sandbox = createSandbox({ ...options.settings, ...(options.web && WEB_EXTENSION_KIND) });
  try {
    for (const [file, text] of Object.entries(options.files ?? {})) {
      // A Hub card is a README.md in a folder of its own, which the sandbox does not have yet.
      mkdirSync(path.dirname(path.join(sandbox.workspace, file)), { recursive: true });
      writeFileSync(path.join(sandbox.workspace, file), text);
    }
    const server = await startCodeServer(sandbox);
    try {
      const browser = await launchChromium();
      try {
        const payload: [string, string][] = [["extensionDevelopmentPath", remote(server, REPO_ROOT)]];
        if (options.runTests) payload.push(["extensionTestsPath", remote(server, options.web ? WEB_EXTENSION_TESTS : EXTENSION_TESTS)]);
        return await use(await browser.newPage(), workbenchUrl(server, sandbox, payload));
      } finally {
        await browser.close();
      }
    } finally {
      server.stop();
    }
  } finally {
    sandbox.remove();
  }
}

/** Loads the test workbench in `page`, forwards its console (the spec reporter included), and resolves to its exit code. */
async function runSuite(page: Page, url: string): Promise<number> {
  let exited!: (code: number) => void;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  await page.exposeFunction("codeAutomationLog", (type: string, args: unknown[]) => {
    // The workbench also logs its own trace and debug lines here; only the console is the report.
    if (type === "trace" || type === "debug") return;
    (type === "error" || type === "warn" ? console.error : console.log)(format(...args));
  });
  await page.exposeFunction("codeAutomationExit", (code: number) => {
    exited(code);
  });
  // The workbench loads slowly on a busy machine: the same bound as code-server's start, not Playwright's 30 s.
  await page.goto(url, { timeout: START_MS });
  return within(exit, SUITE_MS, "the extension-host tests to finish");
}

/** Runs the suite in code-server's Node extension host and returns the exit code the workbench reported. */
export function runWithCodeServer(): Promise<number> {
  return withWorkbench({ runTests: true }, runSuite);
}

/** Runs the suite's web bundle against the extension's `browser` entry, in code-server's web worker extension host. */
export function runWebWithCodeServer(): Promise<number> {
  return withWorkbench({ runTests: true, web: true }, runSuite);
}
