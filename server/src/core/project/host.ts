/**
 * What the core needs from the place it runs, in the manner of vscode-markdown-languageservice's
 * `IWorkspace`: the Node server reads the disk, the browser server asks the editor
 * (`vscode.workspace.findFiles` and `vscode.workspace.fs`), the CLI reads the paths it was given.
 * Nothing else in the project reads files: config lookup, the workspace index and the checks all go
 * through this. Changes reach the project through `ProjectConfigs.changed` and the index, which
 * the LSP wiring calls for the editor's file events (the same for both servers).
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export interface ProjectHost {
  /** The markdown files under a folder (a URI), skipping `isSkippedFolder` folders at any depth. */
  listMarkdown(folder: string, token?: Cancellation): Promise<readonly string[]>;
  /**
   * A file's text; undefined when it cannot be read (absent, a folder, not UTF-8, another scheme),
   * or when it is longer than `maxBytes` where the host can tell without reading it.
   */
  readFile(uri: string, maxBytes?: number): Promise<string | undefined>;
  /** Now, for the dates that fixes and completions write; tests pin it. */
  now(): Date;
}
