/**
 * Turns the paths on the command line into files and reads them as text. Every way a file can fail
 * to be text (unreadable, binary, not UTF-8) becomes one message for that file, never an exception.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import * as path from "node:path";
import picomatch from "picomatch";
import { MB, UsageError } from "./args";

export interface Operand {
  /** As given on the command line. */
  readonly operand: string;
  /** Absolute paths, sorted; empty for `-` (standard input). */
  readonly files: readonly string[];
  /** True for folders and globs: finding no card in them is a mistake worth a message. */
  readonly expectsCards: boolean;
  /** Paths that could not be read while resolving it (a folder without permission). */
  readonly failures: readonly Failure[];
}

/** A path that could not be checked, and why. */
export interface Failure {
  readonly path: string;
  readonly message: string;
}

/** Folders no one keeps cards in, skipped when walking (a path given explicitly is still checked). */
const skipFolder = (name: string): boolean => name === "node_modules" || name.startsWith(".");

function describe(error: unknown): string {
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

/** Every file under `root`, depth first in name order; `keep` filters by name. Links to folders are not followed, so a link loop cannot hang the walk. */
function walk(root: string, keep: (file: string) => boolean): { files: string[]; failures: Failure[] } {
  const files: string[] = [];
  const pending = [root];
  const failures: Failure[] = [];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      failures.push({ path: dir, message: describe(e) });
      continue;
    }
    const sorted = entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of sorted) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipFolder(entry.name)) pending.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && keep(full)) {
        files.push(full);
      }
    }
  }
  return { files: files.sort(), failures };
}

const toPosix = (p: string): string => p.split(path.sep).join("/");

function expandGlob(pattern: string, cwd: string): Operand {
  const { base } = picomatch.scan(pattern);
  const isMatch = picomatch(pattern, { dot: false });
  const absolute = path.isAbsolute(pattern);
  const root = path.resolve(cwd, base || ".");
  if (!existsSync(root)) throw new UsageError(`no files match ${pattern}`);
  const { files, failures } = walk(root, (file) => isMatch(absolute ? toPosix(file) : toPosix(path.relative(cwd, file))));
  if (files.length === 0 && failures.length === 0) throw new UsageError(`no files match ${pattern}`);
  return { operand: pattern, files, expectsCards: true, failures };
}

/** Resolves one command-line path: a file, a folder (its *.md files), a glob, or `-`. */
export function expandOperand(operand: string, cwd: string): Operand {
  if (operand === "-") return { operand, files: [], expectsCards: false, failures: [] };
  const full = path.resolve(cwd, operand);
  let stats;
  try {
    stats = statSync(full);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") return { operand, files: [], expectsCards: false, failures: [{ path: full, message: describe(e) }] };
    if (picomatch.scan(operand).isGlob) return expandGlob(operand, cwd);
    throw new UsageError(`no such file or folder: ${operand}`);
  }
  if (!stats.isDirectory()) return { operand, files: [full], expectsCards: false, failures: [] };
  return { operand, expectsCards: true, ...walk(full, (file) => file.endsWith(".md")) };
}

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

/** Decodes a file's bytes as the UTF-8 text the checker needs, keeping a BOM so offsets and `--fix` see it. */
export function decode(bytes: Uint8Array): Read {
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { failure: "is a binary file, not markdown text" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { failure: `is not valid UTF-8 (line ${at.line}, byte ${at.column} of the line); save it as UTF-8` };
  }
}

/**
 * Reads a file as text. Only regular files up to `maxBytes` are read: a FIFO would block the run
 * forever and `/dev/zero` never ends, and no card is megabytes long.
 */
export function readText(file: string, maxBytes: number): Read {
  let bytes: Buffer;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return { failure: "is not a regular file (a pipe, a device or a socket), so it was not read" };
    if (stats.size > maxBytes) {
      return { failure: `is ${(stats.size / MB).toFixed(1)} MB, over the limit of ${maxBytes / MB} MB for one file; raise it with --max-file-size <MB> if it really is a card` };
    }
    bytes = readFileSync(file);
  } catch (e) {
    return { failure: describe(e) };
  }
  return decode(bytes);
}
