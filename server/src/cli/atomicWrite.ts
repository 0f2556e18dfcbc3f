import { renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/**
 * Writes a file so that a reader sees the old text or the new, never half of it: the text goes to a
 * temporary file in the same folder (same file system), which then replaces the file in one rename.
 */
export function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
