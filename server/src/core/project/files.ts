/**
 * Which files of a project are worth reading, decided once for every host: the Node server and the
 * CLI walk folders with it, and the browser server hands its glob to `vscode.workspace.findFiles`.
 */

/** Folders no card lives in and that can be huge: dependencies and a Jekyll site's build output. */
export const SKIPPED_FOLDERS: readonly string[] = ["node_modules", "_site", ".jekyll-cache", "vendor"];

/** A folder a walk does not enter: a skipped one, or a dot-folder (`.git`, `.github`, `.vscode`). */
export const isSkippedFolder = (name: string): boolean => name.startsWith(".") || SKIPPED_FOLDERS.includes(name);

/** A file that may be a card: markdown, by its name. */
export const isMarkdownFile = (name: string): boolean => name.endsWith(".md");

/** The skipped folders as one glob, for hosts that search by glob (`findFiles`' exclude). */
export const SKIPPED_GLOB = `**/{${[...SKIPPED_FOLDERS, ".*"].join(",")}}/**`;

/** True when no folder on the way from the root to the file is skipped (`rel` is the path below the root, `/`-separated). */
export const isListedPath = (rel: string): boolean => {
  const parts = rel.split("/");
  return isMarkdownFile(parts[parts.length - 1]!) && !parts.slice(0, -1).some(isSkippedFolder);
};
