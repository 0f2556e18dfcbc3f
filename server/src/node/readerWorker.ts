/**
 * The worker thread of ./readAhead, bundled to server/out/readerWorker.js: reads its files in order
 * with `readBytes`, checks that they are text (`notText`), and posts them in batches, staying at
 * most `UNITS_AHEAD` ahead of the thread that takes them.
 */
import { parentPort, workerData } from "node:worker_threads";
import { notText, readBytes } from "./files";
import { BYTES_PER_BATCH, FILES_PER_BATCH, TAKEN, UNITS_AHEAD, UNITS_LEFT, WAKE_AT, weightOf, type Batch, type ReaderData } from "./readerProtocol";

const { maxBytes, shared: sharedBuffer } = workerData as ReaderData;
const shared = new Int32Array(sharedBuffer);
/** The weight of the batches posted. */
let sent = 0;

/**
 * Waits (this thread only) when `UNITS_AHEAD` are untaken, until all but `UNITS_LEFT` are: waking
 * a thread is costly in a virtual machine (a batch's worth of checks each time), so once for many
 * batches.
 */
function waitForRoom(): void {
  if (sent - Atomics.load(shared, TAKEN) < UNITS_AHEAD) return;
  Atomics.store(shared, WAKE_AT, sent - UNITS_LEFT);
  for (;;) {
    const seen = Atomics.load(shared, TAKEN);
    if (sent - seen <= UNITS_LEFT) break;
    Atomics.wait(shared, TAKEN, seen);
  }
  Atomics.store(shared, WAKE_AT, 0);
}

function post(first: number, parts: readonly Uint8Array[], failures: (string | null)[]): void {
  const ends: number[] = [];
  let length = 0;
  for (const part of parts) ends.push((length += part.length));
  // A buffer of its own: a small Buffer may share its memory with others, which cannot be transferred.
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  waitForRoom();
  const batch: Batch = { first, bytes, ends, failures };
  parentPort!.postMessage(batch, [bytes.buffer]);
  sent += weightOf(length);
}

/** The bytes of a file that was not read or is not text. */
const NOTHING = new Uint8Array(0);

/** Reads the files in order, posting a batch whenever one is full and at the end. */
function readAll(files: readonly string[]): void {
  let first = 0;
  let parts: Uint8Array[] = [];
  let failures: (string | null)[] = [];
  let bytes = 0;
  files.forEach((file, i) => {
    const read = readBytes(file, maxBytes);
    // Validated here, off the checking thread, which only decodes.
    const failure = read.failure ?? notText(read.bytes);
    const part = read.bytes !== undefined && failure === undefined ? read.bytes : NOTHING;
    parts.push(part);
    failures.push(failure ?? null);
    bytes += part.length;
    if (parts.length === FILES_PER_BATCH || bytes >= BYTES_PER_BATCH || i === files.length - 1) {
      post(first, parts, failures);
      first = i + 1;
      parts = [];
      failures = [];
      bytes = 0;
    }
  });
}

parentPort!.once("message", readAll);
