/**
 * The workspace's `.modelcards.yaml`, as the editor sees it: read from the first workspace folder
 * that has one, and while it is open in an editor, from the editor's text, so every keystroke in it
 * applies at once. It is data only: parsing runs nothing, so untrusted workspaces use it too.
 */
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CONFIG_FILE, parseConfig, type Config } from "./core/config";

export const isConfigFile = (uri: string): boolean => decodeURIComponent(uri).endsWith(`/${CONFIG_FILE}`);

export interface LoadedProjectConfig {
  readonly uri: string;
  readonly text: string;
  readonly config: Config;
}

export class ProjectConfig {
  private current: LoadedProjectConfig | undefined;

  get loaded(): LoadedProjectConfig | undefined {
    return this.current;
  }

  /** Reads the config from the first folder that has one; undefined when none does. */
  async load(folders: readonly string[]): Promise<LoadedProjectConfig | undefined> {
    this.current = undefined;
    for (const folder of folders) {
      if (!folder.startsWith("file:")) continue;
      const file = path.join(fileURLToPath(folder), CONFIG_FILE);
      const text = await readFile(file, "utf8").catch(() => undefined);
      if (text !== undefined) return this.set(pathToFileURL(file).href, text);
    }
    return undefined;
  }

  /** Takes the text of the config (an edit in the editor, or the file changed on disk). */
  set(uri: string, text: string): LoadedProjectConfig {
    this.current = { uri, text, config: parseConfig(text) };
    return this.current;
  }
}
