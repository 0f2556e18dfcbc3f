// What the bundles do to the LSP libraries (esbuild.mjs), so that they carry only the code that runs,
// once. `node esbuild.mjs --production --analyze` shows the result; each step says what it saves.
// Every rewrite is of text TypeScript emits in one fixed form: when a library upgrade changes that
// form, the build fails (a rewrite that silently stopped matching would only cost size, but one
// that matched half-way would break the extension), and server/test/lsp/lspLibraries.test.ts checks
// what each step relies on.
import { readFile } from "node:fs/promises";
import * as path from "node:path";

export const HELPERS = "server/src/lsp/shims/cjsHelpers.ts";
const PROTOCOL_TYPES = "server/src/lsp/shims/protocolTypes.ts";

// 1. vscode-languageserver-types is written as namespaces, each a function called at load
// (`var X; (function (X) {…})(X || (X = {}));`), which esbuild must keep whether used or not. Marked
// pure (`var X = /* @__PURE__ */ (function (X) {…; return X; })({});`, the same value), the core's
// imports bring only the namespaces they name. The protocol, CommonJS, re-exports the whole
// package, so it gets only what it reads (PROTOCOL_TYPES). −24.5 KiB in each server bundle.
const NAMESPACE_START = /^(export )?var (\w+);\r?\n\(function \(\2\) \{/gm;
const NAMESPACE_END = /^\}\)\((\w+) \|\| \(\1 = \{\}\)\);/gm;

// 2. The CommonJS libraries (jsonrpc, protocol, server, client) repeat TypeScript's module helpers in each
// file (`var __importStar = (this && this.__importStar) || …`, 15 copies of some) and spell every
// re-export as `Object.defineProperty(exports, "X", { enumerable: true, get: function () { return m.X; } })`
// (129 in the server's), and each marks itself `Object.defineProperty(exports, "__esModule", { value: true })`.
// Each file gets the helpers from HELPERS instead (tslib's, which TypeScript's `importHelpers` would
// import; esbuild's `inject` links the names), and re-exports and marks itself through short helpers
// that define the same properties. −20.5 KiB in the browser server, −22.3 KiB in the Node one;
// with step 4, −51 KiB in the Node client and −49 KiB in the browser one.
const HELPER = /^var (__\w+) = \(this && this\.\1\) \|\| [\s\S]*?(?=^var __\w+ = \(this && this\.|^Object\.defineProperty\(exports, "__esModule")/gm;
const REEXPORT = /^Object\.defineProperty\(exports, "(\w+)", \{ enumerable: true, get: function \(\) \{ return (\w+)\.\1; \} \}\);$/gm;
const ES_MODULE = /^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);$/m;

// 3. The protocol describes each request and notification for the client's and the meta model's use:
// `X.messageDirection = …` (96) and `X.capabilities = CM.create(…)` (75), which nothing on the server
// side reads (lspLibraries.test.ts checks). −9 KiB in each server bundle.
const METADATA = /^\s+\w+\.(?:messageDirection = \w+\.MessageDirection\.\w+|capabilities = \w+\.CM\.create\([^;\n]*\));\r?\n/gm;

// 4. Each file first declares its exports (`exports.A = exports.B = … = void 0;`, 480 names in the server's), so that
// they exist while it loads: for a module that requires it back (there is no require cycle among
// these files; lspLibraries.test.ts checks) and for its own `__exportStar`, which skips names the file
// declares. Only files with an `__exportStar` keep the declarations. −8.5 KiB in each server bundle.
const DECLARED = /^(?:exports\.\w+ = )+void 0;\r?\n/gm;

// 5. Not a rewrite but an esbuild option for the server bundles: the libraries' classes keep their
// state in `_`-prefixed fields (`this._connection`, `this._syncedDocuments`, 66 names written 800
// times), which esbuild renames to short ones. Safe while no code names such a field in a string
// (`obj["_x"]`, `"_x" in obj`), which lspLibraries.test.ts checks. −4.6 KiB in the browser server.
export const MANGLED_PROPS = /^_[a-z]/;

const sep = `[\\\\/]`;
const LIBRARY = new RegExp(`${sep}node_modules${sep}(vscode-jsonrpc|vscode-languageserver|vscode-languageserver-protocol|vscode-languageclient)${sep}lib${sep}.*\\.js$`);
const TYPES_ESM = new RegExp(`${sep}node_modules${sep}vscode-languageserver-types${sep}lib${sep}esm${sep}main\\.js$`);
const IN_PROTOCOL = new RegExp(`${sep}node_modules${sep}vscode-languageserver-protocol${sep}`);

const unexpected = (file, what) => ({ errors: [{ text: `lsp-libraries: ${file} is not laid out as esbuild.mjs expects: ${what}` }] });

/**
 * The plugin for a server bundle (`server: true`: every step) or a client bundle (steps 1's pure
 * namespaces, 2 and 4: the client reads the protocol's metadata and all of the types).
 * @param {{ server: boolean }} options
 * @returns {import("esbuild").Plugin}
 */
export const lspLibraries = ({ server }) => ({
  name: "lsp-libraries",
  setup(build) {
    if (server) build.onResolve({ filter: /^vscode-languageserver-types$/ }, (args) => (IN_PROTOCOL.test(args.importer) ? { path: path.resolve(PROTOCOL_TYPES) } : undefined));
    build.onLoad({ filter: TYPES_ESM }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const starts = source.match(NAMESPACE_START)?.length ?? 0;
      const ends = source.match(NAMESPACE_END)?.length ?? 0;
      if (starts < 80 || starts !== ends) return unexpected(args.path, `${starts} namespaces opened, ${ends} closed`);
      return { contents: source.replace(NAMESPACE_START, "$1var $2 = /* @__PURE__ */ (function ($2) {").replace(NAMESPACE_END, "return $1;\n})({});"), loader: "js" };
    });
    build.onLoad({ filter: LIBRARY }, async (args) => {
      const source = await readFile(args.path, "utf8");
      let contents = source.replace(HELPER, "").replace(REEXPORT, '__reexport(exports, $2, "$1");').replace(ES_MODULE, "__markEsModule(exports);");
      const metadata = server && IN_PROTOCOL.test(args.path);
      if (metadata) contents = contents.replace(METADATA, "");
      if (!contents.includes("__exportStar(")) contents = contents.replace(DECLARED, "");
      if (/\(this && this\.__\w+\)/.test(contents)) return unexpected(args.path, "a module helper is left");
      if (/^Object\.defineProperty\(exports, /m.test(contents)) return unexpected(args.path, "a re-export or __esModule mark is left");
      if (metadata && /\.(?:messageDirection|capabilities) = /.test(contents)) return unexpected(args.path, "protocol metadata is left");
      return { contents, loader: "js" };
    });
  },
});
