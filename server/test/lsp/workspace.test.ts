// What the server knows of the cards on disk: symbols, values other cards use, and a full check.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { CompletionItem, WorkspaceSymbol } from "vscode-languageserver-types";
import { CHECK_PROGRESS, CHECK_WORKSPACE, type CheckProgress, type CheckWorkspaceResult } from "../../src/lsp/protocol";
import { CODEX, positionOf, replaceLine, useServer } from "./client";

const root = mkdtempSync(path.join(tmpdir(), "model-cards-workspace-"));
mkdirSync(path.join(root, "_posts"));
const card = (title: string, publisher: string, extra = ""): string =>
  replaceLine(replaceLine(CODEX, "title: Codex", `title: ${title}`), "- 📚Publisher: `Arxiv`", `- 📚Publisher: ${publisher}`).replace("(Codex 12B)", `(${title} 1B)`) + extra;
const posts: Record<string, string> = {
  "2021-07-07-Alpha.md": card("Alpha", "`NeurIPS`"),
  "2021-07-07-Beta.md": card("Beta", "`NeurIPS`"),
  "2021-07-07-Gamma.md": card("Gamma", "`ICLR`", "- 🎯Unknown Field: x\n"),
};
for (const [name, text] of Object.entries(posts)) writeFileSync(path.join(root, "_posts", name), text);
writeFileSync(path.join(root, "README.md"), "# Site\n- not a card\n");
mkdirSync(path.join(root, "node_modules"));
writeFileSync(path.join(root, "node_modules", "2021-07-07-Hidden.md"), card("Hidden", "`HiddenConf`"));

const lsp = useServer({ workspaceFolders: [root] });
const uriOf = (name: string): string => pathToFileURL(path.join(root, "_posts", name)).href;

after(() => {
  rmSync(root, { recursive: true, force: true });
});

void describe("a workspace of cards", () => {
  const progress: CheckProgress[] = [];
  let result: CheckWorkspaceResult;

  test("checking all cards reads every markdown file but node_modules, reports progress, and publishes each card's problems", async () => {
    lsp.client.onNotification(CHECK_PROGRESS, (p) => progress.push(p as CheckProgress));
    result = await lsp.client.request<CheckWorkspaceResult>(CHECK_WORKSPACE, {});
    assert.deepEqual(result, { files: 4, cards: 3, problems: 1, cancelled: false });
    assert.deepEqual(progress.at(-1), { done: 4, total: 4 });
    const gamma = await lsp.client.waitForDiagnostics(uriOf("2021-07-07-Gamma.md"), (p) => p.diagnostics.length > 0);
    assert.deepEqual(gamma.map((d) => d.code), ["field.unknown"]);
    assert.equal(lsp.client.lastPublished(pathToFileURL(path.join(root, "README.md")).href), undefined);
  });

  test("symbols find cards by title and by the model named in Hyperparameters", async () => {
    const symbols = await lsp.client.request<WorkspaceSymbol[]>("workspace/symbol", { query: "alph" });
    assert.deepEqual(symbols.map((s) => s.name).sort(), ["Alpha", "Alpha 1B"]);
    assert.ok(symbols.every((s) => "range" in s.location && s.location.uri === uriOf("2021-07-07-Alpha.md")));
  });

  test("a new card's publisher completion offers what the other cards use, most used first", async () => {
    const uri = pathToFileURL(path.join(root, "_posts", "2021-07-07-Delta.md")).href;
    const text = replaceLine(CODEX, "- 📚Publisher: `Arxiv`", "- 📚Publisher: ");
    await lsp.client.open(uri, text);
    const position = positionOf(text, "- 📚Publisher: ", "Publisher: ");
    const items: CompletionItem[] = await lsp.client.completion(uri, { line: position.line, character: position.character + "Publisher: ".length }, " ");
    const ranked = [...items].sort((a, b) => (a.sortText ?? "").localeCompare(b.sortText ?? ""));
    assert.deepEqual(ranked.slice(0, 2).map((i) => [i.label, i.detail]), [["`NeurIPS`", "used in 2 cards"], ["`ICLR`", "used in 1 card"]]);
    assert.ok(ranked.some((i) => i.label === "`arxiv`"), "the schema's own publishers follow");
    assert.ok(!ranked.some((i) => i.label === "`HiddenConf`"), "node_modules is not part of the site");
  });
});
