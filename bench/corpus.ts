import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

export interface CorpusFile {
  readonly uri: string;
  readonly text: string;
}

/** Every markdown file under `root`, sorted by path; read only, never copied. */
export function readCorpus(root: string): CorpusFile[] {
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(root, name));
  if (files.length === 0) throw new Error(`No markdown files under ${root}: pass the corpus directory as the first argument.`);
  return files.map((file) => ({ uri: pathToFileURL(file).href, text: readFileSync(file, "utf8") }));
}
