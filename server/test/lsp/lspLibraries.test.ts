/**
 * The bundles rewrite the LSP libraries (scripts/lspLibraries.mjs) and give them shims
 * (server/src/lsp/shims): a name the libraries read that a shim lacks would be `undefined` at run
 * time, and so would a types value the server imports through "vscode-languageserver". What the
 * libraries read is taken from their sources, so an upgrade that reads more fails here.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import * as types from "vscode-languageserver-types";
import * as helpers from "../../src/lsp/shims/cjsHelpers";
import * as shim from "../../src/lsp/shims/protocolTypes";
import { REPO_ROOT } from "../cli/run";

const TYPES = new Set(Object.keys(types));

function files(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(extension))
    .map((file) => path.join(folder, file));
}

/** The file a library's `require(request)` loads; `pkg/browser` has only a browser condition, which Node's resolution does not take. */
function resolveFrom(file: string, request: string): string | undefined {
  const host = /^(vscode-[\w-]+)\/(browser|node)$/.exec(request);
  if (host) return path.join(REPO_ROOT, "node_modules", host[1]!, "lib", host[2]!, "main.js");
  try {
    return require.resolve(request, { paths: [path.dirname(file)] });
  } catch {
    return undefined;
  }
}

const libraries = (...names: string[]): string[] => names.flatMap((name) => files(path.join(REPO_ROOT, "node_modules", name, "lib"), ".js"));
/** What the server bundles hold of the LSP libraries; the client bundles hold vscode-languageclient too. */
const LIBRARIES = libraries("vscode-languageserver", "vscode-languageserver-protocol", "vscode-jsonrpc");
const ALL_LIBRARIES = [...LIBRARIES, ...libraries("vscode-languageclient")];

describe("the LSP libraries in the server bundles", () => {
  test("the protocol's shim of vscode-languageserver-types exports every types value the libraries read", () => {
    const read = new Set<string>();
    for (const file of LIBRARIES) {
      // TypeScript's CommonJS output reads an import `x` of "vscode-languageserver-types" (or of the
      // protocol, which re-exports it) as `vscode_languageserver_types_1.x`.
      for (const match of readFileSync(file, "utf8").matchAll(/\bvscode_languageserver_(?:types|protocol)_1\.(\w+)/g)) {
        if (TYPES.has(match[1]!)) read.add(match[1]!);
      }
    }
    assert.ok(read.has("URI"), "the scan no longer sees the libraries' imports");
    assert.deepEqual([...read].filter((name) => !(name in shim)), []);
  });

  test("the server imports no types value through vscode-languageserver", () => {
    const through: string[] = [];
    for (const file of files(path.join(REPO_ROOT, "server/src"), ".ts")) {
      for (const [, names] of readFileSync(file, "utf8").matchAll(/^import \{([^}]*)\} from "vscode-languageserver(?:-protocol)?(?:\/node|\/browser)?";/gm)) {
        const values = names!.split(",").map((name) => name.trim()).filter((name) => name !== "" && !name.startsWith("type "));
        through.push(...values.filter((name) => TYPES.has(name)).map((name) => `${path.relative(REPO_ROOT, file)}: ${name}`));
      }
    }
    assert.deepEqual(through, [], 'import these from "vscode-languageserver-types"');
  });

  test("the shared module helpers are every helper the libraries call", () => {
    const called = new Set<string>();
    for (const file of ALL_LIBRARIES) {
      // Without their own helpers, as the bundle takes them (a helper may call one tslib keeps to itself).
      const code = readFileSync(file, "utf8").replace(/^var (__\w+) = \(this && this\.\1\) \|\| [\s\S]*?(?=^var __\w+ = \(this && this\.|^Object\.defineProperty\(exports, "__esModule")/gm, "");
      for (const match of code.matchAll(/\b(__\w+)\(/g)) called.add(match[1]!);
    }
    assert.ok(called.has("__importStar"), "the scan no longer sees the libraries' helpers");
    assert.deepEqual([...called].filter((name) => !(name in helpers)), []);
  });

  test("nothing on the server side reads the protocol's metadata the bundles leave out", () => {
    const sources = [...LIBRARIES, ...files(path.join(REPO_ROOT, "server/src"), ".ts")].map((file) => readFileSync(file, "utf8").replace(/^\s+\w+\.(?:messageDirection|capabilities) = \w+\.(?:MessageDirection|CM)\b.*$/gm, ""));
    const readers = new Set(sources.flatMap((code) => [...code.matchAll(/(\w+)\??\.capabilities\b/g)].map((match) => match[1]!)));
    // Only the initialize request's params and result have capabilities that are read.
    assert.deepEqual([...readers].sort(), ["params", "result"]);
    assert.deepEqual(sources.filter((code) => /\bmessageDirection\b/.test(code)).length, 0);
  });

  test("no library file requires one that is still loading (a cycle), so none sees another's exports undeclared", () => {
    const requires = new Map(ALL_LIBRARIES.map((file) => [file, [...readFileSync(file, "utf8").matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => resolveFrom(file, match[1]!)).filter((dep): dep is string => dep !== undefined && ALL_LIBRARIES.includes(dep))]));
    const done = new Set<string>();
    const visit = (file: string, loading: readonly string[]): void => {
      assert.ok(!loading.includes(file), `a require cycle: ${[...loading.slice(loading.indexOf(file)), file].map((f) => path.relative(REPO_ROOT, f)).join(" -> ")}`);
      if (done.has(file)) return;
      for (const dep of requires.get(file)!) visit(dep, [...loading, file]);
      done.add(file);
    };
    for (const file of ALL_LIBRARIES) visit(file, []);
    assert.ok([...requires.values()].some((deps) => deps.length > 0), "the scan no longer sees the libraries' requires");
  });

  test("no code in the server bundles names a field esbuild renames (`_x`) in a string", () => {
    const bundled = [
      ...LIBRARIES,
      ...["yaml/browser/dist", "vscode-languageserver-textdocument/lib/esm", "vscode-languageserver-types/lib/esm", "fastest-levenshtein", "tslib"].flatMap((folder) => files(path.join(REPO_ROOT, "node_modules", folder), "js")),
      ...files(path.join(REPO_ROOT, "server/src"), ".ts"),
    ];
    const fields = new Set<string>();
    const strings = new Map<string, string>();
    for (const file of bundled) {
      const code = readFileSync(file, "utf8");
      for (const match of code.matchAll(/\.(_[a-z]\w*)/g)) fields.add(match[1]!);
      for (const match of code.matchAll(/["'`](_[a-z]\w*)["'`]/g)) strings.set(match[1]!, path.relative(REPO_ROOT, file));
    }
    assert.ok(fields.has("_syncedDocuments"), "the scan no longer sees the libraries' fields");
    assert.deepEqual([...strings].filter(([name]) => fields.has(name)), []);
  });

  test("the helpers define the properties TypeScript's code defines", () => {
    const module: Record<string, unknown> = { value: 1 };
    const ours = {};
    helpers.__reexport(ours, module, "value");
    helpers.__markEsModule(ours);
    const theirs = {};
    Object.defineProperty(theirs, "value", { enumerable: true, get: () => module.value });
    Object.defineProperty(theirs, "__esModule", { value: true });
    module.value = 2;
    for (const name of ["value", "__esModule"]) {
      const [a, b] = [Object.getOwnPropertyDescriptor(ours, name)!, Object.getOwnPropertyDescriptor(theirs, name)!];
      assert.deepEqual({ ...a, get: a.get?.() as unknown }, { ...b, get: b.get?.() as unknown }, name);
    }
  });
});
