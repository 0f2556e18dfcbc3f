/** Paths and URIs the CLI works out per folder for speed: they must be exactly what the per-file functions give. */
import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { fileUris } from "../../src/cli/check";
import { displayPath, displayPaths } from "../../src/cli/report";

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

test("displayPaths shows every file as displayPath does, inside the working folder or not (generated, fixed seed)", () => {
  const cwd = path.join(path.sep, "work", "site");
  const folders = [path.sep, cwd, path.join(cwd, "_posts"), path.join(cwd, "a", "b"), path.join(path.sep, "work"), path.join(path.sep, "work", "site-2"), path.join(path.sep, "other", "x")];
  const names = ["card.md", "..hidden.md", ".draft.md", "...", "a b.md", "模型.md", "x"];
  let seed = 5;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const shown = displayPaths(cwd);
  for (let i = 0; i < 5_000; i++) {
    const file = path.join(folders[next(folders.length)]!, names[next(names.length)]!);
    assert.equal(shown(file), displayPath(file, cwd), file);
  }
  assert.equal(shown("relative/card.md"), "relative/card.md");
});
