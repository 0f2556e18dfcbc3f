/**
 * What both runners hand to VS Code: this repository as the extension under development, the bundled
 * suite, and a fresh workspace and profile per run, so that no run sees another's files or settings.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "../../../..");
/** The suite's entry, built by `node esbuild.mjs` from client/src/test/suite/index.ts. */
export const EXTENSION_TESTS = path.join(REPO_ROOT, "client/out/test/index.js");
/** The same suite as one module for the web worker extension host, from client/src/test/web/index.ts. */
export const WEB_EXTENSION_TESTS = path.join(REPO_ROOT, "client/out/test/web.js");

/**
 * User settings that make code-server run this extension's `browser` entry in its web worker
 * extension host instead of its `main` entry in Node: the web build, as vscode.dev and github.dev run it.
 */
export const WEB_EXTENSION_KIND = { "remote.extensionKind": { "model-cards.model-cards": ["web"] } };

/** Quiet, offline user settings: no welcome page, and no calls to an extension gallery there is no network for. */
const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
};

export interface Sandbox {
  /** The folder VS Code opens; the tests write their cards into it. */
  readonly workspace: string;
  readonly userData: string;
  readonly extensions: string;
  /** Scratch space for the runner itself. */
  readonly scratch: string;
  remove(): void;
}

/** A new workspace and profile; `settings` adds to the quiet user settings. */
export function createSandbox(settings: Readonly<Record<string, unknown>> = {}): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), "model-cards-e2e-"));
  const [workspace, userData, extensions, scratch] = ["workspace", "user-data", "extensions", "scratch"].map((name) => path.join(root, name)) as [string, string, string, string];
  for (const folder of [path.join(workspace, "_posts"), path.join(userData, "User"), extensions, scratch]) mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  return { workspace, userData, extensions, scratch, remove: () => {
    rmSync(root, { recursive: true, force: true });
  } };
}
