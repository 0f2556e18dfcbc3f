/**
 * Files on disk, for the hosts that run in Node (the LSP server over stdio or IPC, and the CLI): one
 * walk of a folder with the core's skip list, and one way to read a file as text. Every way a file
 * can fail to be text (unreadable, binary, not UTF-8) becomes one message, never an exception.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats } from "node:fs";
import { readdir } from "node:fs/promises";
import * as path from "node:path";
import type { Cancellation } from "../core/project/host";
import { isSkippedFolder } from "../core/project/files";

/** A path that could not be read, and why. */
export interface Failure {
  readonly path: string;
  readonly message: string;
}

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "cannot read it: permission denied";
    case "ENOENT":
      return "cannot read it: it does not exist (a broken link?)";
    case "EISDIR":
      return "cannot read it: it is a folder";
    default:
      return `cannot read it: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Every file under `root` that `keep` accepts, sorted, entering no skipped folder (`isSkippedFolder`).
 * Links to folders are not followed, so a link loop cannot hang the walk; `token` stops it between
 * levels. The folders of one level are listed together: one at a time, a tree of a few hundred
 * folders left the CLI idle for 45 ms waiting on each listing in turn.
 */
export async function walk(root: string, keep: (file: string) => boolean, token?: Cancellation): Promise<{ files: string[]; failures: Failure[] }> {
  const files: string[] = [];
  const failures: Failure[] = [];
  let level = [path.normalize(root)];
  while (level.length > 0 && !token?.isCancellationRequested) {
    const listed = await Promise.all(level.map((dir) => readdir(dir, { withFileTypes: true }).then((entries) => ({ dir, entries }), (e: unknown) => ({ dir, error: describe(e) }))));
    level = [];
    for (const listing of listed) {
      if ("error" in listing) {
        failures.push({ path: listing.dir, message: listing.error });
        continue;
      }
      for (const entry of listing.entries) {
        const full = inFolder(listing.dir, entry.name);
        if (entry.isDirectory()) {
          if (!isSkippedFolder(entry.name)) level.push(full);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && keep(full)) {
          files.push(full);
        }
      }
    }
  }
  return { files: files.sort(), failures };
}

/** The path of a name a folder lists: the folder's path is normal already, which path.join would work out again for each (a fifth of the walk). */
const inFolder = (dir: string, name: string): string => (dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);

export type Read = { readonly text: string; readonly failure?: undefined } | { readonly text?: undefined; readonly failure: string };

/** git's test for binary content: a NUL byte early in the file. */
const BINARY_PROBE = 8000;

/** The line and column (1-based) of the first byte that is not part of valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  // A streaming decode accepts a prefix that ends inside a character, so validity of prefixes is
  // monotonic: binary search for the longest valid one.
  const valid = (length: number, stream = true): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  // The prefix may end inside the bad character: step back to where that character starts.
  const isContinuation = (byte: number): boolean => (byte & 0xc0) === 0x80;
  if (!valid(lo, false)) {
    do lo--;
    while (lo > 0 && isContinuation(bytes[lo]!));
  }
  const before = bytes.subarray(0, lo);
  const lineStart = before.lastIndexOf(10) + 1;
  return { line: before.filter((b) => b === 10).length + 1, column: lo - lineStart + 1 };
}

/** Why a file's bytes are not the UTF-8 text of a card, or undefined when they are. */
export function notText(bytes: Uint8Array): string | undefined {
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return "is a binary file, not markdown text";
  if (isUtf8(bytes)) return undefined;
  const at = firstInvalidUtf8(bytes);
  return `is not valid UTF-8 (line ${at.line}, byte ${at.column} of the line); save it as UTF-8`;
}

/**
 * The text of bytes `notText` accepted, a BOM kept so offsets and `--fix` see it. Validated first,
 * then decoded by Buffer: a third of the time of a fatal TextDecoder per file on a cold run over
 * 10,000 cards (Buffer's decoding, like it, keeps the BOM).
 */
export const textOf = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

/** Decodes a file's bytes as the UTF-8 text the checker needs (`notText`, then `textOf`). */
export function decode(bytes: Uint8Array): Read {
  const failure = notText(bytes);
  return failure === undefined ? { text: textOf(bytes) } : { failure };
}

export const MB = 1024 * 1024;
/** The default of the CLI's `--max-file-size`, in MB: the largest real card is well under 1 MB. */
export const DEFAULT_MAX_FILE_MB = 10;

/** Why a file with these stats is not read, or undefined when it may be. */
function refusal(stats: Stats, maxBytes: number): string | undefined {
  if (!stats.isFile()) return "is not a regular file (a pipe, a device or a socket), so it was not read";
  if (stats.size > maxBytes) {
    return `is ${(stats.size / MB).toFixed(1)} MB, over the limit of ${maxBytes / MB} MB for one file; raise it with --max-file-size <MB> if it really is a card`;
  }
  return undefined;
}

/** Opening a FIFO for reading waits for a writer; without blocking, the check of its type comes first (Windows has no such flag, nor FIFOs). */
const OPEN_WITHOUT_WAITING = constants.O_RDONLY | ("O_NONBLOCK" in constants ? constants.O_NONBLOCK : 0);

/**
 * The bytes of an open regular file whose size `fstat` just gave: read straight into a buffer of that
 * size (`readFileSync(fd)` would `fstat` it a second time). A file that reports no size (some
 * virtual file systems) is read to its end instead.
 */
function readOpened(fd: number, size: number): Uint8Array {
  if (size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, null);
    // The file shrank since fstat: it is read as it is now.
    if (n === 0) break;
    read += n;
  }
  return bytes.subarray(0, read);
}

/** A file's bytes as read, or why it was not read (see readText). */
export type Bytes = { readonly bytes: Uint8Array; readonly failure?: undefined } | { readonly bytes?: undefined; readonly failure: string };

/**
 * Reads a file's bytes. Only regular files up to `maxBytes` are read: a FIFO would block the run
 * forever and `/dev/zero` never ends, and no card is megabytes long. One open, then `fstat` of what
 * was opened: the path is looked up once and cannot change in between.
 *
 * Synchronous on purpose: a card is a few KiB and reads in tens of microseconds, while the promise
 * API's round trips through libuv's thread pool (stat, open, fstat, read, close) cost more than the
 * read and left the CLI idle for 40% of a 10,000-card run. The server reads through it between
 * requests, a file at a time, capped by `maxBytes`; many files are read ahead on a worker (./readAhead).
 */
export function readBytes(file: string, maxBytes = DEFAULT_MAX_FILE_MB * MB): Bytes {
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_WITHOUT_WAITING);
    const stats = fstatSync(fd);
    const failure = refusal(stats, maxBytes);
    return failure === undefined ? { bytes: readOpened(fd, stats.size) } : { failure };
  } catch (e) {
    return { failure: describe(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads a file as text (readBytes, then decode). */
export function readText(file: string, maxBytes = DEFAULT_MAX_FILE_MB * MB): Read {
  const read = readBytes(file, maxBytes);
  return read.failure === undefined ? decode(read.bytes) : read;
}
