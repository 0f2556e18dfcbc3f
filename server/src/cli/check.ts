import { cardKindName } from "../core/analysis";
import { pathToFileURL } from "node:url";
import type { Config } from "../core/config";
import { configProblems } from "../core/features/diagnostics";
import type { AppliedFix, FixScope } from "../core/features/fixAll";
import type { CardService } from "../core/service";
import type { FileResult } from "./report";

/** The URI a file is checked as: the one an editor would open it with, so every check sees the same name. */
export const uriOf = (file: string): string => pathToFileURL(file).href;

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
  const document = { uri, version: 1, getText: () => current };
  const kind = cardKindName(service.analysis(document));
  // In reading order, as a person goes through a file; the editor lists them by position too.
  const problems = service.reported(document).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  service.forget(uri);
  return { result: { path: file, role: "document", kind, problems, fixed, failure: undefined, ...(notes.length > 0 && { notes }) }, text: current };
}

/** A config file's own problems, as a result of their own. */
export function configResult(file: string, text: string, config: Config, failure: string | undefined): FileResult {
  return { path: file, role: "config", kind: undefined, problems: configProblems(text, config.problems), fixed: [], failure };
}
