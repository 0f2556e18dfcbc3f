/** The project on disk, for the Node server and the CLI. */
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMarkdownFile } from "../core/project/files";
import type { Cancellation, ProjectHost } from "../core/project/host";
import { readText, walk } from "./files";

/** The path of a `file:` URI; undefined for other schemes, which have no file on this disk. */
const filePath = (uri: string): string | undefined => (uri.startsWith("file:") ? fileURLToPath(uri) : undefined);

/** The disk, for the Node server's workspace folders and the CLI. */
export class NodeHost implements ProjectHost {
  constructor(readonly now: () => Date = () => new Date()) {}

  async listMarkdown(folder: string, token?: Cancellation): Promise<readonly string[]> {
    const root = filePath(folder);
    if (root === undefined) return [];
    const { files } = await walk(root, isMarkdownFile, token);
    return files.map((file) => pathToFileURL(file).href);
  }

  readFile(uri: string, maxBytes?: number): Promise<string | undefined> {
    const file = filePath(uri);
    return Promise.resolve(file === undefined ? undefined : readText(file, maxBytes).text);
  }
}
