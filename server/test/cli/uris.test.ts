/** The URIs the CLI checks files as: made per folder for speed, they must be pathToFileURL's exactly. */
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { fileUris } from "../../src/cli/check";

test("fileUris gives pathToFileURL's URI for any name, in any folder (generated, fixed seed)", () => {
  const pieces = ["a", "Z", "0", "_", "-", ".", "~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@", " ", "%", "#", "?", "[", "]", "`", "{", "}", "^", "|", '"', "<", ">", "é", "模", "📙", "\t", "\\"];
  const folders = [path.sep, path.join(path.sep, "site", "_posts"), path.join(path.sep, "a b", "c#d", "模型"), process.cwd()];
  let seed = 13;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const uriOf = fileUris();
  for (let i = 0; i < 20_000; i++) {
    let name = "";
    for (let k = 1 + next(6); k > 0; k--) name += pieces[next(pieces.length)]!;
    if (name === "." || name === ".." || name.includes(path.sep)) continue;
    const file = path.join(folders[next(folders.length)]!, `${name}.md`);
    assert.equal(uriOf(file), pathToFileURL(file).href, JSON.stringify(file));
  }
});
