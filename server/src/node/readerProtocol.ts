/** What ./readAhead and its worker, ./readerWorker, tell each other. */

/** What the worker is given when it starts; the files to read come in a message of their own, a `string[]`. */
export interface ReaderData {
  readonly maxBytes: number;
  /** Two Int32s, `TAKEN` and `WAKE_AT`: how the worker stays at most `UNITS_AHEAD` ahead. */
  readonly shared: SharedArrayBuffer;
}

/** The weight (`weightOf`) of the batches the checking thread has taken. */
export const TAKEN = 0;
/**
 * While the worker waits, the `TAKEN` it waits for (0 otherwise): the checking thread wakes it
 * then, not at every batch.
 */
export const WAKE_AT = 1;

/** Consecutive files, from `first` on: their bytes end to end, where each ends, or why it was not read or is not text. */
export interface Batch {
  readonly first: number;
  readonly bytes: Uint8Array;
  readonly ends: readonly number[];
  /** Per file of the batch: why it was not read or is not text (`readText`'s failures), or null. */
  readonly failures: readonly (string | null)[];
}

/** A batch ends after this many files or bytes: a message per batch, not per file, and soon enough for the first checks. */
export const FILES_PER_BATCH = 32;
export const BYTES_PER_BATCH = 256 * 1024;

/**
 * How much of the read-ahead a batch of this many bytes takes up: a unit per `BYTES_PER_BATCH`
 * begun, so that a few large files hold the worker back as a full batch of small ones does.
 */
export const weightOf = (bytes: number): number => Math.max(1, Math.ceil(bytes / BYTES_PER_BATCH));

/**
 * How far the worker reads ahead, in units of `weightOf`: enough to never keep the checks waiting
 * (32 batches of cards), not a whole tree in memory (8 MiB and a batch). Once that far ahead, it
 * waits until only `UNITS_LEFT` are untaken.
 */
export const UNITS_AHEAD = 32;
export const UNITS_LEFT = 8;
