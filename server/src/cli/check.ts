import { cardKindName } from "../core/analysis";
import { pathToFileURL } from "node:url";
import type { Config } from "../core/config";
import { configProblems } from "../core/features/diagnostics";
import type { AppliedFix, FixScope } from "../core/features/fixAll";
import type { CardService } from "../core/service";
import type { Read } from "../node/files";
import { perFolder } from "./perFolder";
import { failed, type FileResult } from "./report";
import { NODE_FS, replaceFile, type FileSystem } from "./write";

/** The URI a file is checked as: the one an editor would open it with, so every check sees the same name. */
export const uriOf = (file: string): string => pathToFileURL(file).href;

/** A file name that a file URL's path keeps as it is: no character the URL standard (or pathToFileURL) encodes. */
const PLAIN_NAME = /^[\w.!$&'()*+,;=:@-]+$/;

/** uriOf for the many files of one run: a plain name appended to its folder's URI (the root's already ends with its slash). */
export const fileUris = (): ((file: string) => string) => perFolder(uriOf, (dir) => uriOf(dir).replace(/\/?$/, "/"), (_file, name) => PLAIN_NAME.test(name));

export interface Checked {
  readonly result: FileResult;
  /** The text after `--fix`; the text as read without it. */
  readonly text: string;
}

/**
 * Checks one document through the same service the editor uses: `--fix` first (the result is what
 * gets written), then the diagnostics of the final text, exactly as the editor would publish them.
 */
export function checkDocument(service: CardService, file: string, uri: string, text: string, fix: FixScope | undefined): Checked {
  let current = text;
  let fixed: readonly AppliedFix[] = [];
  let notes: string[] = [];
  if (fix) {
    const outcome = service.fixAll({ uri, version: 0, getText: () => text }, fix);
    current = outcome.text;
    fixed = outcome.applied;
    notes = outcome.refused.map(({ code, title, loss }) => `held back the fix "${title}" (${code}): it would have lost ${JSON.stringify(loss.token)}; please report this`);
  }
  // Not kept in the service's cache of open documents: a file is checked once.
  const analysis = service.analyzeText(uri, current);
  const kind = cardKindName(analysis);
  // In reading order, as a person goes through a file; the editor lists them by position too.
  const problems = service.reported(analysis).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { result: { path: file, role: "document", kind, problems, fixed, failure: undefined, ...(notes.length > 0 && { notes }) }, text: current };
}

/** A config file's own problems, as a result of their own. */
export function configResult(file: string, text: string, config: Config, failure: string | undefined): FileResult {
  return { path: file, role: "config", kind: undefined, problems: configProblems(text, config.problems), fixed: [], failure };
}

/** A file to check: its path (or the name standard input goes by) and the URI it is checked as. */
export interface CheckTarget {
  readonly file: string;
  readonly uri: string;
}

/** How each file is checked: the same for every file of a run. */
export interface FileCheck {
  readonly fix: FixScope | undefined;
  /** The file system `--fix` writes through. */
  readonly files?: FileSystem;
}

/**
 * Writes what `--fix` changed. When the write fails, the file still holds the text as read: its
 * problems are reported as they stand on disk, not those the fixed text would have had.
 */
function fixWritten(checked: Checked, file: string, original: string, files: FileSystem, recheck: () => Checked): Checked {
  if (checked.text === original) return checked;
  const failure = replaceFile(file, original, checked.text, files);
  if (failure === undefined) return checked;
  const unfixed = recheck();
  return { ...unfixed, result: { ...unfixed.result, failure } };
}

/** Checks one file as `read` (its text, or why it could not be read) and, with `--fix`, rewrites it. */
export function checkFile(service: CardService, target: CheckTarget, how: FileCheck, read: Read): FileResult {
  if (read.failure !== undefined) return failed(target.file, read.failure);
  const { file, uri } = target;
  try {
    const checked = checkDocument(service, file, uri, read.text, how.fix);
    if (!how.fix) return checked.result;
    return fixWritten(checked, file, read.text, how.files ?? NODE_FS, () => checkDocument(service, file, uri, read.text, undefined)).result;
  } catch (e) {
    // The core never throws by design; if it does, say so for this file and go on with the others.
    return failed(file, `internal error while checking it, please report: ${e instanceof Error ? e.message : String(e)}`);
  }
}
