/**
 * The protocol as the bundled server speaks it over stdio, byte by byte: what it does with a
 * wrong `Content-Length`, with requests before `initialize` and after `shutdown`, with malformed
 * params, and with a didChange that repeats a version number. A raw pipe, not a JSON-RPC library,
 * so the framing is exactly what a broken client writes.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { after, describe, test } from "node:test";
import { ErrorCodes, ResponseError } from "vscode-jsonrpc/node";
import { CHECK_WORKSPACE, FILL_MISSING } from "../../src/lsp/protocol";
import { cardUri, CODEX, codesOf, lineIndex, SERVER_BUNDLE, useServer } from "./client";

interface Received {
  readonly id?: number;
  readonly method?: string;
  readonly result?: unknown;
  readonly error?: { code: number; message: string };
  readonly params?: { uri?: string; diagnostics?: { code?: string }[] };
}

/** A server on a raw pipe: frames are written as given, messages read back as they come. */
class RawServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = "";
  readonly received: Received[] = [];
  stderr = "";
  private readonly waiters = new Set<() => void>();

  constructor() {
    this.child = spawn(process.execPath, [SERVER_BUNDLE, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => {
      this.buffer += chunk;
      for (let m = /^Content-Length: (\d+)\r\n\r\n/.exec(this.buffer); m; m = /^Content-Length: (\d+)\r\n\r\n/.exec(this.buffer)) {
        // Every message the server writes is ASCII-safe JSON here (no document text echoed), so characters are bytes.
        const body = this.buffer.slice(m[0].length, m[0].length + Number(m[1]));
        if (Buffer.byteLength(body) < Number(m[1])) break;
        this.received.push(JSON.parse(body) as Received);
        this.buffer = this.buffer.slice(m[0].length + body.length);
      }
      for (const w of this.waiters) w();
    });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    after(() => {
      this.child.kill();
    });
  }

  /** Writes one framed message; `lengthDelta` makes its Content-Length wrong by that much. */
  send(message: object, lengthDelta = 0): void {
    this.frame(Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message })), lengthDelta);
  }

  /** Writes any bytes as one frame. */
  frame(body: Buffer, lengthDelta = 0): void {
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length + lengthDelta}\r\n\r\n`), body]));
  }

  /** The answer to request `id`, waiting up to 10 s for it. */
  answer(id: number): Promise<Received> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.received.find((r) => r.id === id && r.method === undefined);
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no answer to request ${id}; stderr:\n${this.stderr}`));
      }, 10_000);
      this.waiters.add(check);
      check();
    });
  }

  published(uri: string): Received[] {
    return this.received.filter((r) => r.method === "textDocument/publishDiagnostics" && r.params?.uri === uri);
  }

  async initialize(): Promise<void> {
    this.send({ id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    await this.answer(1);
    this.send({ method: "initialized", params: {} });
  }
}

const hover = (id: number): object => ({ id, method: "textDocument/hover", params: { textDocument: { uri: "file:///nowhere.md" }, position: { line: 0, character: 0 } } });

describe("a wrong Content-Length", () => {
  for (const [what, delta] of [["too small", -7], ["too large", 40]] as const) {
    test(`${what}: the message is still read, the ones after it too, and stderr says what happened`, async () => {
      const server = new RawServer();
      await server.initialize();
      server.send(hover(2), delta);
      server.send(hover(3));
      server.send(hover(4));
      for (const id of [2, 3, 4]) assert.equal((await server.answer(id)).result, null, `request ${id}`);
      assert.match(server.stderr, /a message said Content-Length \d+ but its JSON had \d+ bytes/);
    });
  }

  test("too large on the last message: read once the stream has gone quiet", async () => {
    const server = new RawServer();
    await server.initialize();
    server.send(hover(2), 1000);
    assert.equal((await server.answer(2)).result, null);
    server.send(hover(3));
    assert.equal((await server.answer(3)).result, null);
  });

  test("a body that is not JSON is dropped with a message, and the next one is answered", async () => {
    const server = new RawServer();
    await server.initialize();
    server.frame(Buffer.from("{not json at all}"));
    server.send(hover(3));
    assert.equal((await server.answer(3)).result, null);
    assert.match(server.stderr, /dropped a message that is not JSON/);
  });
});

describe("the lifecycle", () => {
  test("before initialize, requests get ServerNotInitialized (-32002) and didOpen publishes nothing", async () => {
    const server = new RawServer();
    server.send(hover(7));
    const uri = cardUri("early");
    server.send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "markdown", version: 1, text: CODEX.replace("❌", "√") } } });
    assert.equal((await server.answer(7)).error?.code, -32002);
    await server.initialize();
    server.send(hover(8));
    await server.answer(8);
    assert.deepEqual(server.published(uri), []);
  });

  test("after shutdown, requests get InvalidRequest and didOpen publishes nothing; exit ends the process with 0", async () => {
    const server = new RawServer();
    await server.initialize();
    server.send({ id: 2, method: "shutdown" });
    await server.answer(2);
    server.send(hover(3));
    const uri = cardUri("late");
    server.send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "markdown", version: 1, text: CODEX.replace("❌", "√") } } });
    server.send(hover(4));
    assert.equal((await server.answer(3)).error?.code, ErrorCodes.InvalidRequest);
    assert.equal((await server.answer(4)).error?.code, ErrorCodes.InvalidRequest);
    assert.deepEqual(server.published(uri), []);
  });
});

describe("requests and notifications a client gets wrong", () => {
  const lsp = useServer({ validateDelayMs: 0 });

  async function errorCode(method: string, params: unknown): Promise<number | undefined> {
    try {
      await lsp.client.request(method, params);
      return undefined;
    } catch (e) {
      if (e instanceof ResponseError) return e.code;
      throw e;
    }
  }

  test("malformed params get InvalidParams, not InternalError", async () => {
    const uri = cardUri("params");
    await lsp.client.open(uri, CODEX);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const cases: [string, unknown][] = [
      ["workspace/symbol", {}],
      ["workspace/symbol", { query: 42 }],
      ["workspace/symbol", null],
      ["textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [], only: "quickfix" } }],
      ["textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [], only: [1] } }],
      ["textDocument/hover", null],
      ["textDocument/completion", null],
      [CHECK_WORKSPACE, []],
      [CHECK_WORKSPACE, 7],
      [FILL_MISSING, { uri, field: 3 }],
    ];
    for (const [method, params] of cases) assert.equal(await errorCode(method, params), ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}`);
    await lsp.client.close(uri);
  });

  test("a didChange that repeats a version number gets diagnostics and hovers for the new text", async () => {
    const uri = cardUri("repeat");
    await lsp.client.open(uri, CODEX);
    assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
    const changed = CODEX.replace("- 🔑Public: ❌", "- 🔑Public: √");
    await lsp.client.notify("textDocument/didChange", { textDocument: { uri, version: 1 }, contentChanges: [{ text: changed }] });
    const diagnostics = await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, "diagnostics of the changed text");
    assert.deepEqual(codesOf(diagnostics), ["value.boolean"]);
    const line = lineIndex(changed, "- 🔑Public: √");
    const actions = await lsp.client.request<{ title: string }[]>("textDocument/codeAction", { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 20 } }, context: { diagnostics } });
    assert.ok(actions.some((a) => a.title === "Change to ✅"), JSON.stringify(actions.map((a) => a.title)));
  });
});
