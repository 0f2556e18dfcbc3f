/** Where a file's config may be: the folder of a URI, as ProjectConfigs walks up from a file. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parentOf, ProjectConfigs } from "../../src/core/project/configs";
import { DEFAULT_SETTINGS, severityOf } from "../../src/core/settings";

test("the folder of a URI: its path without the last segment, query, fragment or trailing slashes", () => {
  const cases: [string, string | undefined][] = [
    ["file:///site/_posts/2021-07-07-Codex.md", "file:///site/_posts"],
    ["file:///site/_posts/", "file:///site"],
    ["file:///site", "file://"],
    ["file:///", undefined],
    ["file://server/share/card.md", "file://server/share"],
    ["vscode-vfs://github/owner/repo/README.md?ref=main#top", "vscode-vfs://github/owner/repo"],
    ["http://host?x=/a/b", undefined],
    ["File:///A/b.md", "File:///A"],
    ["untitled:Untitled-1", undefined],
    ["untitled:x://host/a.md", undefined],
    ["a+b.c-d://host/a.md", "a+b.c-d://host"],
    ["not a uri/with/slashes", undefined],
  ];
  for (const [uri, folder] of cases) assert.equal(parentOf(uri), folder, uri);
});

test("a file's scope follows its config as it is read, edited and put under other editor settings", async () => {
  const disk = new Map([["file:///site/a/.modelcards.yaml", "severity:\n  field.missing: off\n"]]);
  const configs = new ProjectConfigs((uri) => Promise.resolve(disk.get(uri)));
  const inA = "file:///site/a/card.md";
  const inB = "file:///site/b/card.md";
  const missing = (uri: string): string => severityOf(configs.scopeFor(uri).settings, "field.missing");
  // Asked before the folders are read, then after: the answer given first must not stick.
  assert.equal(missing(inA), "warning");
  await configs.forFile(inA);
  await configs.forFile(inB);
  assert.equal(missing(inA), "off");
  // Files of two folders in turn each get their own folder's scope.
  assert.equal(missing(inB), "warning");
  assert.equal(missing("file:///site/a/other.md"), "off");
  disk.set("file:///site/a/.modelcards.yaml", "severity:\n  field.missing: hint\n");
  configs.changed("file:///site/a/.modelcards.yaml");
  assert.equal(missing(inA), "warning", "while the edited config is read again, none applies");
  await configs.forFile(inA);
  assert.equal(missing(inA), "hint");
  configs.setRoots(["file:///site/b"]);
  assert.equal(missing(inA), "warning", "the folders are read again for the new workspace folders");
  await configs.forFile(inA);
  assert.equal(missing(inA), "hint");
  configs.setEditorSettings({ ...DEFAULT_SETTINGS, severity: { "field.missing": "error" } });
  assert.equal(missing(inA), "error", "the editor's settings win over the config's");
});

test("the configs of many files: each folder's chain is read once, and every file then has its config", async () => {
  const disk = new Map([
    ["file:///site/.modelcards.yaml", "severity:\n  field.missing: hint\n"],
    ["file:///site/a/.modelcards.yaml", "severity:\n  field.missing: off\n"],
  ]);
  const asked: string[] = [];
  const configs = new ProjectConfigs((uri) => {
    asked.push(uri);
    return Promise.resolve(disk.get(uri));
  });
  const files = ["a", "b", "a/deep", "b"].flatMap((folder) => [1, 2, 3].map((n) => `file:///site/${folder}/card-${n}.md`));
  await configs.forFiles([...files, "untitled:stdin"]);
  // Up to the nearest config, each once; none above /site, whose config is found first.
  assert.deepEqual(asked.sort(), ["file:///site/.modelcards.yaml", "file:///site/a/.modelcards.yaml", "file:///site/a/deep/.modelcards.yaml", "file:///site/b/.modelcards.yaml"]);
  for (const file of files) assert.equal(configs.known(file), configs.known(file.replace(/card-\d/, "card-1")), file);
  assert.equal(severityOf(configs.scopeFor("file:///site/a/deep/card-2.md").settings, "field.missing"), "off");
  assert.equal(severityOf(configs.scopeFor("file:///site/b/card-3.md").settings, "field.missing"), "hint");
  assert.notEqual(configs.known("file:///site/b/card-3.md"), "unknown");
});

