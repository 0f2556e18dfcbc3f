/**
 * Protocol robustness over stdio: what a buggy or hostile client may send. Every request gets a
 * result or a JSON-RPC error (never silence), every notification is survived, the last text of a
 * document gets its diagnostics, and the server still answers afterwards.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ErrorCodes, ResponseError } from "vscode-jsonrpc/node";
import type { Diagnostic } from "vscode-languageserver-types";
import { cardUri, CODEX, codesOf, lineIndex, messageOf, useServer } from "./client";

const lsp = useServer();

/** A request's outcome: its result, or its JSON-RPC error code. Anything else (a hang, a dropped connection) fails. */
async function outcome(method: string, params: unknown): Promise<{ result: unknown } | { error: number }> {
  try {
    return { result: await lsp.client.request(method, params) };
  } catch (e) {
    if (e instanceof ResponseError) return { error: e.code };
    throw e;
  }
}

/** Proof of life: a real request on a real document, answered correctly. */
async function assertAlive(): Promise<void> {
  const uri = cardUri("alive");
  await lsp.client.open(uri, CODEX);
  assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
  const hover = await lsp.client.hover(uri, { line: lineIndex(CODEX, "- 📚Publisher: `Arxiv`"), character: 5 });
  assert.ok(hover, "the server still answers hovers");
  await lsp.client.close(uri);
}

const REQUESTS = ["textDocument/hover", "textDocument/completion", "textDocument/codeAction", "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/formatting"];

describe("protocol robustness", () => {
  test("requests for documents that were never opened get empty answers", async () => {
    const textDocument = { uri: "file:///nowhere/never-opened.md" };
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const params = { textDocument, position: range.start, range, context: { diagnostics: [] }, options: { tabSize: 2, insertSpaces: true } };
    for (const method of REQUESTS) {
      const answer = await outcome(method, params);
      assert.ok("result" in answer, `${method}: ${JSON.stringify(answer)}`);
      assert.ok(answer.result === null || (Array.isArray(answer.result) && answer.result.length === 0), `${method}: ${JSON.stringify(answer.result)}`);
    }
    await assertAlive();
  });

  test("positions past the end, negative ones and huge ones get an answer", async () => {
    const uri = cardUri("positions");
    await lsp.client.open(uri, CODEX);
    const positions = [{ line: 10_000, character: 0 }, { line: 3, character: 10_000 }, { line: -1, character: -5 }, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }];
    for (const position of positions) {
      for (const method of ["textDocument/hover", "textDocument/completion"]) {
        const answer = await outcome(method, { textDocument: { uri }, position });
        assert.ok("result" in answer || answer.error === (ErrorCodes.InvalidParams as number), `${method} at ${JSON.stringify(position)}: ${JSON.stringify(answer)}`);
      }
      const answer = await outcome("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position }, context: { diagnostics: [] } });
      assert.ok("result" in answer || answer.error === (ErrorCodes.InvalidParams as number), `codeAction to ${JSON.stringify(position)}: ${JSON.stringify(answer)}`);
    }
    await lsp.client.close(uri);
    await assertAlive();
  });

  test("malformed params are answered with InvalidParams, not a crash or silence", async () => {
    const uri = cardUri("malformed");
    await lsp.client.open(uri, CODEX);
    const malformed: unknown[] = [null, {}, { textDocument: null }, { textDocument: { uri: 42 } }, { textDocument: { uri }, position: "start" }, { textDocument: { uri }, position: { line: "1", character: 0 } }, { textDocument: { uri }, range: { start: 1 } }, [uri]];
    for (const method of REQUESTS) {
      for (const params of malformed) {
        const answer = await outcome(method, params);
        // A request that needs no position may answer params that only lack one; none may fail another way.
        assert.ok("error" in answer ? answer.error === (ErrorCodes.InvalidParams as number) : true, `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer)}`);
      }
    }
    await lsp.client.close(uri);
    await assertAlive();
  });

  test("malformed notifications are survived", async () => {
    for (const method of ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "workspace/didChangeConfiguration"]) {
      for (const params of [null, {}, { textDocument: null }, { textDocument: { uri: "file:///x.md", version: "one" }, contentChanges: "nope" }, { settings: 42 }]) {
        await lsp.client.notify(method, params);
      }
    }
    await lsp.client.notify("textDocument/didChange", { textDocument: { uri: "file:///never-opened.md", version: 2 }, contentChanges: [{ text: "x" }] });
    await assertAlive();
  });

  test("a 5 MB card is not checked but reported too large, edits to it stay cheap, and the server answers on", async () => {
    const section = CODEX.slice(CODEX.indexOf("- 🧪Hyperparameters"));
    const repeats = Math.ceil((5 * 1024 * 1024) / section.length);
    const text = CODEX + section.repeat(repeats);
    assert.ok(text.length >= 5 * 1024 * 1024);
    const uri = cardUri("huge");
    await lsp.client.open(uri, text);
    const diagnostics: Diagnostic[] = await lsp.client.settledDiagnostics(uri);
    assert.deepEqual(codesOf(diagnostics), ["document.too-large"]);
    assert.match(messageOf(diagnostics[0]!), /This card is 5\.\d MB; the editor checks cards up to 2\.0 MB .*model-cards check/);
    await lsp.client.change(uri, { range: { start: { line: 11, character: 12 }, end: { line: 11, character: 13 } }, text: "√" });
    assert.deepEqual(codesOf(await lsp.client.settledDiagnostics(uri)), ["document.too-large"]);
    const last = text.split("\n").length - 2;
    assert.deepEqual(await lsp.client.completion(uri, { line: last, character: 0 }), []);
    await lsp.client.close(uri);
    await assertAlive();
  });

  test("a flood of 1,000 didChange notifications ends with diagnostics for the final text", async () => {
    const uri = cardUri("flood");
    await lsp.client.open(uri, CODEX);
    const line = lineIndex(CODEX, "- 🔑Public: ❌");
    const start = { line, character: "- 🔑Public: ".length };
    for (let i = 0; i < 1000; i++) {
      // Types and deletes `√` in turn; after an even number of changes the text is back to ❌ → ✅.
      const typed = i % 2 === 0 ? "√" : "❌";
      await lsp.client.change(uri, { range: { start, end: { line, character: start.character + 1 } }, text: typed });
    }
    await lsp.client.change(uri, { range: { start, end: { line, character: start.character + 1 } }, text: "√" });
    assert.equal(lsp.client.document(uri).version, 1002);
    assert.deepEqual(codesOf(await lsp.client.settledDiagnostics(uri)), ["value.boolean"]);
    await lsp.client.close(uri);
    await assertAlive();
  });

  test("hostile front matter (an alias bomb, deep nesting) is a syntax error, and the server lives on", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ..."bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefgh"[i]!}`).join(", ")}]`)].join("\n");
    const hostile = [bomb, `x: ${"[".repeat(100_000)}`, "? ".repeat(5000), `${"- ".repeat(5000)}x`, "? ".repeat(5000)];
    for (const yaml of hostile) {
      const uri = cardUri("hostile");
      await lsp.client.open(uri, CODEX.replace("tags: [models]", `tags: [models]\n${yaml}`));
      const diagnostics = await lsp.client.settledDiagnostics(uri);
      assert.ok(codesOf(diagnostics).includes("front-matter.syntax"), JSON.stringify(codesOf(diagnostics)));
      await lsp.client.close(uri);
    }
    await assertAlive();
  });
});
