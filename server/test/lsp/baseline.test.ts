// The baseline in the editor: a workspace recorded with `model-cards check --suppress-all` shows
// only what is new in the Problems panel, the server reads the file again when it changes, and a
// broken file hides nothing and says why.
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { cli, tempDir } from "../cli/run";
import { CORPUS_POSTS } from "../core/helpers";
import { CODEX, codesOf, messageOf, replaceLine, useServer } from "./client";

/** Codex with a `√` for a yes/no value: the problem recorded in the baseline. */
const OLD = replaceLine(CODEX, "- 🔑Public: ❌", "- 🔑Public: √");
const root = tempDir({ "_posts/2021-07-07-Codex.md": OLD, "_posts/2021-07-07-Other.md": OLD });
const hasCorpus = existsSync(CORPUS_POSTS);
if (hasCorpus) cpSync(CORPUS_POSTS, path.join(root, "corpus/_posts"), { recursive: true });
const recorded = cli(["check", "--suppress-all", "."], { cwd: root });
assert.equal(recorded.code, 0, recorded.stderr);
const BASELINE = path.join(root, "model-cards-suppressions.json");
const uriOf = (relative: string): string => pathToFileURL(path.join(root, relative)).href;

const lsp = useServer({ workspaceFolders: [root] });
const warnings: string[] = [];

async function baselineChanged(): Promise<void> {
  await lsp.client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(BASELINE).href, type: 2 }] });
}

void describe("the baseline in the editor", () => {
  test("a recorded problem is not shown; a new one is, alone", async () => {
    const uri = uriOf("_posts/2021-07-07-Codex.md");
    await lsp.client.open(uri, OLD);
    await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, "the recorded problem hidden");
    await lsp.client.setText(uri, replaceLine(OLD, "  + [x] Decoder-Only", "  + [X] Decoder-Only"));
    assert.deepEqual(codesOf(await lsp.client.settledDiagnostics(uri)), ["checkbox.uppercase"]);
  });

  test("the corpus recorded: an untouched card shows nothing, one edited to add a problem shows exactly it", { skip: hasCorpus ? false : `no corpus at ${CORPUS_POSTS}` }, async () => {
    const name = readdirSync(path.join(root, "corpus/_posts")).find((f) => readFileSync(path.join(root, "corpus/_posts", f), "utf8").includes("- 🔑Public: ❌"))!;
    const uri = uriOf(`corpus/_posts/${name}`);
    const text = readFileSync(path.join(root, "corpus/_posts", name), "utf8");
    await lsp.client.open(uri, text);
    await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, "every recorded problem hidden");
    await lsp.client.setText(uri, text.replace("- 🔑Public: ❌", "- 🔑Public: √"));
    const diagnostics = await lsp.client.settledDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, messageOf(d)]), [["value.boolean", 'Public is yes/no: write ✅ or ❌ (a note may follow), not "√".']]);
  });

  test("the file is read again when it changes; a broken one hides nothing and says why", async () => {
    lsp.client.onNotification("window/showMessage", (params) => warnings.push((params as { message: string }).message));
    const uri = uriOf("_posts/2021-07-07-Other.md");
    await lsp.client.open(uri, OLD);
    await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, "the recorded problem hidden");
    writeFileSync(BASELINE, '{ "_posts/2021-07-07-Other.md": ');
    await baselineChanged();
    await lsp.client.waitForDiagnostics(uri, (p) => codesOf(p.diagnostics).join() === "value.boolean", "the problem shown again");
    assert.ok(warnings.some((w) => /model-cards-suppressions\.json cannot be used, so every problem is shown: it is not valid JSON/.test(w)), JSON.stringify(warnings));
    writeFileSync(BASELINE, '{ "_posts/2021-07-07-Other.md": { "value.boolean": { "count": 1 } } }\n');
    await baselineChanged();
    await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, "hidden again once the file is repaired");
  });
});
