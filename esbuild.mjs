// Bundles the client and the server so the .vsix ships two files instead of node_modules.
// Type checking is `npm run typecheck`: esbuild only strips types.
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from "esbuild";
import { chmodSync, readdirSync } from "node:fs";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

// The extension-host tests: the runner's index and one bundle per test file, which mocha loads
// itself. They never ship (`.vscodeignore` lists what does), so the production build skips them.
const TESTS = "client/src/test/suite";
const testEntries = production
  ? []
  : readdirSync(TESTS)
      .filter((file) => file === "index.ts" || file.endsWith(".test.ts"))
      .map((file) => ({ in: `${TESTS}/${file}`, out: `client/out/test/${file.slice(0, -3)}` }));

/** @type {esbuild.Plugin} */
const summary = {
  name: "summary",
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0 || !result.metafile) return;
      const sizes = Object.entries(result.metafile.outputs)
        .filter(([file]) => file.endsWith(".js"))
        .map(([file, { bytes }]) => `${file} ${(bytes / 1024).toFixed(1)} KiB`);
      console.log(`[esbuild] ${production ? "production" : "dev"} build: ${sizes.join(", ")}`);
    });
  },
};

// The CLI bundle is the package's `bin` (its entry starts with `#!/usr/bin/env node`): npx runs it
// as a program, so it must be executable, which esbuild does not make its outputs.
/** @type {esbuild.Plugin} */
const executableCli = {
  name: "executable-cli",
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0) chmodSync("server/out/cli.js", 0o755);
    });
  },
};

const context = await esbuild.context({
  entryPoints: [
    { in: "client/src/extension.ts", out: "client/out/extension" },
    { in: "server/src/server.ts", out: "server/out/server" },
    { in: "server/src/cli/main.ts", out: "server/out/cli" },
    ...testEntries,
  ],
  outdir: ".",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // Provided by the extension host at run time; it is not an npm package. The tests and their
  // runner must share one mocha, the one the runner loads from node_modules.
  external: ["vscode", "mocha"],
  // yaml's CommonJS build cannot be tree-shaken; its ES module build (what browsers get: the same
  // code, less Node's emitWarning and debug variables) lets esbuild drop the unused parts, −17 KB.
  alias: {
    yaml: "./node_modules/yaml/browser/index.js",
    // The client bundle's two largest pieces it does not need (client/src/shims says why each is safe):
    // semver for one version check at start-up, minimatch for file-operation globs the server never
    // registers. The extension-host tests run the real client in VS Code with these shims.
    "semver/functions/parse": "./client/src/shims/semverParse.ts",
    "semver/functions/satisfies": "./client/src/shims/semverSatisfies.ts",
    minimatch: "./client/src/shims/minimatch.ts",
  },
  minify: production,
  sourcemap: !production,
  metafile: true,
  logLevel: "warning",
  plugins: [summary, executableCli],
});

// The Compare Cards page runs in the webview, a browser page: its own bundle, no Node.
const page = await esbuild.context({
  entryPoints: [{ in: "client/src/compare/page.ts", out: "client/out/compare" }],
  outdir: ".",
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2022",
  minify: production,
  sourcemap: !production,
  metafile: true,
  logLevel: "warning",
  plugins: [summary],
});

const contexts = [context, page];
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } catch {
    // esbuild has already printed the errors (logLevel); only the exit code is left to set.
    process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}
