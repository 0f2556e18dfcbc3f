/** Where a file's config may be: the folder of a URI, as ProjectConfigs walks up from a file. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parentOf } from "../../src/core/project/configs";

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
    ["not a uri/with/slashes", undefined],
  ];
  for (const [uri, folder] of cases) assert.equal(parentOf(uri), folder, uri);
});
