/**
 * Writes `--fix` results so that no failure can cost the user text: the new text goes to a
 * temporary file next to the card and is renamed over it only when complete, and only when the
 * card still holds what was checked (an editor may have saved it meanwhile).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The file operations a write needs, passed in so tests can fail them (a full disk) or race them (an edit mid-run). */
export interface FileSystem {
  readonly readFileSync: (file: string) => Buffer;
  readonly writeFileSync: (file: string, data: string, options: { readonly mode: number; readonly flag: "wx" }) => void;
  readonly renameSync: (from: string, to: string) => void;
  readonly rmSync: (file: string, options: { readonly force: true }) => void;
  readonly statSync: (file: string) => { readonly mode: number };
  readonly realpathSync: (file: string) => string;
}

export const NODE_FS: FileSystem = fs;

const reason = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOSPC") return "the disk is full";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return e instanceof Error ? e.message : String(e);
};

/**
 * Replaces `file`'s content with `text`, provided it still holds `original`. Returns why it did
 * not, or undefined once written. The card keeps its permission bits, and a link keeps pointing
 * at it (the file it points to is replaced, not the link).
 */
export function replaceFile(file: string, original: string, text: string, files: FileSystem = NODE_FS): string | undefined {
  let target: string;
  let mode: number;
  try {
    target = files.realpathSync(file);
    mode = files.statSync(target).mode & 0o7777;
  } catch (e) {
    return `could not write the fixes: ${reason(e)}; the file was left as it was`;
  }
  try {
    throughTemp(target, text, mode, files, () => files.readFileSync(target).toString("utf8") === original);
    return undefined;
  } catch (e) {
    if (e instanceof ChangedMeanwhile) return "changed while it was being checked, so the fixes were not written; run model-cards again";
    return `could not write the fixes: ${reason(e)}; the file was left as it was`;
  }
}

/** Thrown when the file no longer holds what was read: the write is given up. */
class ChangedMeanwhile extends Error {}

/**
 * The one way the CLI replaces a file: the text goes to a temporary file beside it (same file
 * system) and is renamed over it only when complete and when `stillWanted` says so, so a reader
 * sees the old text or the new, never half of it. The temporary file never outlives a failure.
 */
function throughTemp(target: string, text: string, mode: number, files: FileSystem, stillWanted: () => boolean = () => true): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.model-cards-${process.pid}.tmp`);
  try {
    files.writeFileSync(temp, text, { mode, flag: "wx" });
    if (!stillWanted()) throw new ChangedMeanwhile();
    files.renameSync(temp, target);
  } catch (e) {
    try {
      files.rmSync(temp, { force: true });
    } catch {
      // The temporary file could not be removed either; the caller's message still tells what happened.
    }
    throw e;
  }
}

/** Writes a file of the CLI's own (the baseline) whole or not at all; throws why it could not. */
export function writeAtomically(file: string, text: string, files: FileSystem = NODE_FS): void {
  throughTemp(file, text, 0o644, files);
}
