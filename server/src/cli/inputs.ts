/** Turns the paths on the command line into files; folders are walked as the editor lists them. */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import * as path from "node:path";
import { isMarkdownFile } from "../core/project/files";
import { globBase, globMatcher } from "../core/project/glob";
import { describe, walk, type Failure } from "../node/files";
import { UsageError } from "./args";

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

const toPosix = (p: string): string => p.split(path.sep).join("/");

async function expandGlob(pattern: string, cwd: string): Promise<Operand> {
  const { base } = globBase(pattern);
  const isMatch = globMatcher(pattern, { dot: false });
  const absolute = path.isAbsolute(pattern);
  const root = path.resolve(cwd, base || ".");
  if (!existsSync(root)) throw new UsageError(`no files match ${pattern}`);
  const { files, failures } = await walk(root, (file) => isMatch(absolute ? toPosix(file) : toPosix(path.relative(cwd, file))));
  if (files.length === 0 && failures.length === 0) throw new UsageError(`no files match ${pattern}`);
  return { operand: pattern, files, expectsCards: true, failures };
}

/** Resolves one command-line path: a file, a folder (its *.md files), a glob, or `-`. */
export async function expandOperand(operand: string, cwd: string): Promise<Operand> {
  if (operand === "-") return { operand, files: [], expectsCards: false, failures: [] };
  const full = path.resolve(cwd, operand);
  let stats;
  try {
    stats = await stat(full);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") return { operand, files: [], expectsCards: false, failures: [{ path: full, message: describe(e) }] };
    if (globBase(operand).isGlob) return expandGlob(operand, cwd);
    throw new UsageError(`no such file or folder: ${operand}`);
  }
  if (!stats.isDirectory()) return { operand, files: [full], expectsCards: false, failures: [] };
  return { operand, expectsCards: true, ...(await walk(full, isMarkdownFile)) };
}
