/**
 * Many files read in order on a worker thread, ahead of the checks that need them. Reading a card
 * costs four system calls (open, fstat, read, close), about a fifth of the CLI's time on 10,000
 * cards; on a second core they overlap the checks. The worker (./readerWorker) sends the bytes of
 * consecutive files in batches, transferred rather than copied, having checked that they are
 * text; they are decoded here, as `readText` does. Should the worker fail to start or stop early,
 * the files it did not send are read on this thread: the results are the same either way, only
 * slower.
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { readText, textOf, type Read } from "./files";
import { TAKEN, WAKE_AT, weightOf, type Batch, type ReaderData } from "./readerProtocol";

/**
 * The worker's bundle, server/out/readerWorker.js: beside the bundle that runs this, or where
 * `npm run build` puts it when the tests run the sources (a worker cannot load TypeScript).
 */
const WORKER_FILE = __filename.endsWith(".ts") ? path.resolve(__dirname, "../../out/readerWorker.js") : path.join(__dirname, "readerWorker.js");

/**
 * A worker reading files for this thread. It starts at once, so that it is ready (a worker takes
 * a tenth of a second to start) by the time the files to read are known: `read` names them.
 */
export class ReadAhead {
  private readonly queue: Batch[] = [];
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker | undefined;
  private files: readonly string[] = [];
  /** The index of the next file `next` returns. */
  private index = 0;
  /** No more batches will come: the worker sent them all, failed, or was closed. */
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly maxBytes: number) {
    const data: ReaderData = { maxBytes, shared: this.shared.buffer };
    try {
      this.worker = new Worker(WORKER_FILE, { workerData: data });
    } catch {
      this.ended = true;
      return;
    }
    // The worker only keeps the process alive while `next` waits for it: a run that stops early exits.
    this.worker.unref();
    this.worker.on("message", (batch: Batch) => {
      if (this.ended) return;
      this.queue.push(batch);
      this.resume();
    });
    // A failed worker is not the run's failure: the rest is read here.
    this.worker.on("error", () => {
      this.end();
    });
    this.worker.on("exit", () => {
      this.end();
    });
  }

  /** Starts reading `files`, which `next` then returns in order; called once. */
  read(files: readonly string[]): void {
    this.files = files;
    if (files.length === 0) this.close();
    else this.worker?.postMessage(files);
  }

  /** The next file's text, or why it could not be read; called once per file, in order. */
  async next(): Promise<Read> {
    for (;;) {
      const batch = this.queue[0];
      if (batch !== undefined) return this.take(batch);
      if (this.ended) return readText(this.files[this.index++]!, this.maxBytes);
      await this.arrival();
    }
  }

  /** Stops the worker, if it still reads; the files not yet taken are read here if asked for. */
  close(): void {
    this.end();
    void this.worker?.terminate();
  }

  private take(batch: Batch): Read {
    const i = this.index++ - batch.first;
    if (i === batch.ends.length - 1) {
      this.queue.shift();
      const weight = weightOf(batch.bytes.length);
      const taken = Atomics.add(this.shared, TAKEN, weight) + weight;
      const wakeAt = Atomics.load(this.shared, WAKE_AT);
      if (wakeAt !== 0 && taken >= wakeAt) Atomics.notify(this.shared, TAKEN);
    }
    const failure = batch.failures[i];
    if (failure !== null && failure !== undefined) return { failure };
    return { text: textOf(batch.bytes.subarray(i === 0 ? 0 : batch.ends[i - 1], batch.ends[i])) };
  }

  private arrival(): Promise<void> {
    this.worker?.ref();
    return new Promise<void>((resolve) => {
      this.wake = resolve;
    }).then(() => {
      this.worker?.unref();
    });
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private end(): void {
    // Batches already queued are still taken in order; nothing arrives after this.
    this.ended = true;
    this.resume();
  }
}
