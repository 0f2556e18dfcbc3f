// Bundles the client and the server so the .vsix ships two files instead of node_modules.
// Type checking is `npm run typecheck`: esbuild only strips types.
// Usage: node esbuild.mjs [--production] [--watch] [--analyze]
// --analyze prints what each bundle is made of, by package and by folder of ours, largest first.
import * as esbuild from "esbuild";
import { chmodSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { HELPERS, lspLibraries, MANGLED_PROPS } from "./scripts/lspLibraries.mjs";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");
const analyze = process.argv.includes("--analyze");

// The extension-host tests: the runner's index and one bundle per test file, which mocha loads
// itself. They never ship (`.vscodeignore` lists what does), so the production build skips them.
const TESTS = "client/src/test/suite";
const testFiles = readdirSync(TESTS).filter((file) => file.endsWith(".test.ts")).sort();
const testEntries = production ? [] : ["index.ts", ...testFiles].map((file) => ({ in: `${TESTS}/${file}`, out: `client/out/test/${file.slice(0, -3)}` }));

// The same suite for the web worker extension host, as one module (a worker cannot read a folder):
// `model-cards:web-suite` imports every test file, with mocha's browser build and an assert for it.
/** @type {esbuild.Plugin} */
const webSuite = {
  name: "web-suite",
  setup(build) {
    build.onResolve({ filter: /^model-cards:web-suite$/ }, () => ({ path: "web-suite", namespace: "web-suite" }));
    build.onLoad({ filter: /.*/, namespace: "web-suite" }, () => ({
      contents: testFiles.map((file) => `import ${JSON.stringify(`./${TESTS}/${file}`)};`).join("\n"),
      resolveDir: path.resolve("."),
      loader: "ts",
    }));
    // node:assert/strict is not a package esbuild's alias can name; the Codex card is bundled, not read.
    build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: path.resolve("client/src/test/web/assert.ts") }));
    build.onResolve({ filter: /^\.\/codex$/ }, () => ({ path: path.resolve("client/src/test/web/codex.ts") }));
  },
};

/** Each bundle's bytes by npm package, or by folder (a file of ours), in KiB: where size goes. */
function printComposition(metafile) {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith(".js")) continue;
    const parts = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const part = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? path.dirname(input);
      parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
    }
    const largest = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 20);
    console.log(`${file}\n${largest.map(([part, bytes]) => `  ${(bytes / 1024).toFixed(1).padStart(6)}  ${part}`).join("\n")}`);
  }
}

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
      if (analyze) printComposition(result.metafile);
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

/** The options every bundle shares. */
const common = {
  bundle: true,
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
  // The LSP libraries' module helpers once per bundle (scripts/lspLibraries.mjs).
  inject: [HELPERS],
  plugins: [summary, lspLibraries({ server: false })],
};

// The server's wiring imports its host from ./platform (Node: the disk, stdio or IPC); in the web
// worker the same wiring takes ./browser/platform (the client's files, the worker's port) instead.
/** @type {esbuild.Plugin} */
const browserPlatform = {
  name: "browser-platform",
  setup(build) {
    build.onResolve({ filter: /^\.\/platform$/ }, (args) => (args.importer.endsWith(path.join("server", "src", "lsp", "server.ts")) ? { path: path.resolve("server/src/lsp/browser/platform.ts") } : undefined));
  },
};

const contexts = await Promise.all([
  esbuild.context({
    ...common,
    entryPoints: [{ in: "client/src/extension.ts", out: "client/out/extension" }, ...testEntries],
    outdir: ".",
    platform: "node",
    format: "cjs",
    target: "node20",
    // Which host the suite's bundles were built for: client/src/test/suite/host.test.ts checks it.
    define: { SUITE_HOST: '"node"' },
  }),
  // The server's bundles apart from the client's, which needs all of vscode-languageserver-types.
  esbuild.context({
    ...common,
    entryPoints: [
      { in: "server/src/lsp/server.ts", out: "server/out/server" },
      { in: "server/src/cli/main.ts", out: "server/out/cli" },
      { in: "server/src/node/readerWorker.ts", out: "server/out/readerWorker" },
    ],
    outdir: ".",
    platform: "node",
    format: "cjs",
    target: "node20",
    mangleProps: MANGLED_PROPS,
    plugins: [summary, executableCli, lspLibraries({ server: true })],
  }),
  // The web extension (package.json `browser`): its client, loaded by the web worker extension host
  // as a CommonJS module, and the server, a web worker of its own.
  esbuild.context({
    ...common,
    entryPoints: [
      { in: "client/src/browser.ts", out: "client/out/browser" },
    ],
    outdir: ".",
    platform: "browser",
    format: "cjs",
    target: "es2022",
  }),
  esbuild.context({
    ...common,
    entryPoints: [{ in: "server/src/lsp/server.ts", out: "server/out/browser" }],
    outdir: ".",
    platform: "browser",
    format: "iife",
    target: "es2022",
    inject: ["server/src/lsp/browser/setImmediate.ts", HELPERS],
    mangleProps: MANGLED_PROPS,
    plugins: [summary, browserPlatform, lspLibraries({ server: true })],
  }),
  ...(production
    ? []
    : [
        esbuild.context({
          ...common,
          entryPoints: [{ in: "client/src/test/web/index.ts", out: "client/out/test/web" }],
          outdir: ".",
          platform: "browser",
          format: "cjs",
          target: "es2022",
          external: ["vscode"],
          alias: { ...common.alias, mocha: "./client/src/test/web/mocha.ts" },
          define: { SUITE_HOST: '"browser"' },
          loader: { ".md": "text" },
          plugins: [summary, webSuite, lspLibraries({ server: false })],
        }),
      ]),
]);

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

contexts.push(page);
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  try {
    await Promise.all(contexts.map((context) => context.rebuild()));
  } catch {
    // esbuild has already printed the errors (logLevel); only the exit code is left to set.
    process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
}
