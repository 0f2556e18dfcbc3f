/**
 * The baseline files of the workspace (`model-cards-suppressions.json` at the root of each folder,
 * where `.modelcards.yaml` lives), as the editor honours them: read at start and again whenever one
 * changes on disk. Node-only (it reads files), so it lives beside the wiring, not in the pure core.
 */
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BASELINE_FILE, baselineKey, parseBaseline, type Baseline, type CodeCounts } from "./core/suppress/baseline";

export const isBaselineFile = (uri: string): boolean => decodeURIComponent(uri).endsWith(`/${BASELINE_FILE}`);

interface FolderBaseline {
  readonly rootUri: string;
  readonly baseline: Baseline;
}

/** A baseline that could not be read: it hides nothing, and the user is told why. */
export interface BaselineFailure {
  readonly uri: string;
  readonly message: string;
}

export class WorkspaceBaselines {
  private folders: FolderBaseline[] = [];

  /** Reads the baseline of every folder that has one; returns the ones that cannot be used. */
  async load(folderUris: readonly string[]): Promise<BaselineFailure[]> {
    const folders: FolderBaseline[] = [];
    const failures: BaselineFailure[] = [];
    for (const rootUri of folderUris) {
      if (!rootUri.startsWith("file:")) continue;
      const file = path.join(fileURLToPath(rootUri), BASELINE_FILE);
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") failures.push({ uri: pathToFileURL(file).href, message: `it cannot be read (${(e as Error).message})` });
        continue;
      }
      const read = parseBaseline(text);
      if (read.baseline) folders.push({ rootUri: pathToFileURL(path.dirname(file)).href, baseline: read.baseline });
      else failures.push({ uri: pathToFileURL(file).href, message: read.error });
    }
    this.folders = folders;
    return failures;
  }

  /** The counts recorded for a document, from the baseline of the innermost folder that holds it. */
  recorded(uri: string): CodeCounts | undefined {
    let best: { length: number; counts: CodeCounts | undefined } | undefined;
    for (const folder of this.folders) {
      const key = baselineKey(folder.rootUri, uri);
      if (key !== undefined && (!best || folder.rootUri.length > best.length)) best = { length: folder.rootUri.length, counts: folder.baseline.get(key) };
    }
    return best?.counts;
  }
}
