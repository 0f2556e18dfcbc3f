/** What ./readAhead and its worker, ./readerWorker, tell each other. */

/** What the worker is given when it starts; the files to read come in a message of their own, a `string[]`. */
export interface ReaderData {
  readonly maxBytes: number;
  /** Two Int32s, `TAKEN` and `WAKE_AT`: how the worker stays at most `BATCHES_AHEAD` batches ahead. */
  readonly shared: SharedArrayBuffer;
}

/** How many batches the checking thread has taken. */
export const TAKEN = 0;
/** The count of taken batches the waiting worker waits for: the checking thread wakes it then, not at every batch. */
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
 * How far the worker reads ahead: enough to never keep the checks waiting, not a whole tree in
 * memory. Once that far ahead, it waits until only `BATCHES_LEFT` are untaken.
 */
export const BATCHES_AHEAD = 32;
export const BATCHES_LEFT = 8;
