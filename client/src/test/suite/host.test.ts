// Proves which extension host runs the suite: the same tests run twice, in Node and in the web
// worker (package.json `browser`), and each run must really be where it says.
import assert from "node:assert/strict";
import { describe, test } from "mocha";
import * as vscode from "vscode";
import type { ModelCardsApi } from "../../start";
import { EXTENSION_ID } from "./runMocha";

/** The host this bundle of the suite was built for, set by esbuild.mjs. */
declare const SUITE_HOST: "node" | "browser";

describe("the extension host", () => {
  test(`the extension and its server run in the ${SUITE_HOST} host`, async () => {
    const api = vscode.extensions.getExtension<ModelCardsApi>(EXTENSION_ID)?.exports;
    assert.ok(api, "the extension is active and returns its API");
    // The server says which bundle it is: server/out/server.js (Node) or server/out/browser.js (the worker).
    assert.equal(await api.serverHost, SUITE_HOST);
    const scope = globalThis as { process?: { versions?: { node?: string } }; navigator?: { userAgent: string }; importScripts?: unknown };
    if (SUITE_HOST === "browser") {
      // A web worker: no Node, a browser's navigator, and the worker-only importScripts.
      assert.equal(scope.process?.versions?.node, undefined);
      assert.equal(typeof scope.importScripts, "function");
      assert.ok(scope.navigator, "a browser's navigator");
      console.log(`    (web worker extension host: ${scope.navigator.userAgent})`);
    } else {
      assert.equal(typeof scope.process?.versions?.node, "string");
      console.log(`    (Node extension host: Node ${scope.process?.versions?.node ?? ""})`);
    }
  });
});
