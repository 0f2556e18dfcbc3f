/**
 * ReadAhead, how the CLI reads many files: on a worker, ahead of the checks, in order, each exactly
 * as readText would read it. The worker is the built bundle (`npm test` builds first).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { readText, type Read } from "../../src/node/files";
import { ReadAhead } from "../../src/node/readAhead";
import { BYTES_PER_BATCH, FILES_PER_BATCH, UNITS_AHEAD } from "../../src/node/readerProtocol";

const dir = mkdtempSync(path.join(tmpdir(), "model-cards-read-ahead-"));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `count` small cards in a folder of their own. */
function cards(name: string, count: number): string[] {
  const folder = path.join(dir, name);
  mkdirSync(folder);
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(folder, `${String(i).padStart(5, "0")}.md`);
    writeFileSync(file, `---\ntitle: Card ${i}\n---\n- 📙Paper: ${"文".repeat(i % 50)}\n`);
    return file;
  });
}

async function takeAll(reads: ReadAhead, count: number): Promise<Read[]> {
  const all: Read[] = [];
  for (let i = 0; i < count; i++) all.push(await reads.next());
  return all;
}

test("every file comes back in order, as readText reads it: texts, failures, batches cut by count and by bytes", async () => {
  const maxBytes = 2 * BYTES_PER_BATCH;
  const odd = path.join(dir, "odd");
  mkdirSync(odd);
  const write = (name: string, content: string | Uint8Array): string => {
    const file = path.join(odd, name);
    writeFileSync(file, content);
    return file;
  };
  const files = [
    ...cards("many", 3 * FILES_PER_BATCH + 5),
    write("bom.md", "\ufeff---\ntitle: BOM\n---\n"),
    write("empty.md", ""),
    write("large.md", `- 📙Paper: ${"x".repeat(BYTES_PER_BATCH + 10)}\n`),
    write("too-large.md", "y".repeat(maxBytes + 1)),
    write("binary.md", new Uint8Array([0x2d, 0x20, 0, 1, 2])),
    write("latin1.md", new Uint8Array([0x2d, 0x20, 0xe9, 0x0a])),
    path.join(odd, "missing.md"),
    odd,
    ...cards("after", 3),
  ];
  const reads = new ReadAhead(maxBytes);
  reads.read(files);
  const got = await takeAll(reads, files.length);
  reads.close();
  assert.deepEqual(got, files.map((file) => readText(file, maxBytes)));
  assert.ok(got.filter((r) => r.failure !== undefined).length >= 5, "the odd files fail, each with its message");
});

test("the files are read ahead of the checks: a file deleted after its batch came still has its text", async () => {
  const files = cards("ahead", 10);
  const reads = new ReadAhead(1024 * 1024);
  reads.read(files);
  // Ten files make one batch: once the first is here, all ten were read.
  const first = await reads.next();
  rmSync(files[5]!);
  const rest = await takeAll(reads, 9);
  reads.close();
  assert.equal(first.text, readText(files[0]!).text);
  assert.match(rest[4]!.text ?? "", /title: Card 5/);
  assert.equal(readText(files[5]!).failure, "cannot read it: it does not exist (a broken link?)");
});

test("the worker reads no further than its batches ahead, and goes on as they are taken", async () => {
  const limit = (UNITS_AHEAD + 1) * FILES_PER_BATCH;
  const files = cards("bounded", limit + 2 * FILES_PER_BATCH);
  const reads = new ReadAhead(1024 * 1024);
  reads.read(files);
  await reads.next();
  // Time for the worker to read all it may; whatever lies past its limit it cannot have read yet.
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const file of files.slice(limit)) rmSync(file);
  const rest = await takeAll(reads, files.length - 1);
  reads.close();
  assert.deepEqual(rest.slice(limit - 1).map((r) => r.failure), files.slice(limit).map(() => "cannot read it: it does not exist (a broken link?)"));
  assert.ok(rest.slice(0, limit - 1).every((r) => r.text !== undefined), "the files before the limit are all read");
});

test("large files hold the worker back by their size, not their number", async () => {
  const folder = path.join(dir, "large");
  mkdirSync(folder);
  // Four units of read-ahead each (ASCII: as many bytes as characters).
  const size = 4 * BYTES_PER_BATCH;
  const files = Array.from({ length: 20 }, (_, i) => {
    const file = path.join(folder, `${String(i).padStart(2, "0")}.md`);
    writeFileSync(file, `- Paper: ${String(i)}\n`.padEnd(size, "x"));
    return file;
  });
  const reads = new ReadAhead(1024 * 1024 * 1024);
  reads.read(files);
  await reads.next();
  await new Promise((resolve) => setTimeout(resolve, 300));
  // Each file is a batch of its own weight; the worker reads one more before it finds no room.
  const limit = UNITS_AHEAD / 4 + 2;
  for (const file of files.slice(limit)) rmSync(file);
  const rest = await takeAll(reads, files.length - 1);
  reads.close();
  assert.ok(rest.slice(0, limit - 1).every((r, i) => r.text?.startsWith(`- Paper: ${String(i + 1)}\n`)), "the files before the limit are read");
  assert.ok(rest.slice(limit - 1).every((r) => r.failure !== undefined), "the files past it were not read before they were deleted");
});

test("taken slowly, many more batches than the worker reads ahead all come, in order", async () => {
  const files = cards("slow", (UNITS_AHEAD * 3 + 1) * FILES_PER_BATCH);
  const reads = new ReadAhead(1024 * 1024);
  reads.read(files);
  const got: Read[] = [];
  for (let i = 0; i < files.length; i++) {
    if (i % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    got.push(await reads.next());
  }
  reads.close();
  assert.deepEqual(
    got.map((r) => r.text),
    files.map((file) => readText(file).text),
  );
});

test("once closed, the files not yet taken are read on this thread, still in order", async () => {
  const files = cards("closed", 5 * FILES_PER_BATCH);
  const reads = new ReadAhead(1024 * 1024);
  reads.read(files);
  const before = await takeAll(reads, 10);
  reads.close();
  const after = await takeAll(reads, files.length - 10);
  assert.deepEqual(
    [...before, ...after],
    files.map((file) => readText(file)),
  );
});

test("a run that stops without closing the reader still exits", () => {
  const files = cards("abandoned", (UNITS_AHEAD + 4) * FILES_PER_BATCH);
  const script = path.join(dir, "abandon.ts");
  writeFileSync(
    script,
    `import { ReadAhead } from ${JSON.stringify(path.resolve(__dirname, "../../src/node/readAhead"))};
const reads = new ReadAhead(1024 * 1024);
reads.read(${JSON.stringify(files)});
void reads.next().then((read) => console.log(read.text === undefined ? "no text" : "read"));
`,
  );
  const child = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 20_000 });
  assert.equal(child.error, undefined, "the process ended by itself");
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout.trim(), "read");
});

test("no files to read: nothing to take, and closing is harmless", () => {
  const reads = new ReadAhead(1024 * 1024);
  reads.read([]);
  reads.close();
  reads.close();
});
