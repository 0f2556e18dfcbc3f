/**
 * The server bundles give vscode-languageserver-protocol a part of vscode-languageserver-types
 * (server/src/lsp/shims/protocolTypes.ts, esbuild.mjs): a name it reads that the shim lacks would be
 * `undefined` at run time, and so would a types value the server imports through
 * "vscode-languageserver". Both are read from the sources, so a library upgrade that reads more fails here.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import * as types from "vscode-languageserver-types";
import * as shim from "../../src/lsp/shims/protocolTypes";
import { REPO_ROOT } from "../cli/run";

const TYPES = new Set(Object.keys(types));

function files(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(extension))
    .map((file) => path.join(folder, file));
}

describe("the protocol's share of vscode-languageserver-types", () => {
  test("the shim exports every types value the LSP libraries read", () => {
    const libraries = ["vscode-languageserver", "vscode-languageserver-protocol", "vscode-jsonrpc"].flatMap((name) => files(path.join(REPO_ROOT, "node_modules", name, "lib"), ".js"));
    const read = new Set<string>();
    for (const file of libraries) {
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
});
