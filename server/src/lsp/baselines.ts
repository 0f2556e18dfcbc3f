/**
 * The baseline files of the workspace (`model-cards-suppressions.json` at the root of each folder,
 * where `.modelcards.yaml` lives), as the editor honours them: read at start and again whenever one
 * changes. Read through the project host, so the browser server honours them too.
 */
import type { ProjectHost } from "../core/project/host";
import { BASELINE_FILE, baselineKey, parseBaseline, type Baseline, type CodeCounts } from "../core/suppress/baseline";

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

  constructor(private readonly host: ProjectHost) {}

  /** Reads the baseline of every folder that has one; returns the ones that cannot be used. */
  async load(folderUris: readonly string[]): Promise<BaselineFailure[]> {
    const folders: FolderBaseline[] = [];
    const failures: BaselineFailure[] = [];
    for (const folder of folderUris) {
      const rootUri = folder.replace(/\/$/, "");
      const uri = `${rootUri}/${BASELINE_FILE}`;
      // Absent (the usual case) or unreadable: either way there is no baseline to honour.
      const text = await this.host.readFile(uri);
      if (text === undefined) continue;
      const read = parseBaseline(text);
      if (read.baseline) folders.push({ rootUri, baseline: read.baseline });
      else failures.push({ uri, message: read.error });
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
