// The stdio writer: the messages of one turn leave in one write, framed so any LSP reader splits
// them back (Content-Length in bytes, not characters), in the order they were written.
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import type { Message } from "vscode-languageserver/node";
import { Framer } from "../../src/lsp/transport/framing";
import { BatchingStreamWriter } from "../../src/lsp/transport/writer";

function recording(): { stream: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(chunk);
      done();
    },
  });
  return { stream, writes };
}

const notification = (uri: string): Message => ({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri, diagnostics: [] } } as Message);

test("the notifications of one turn leave in one write, in order, each framed by its length in bytes", async () => {
  const { stream, writes } = recording();
  const writer = new BatchingStreamWriter(stream);
  const sent = [notification("file:///a.md"), notification("file:///ünïcödé-🧪.md"), { jsonrpc: "2.0", method: "$/progress", params: { done: 2 } } as Message];
  await Promise.all(sent.map((m) => writer.write(m)));
  assert.equal(writes.length, 1);
  assert.deepEqual(new Framer().push(writes[0]!), { messages: sent, problems: [] });
  // The next turn's messages make a write of their own.
  await writer.write(notification("file:///b.md"));
  assert.equal(writes.length, 2);
});

test("flush writes what waits at once: the process may exit before the turn ends", () => {
  const { stream, writes } = recording();
  const writer = new BatchingStreamWriter(stream);
  void writer.write(notification("file:///a.md"));
  assert.equal(writes.length, 0);
  writer.flush();
  assert.equal(writes.length, 1);
});

test("an answer to a request leaves at once, after what was written before it", () => {
  const { stream, writes } = recording();
  const writer = new BatchingStreamWriter(stream);
  const sent = [notification("file:///a.md"), { jsonrpc: "2.0", id: 3, result: { items: [] } } as Message];
  for (const message of sent) void writer.write(message);
  assert.equal(writes.length, 1);
  assert.deepEqual(new Framer().push(writes[0]!), { messages: sent, problems: [] });
});
