// A huge file in the workspace must not hold up the editor while the server reads the workspace.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { CARDS, CARDS_CHANGED, type CardsResult } from "../../src/lsp/protocol";
import { CODEX, positionOf, replaceLine, useServer } from "./client";

const root = mkdtempSync(path.join(tmpdir(), "model-cards-huge-"));
mkdirSync(path.join(root, "_posts"));
const section = CODEX.slice(CODEX.indexOf("- 🧪Hyperparameters"));
// 50 MB of card: analysed at once it kept the server from answering anything for 41 s after start.
writeFileSync(path.join(root, "_posts", "2021-07-07-Huge.md"), CODEX.replace("title: Codex", "title: Huge") + section.repeat(Math.ceil((50 * 1024 * 1024) / section.length)));
for (const title of ["Alpha", "Beta"]) writeFileSync(path.join(root, "_posts", `2021-07-07-${title}.md`), replaceLine(CODEX, "title: Codex", `title: ${title}`));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

void describe("a 50 MB card in the workspace", () => {
  const lsp = useServer({ workspaceFolders: [root] });

  test("a card opened right after start gets its diagnostics and completion while the workspace is read", async () => {
    const uri = pathToFileURL(path.join(root, "_posts", "2022-01-01-New.md")).href;
    const text = replaceLine(CODEX, "- 📚Publisher: `Arxiv`", "- 📚Publisher: ");
    await lsp.client.open(uri, text);
    // Each wait fails after the client's 5 s: the old synchronous scan answered nothing for 41 s.
    await lsp.client.settledDiagnostics(uri);
    const at = positionOf(text, "- 📚Publisher: ", "Publisher: ");
    // Ask again and again for the next 3 s, while the server reads the workspace in the background.
    for (let i = 0; i < 30; i++) {
      const items = await lsp.client.completion(uri, { line: at.line, character: at.character + "Publisher: ".length }, " ");
      assert.ok(items.some((item) => item.label.toLowerCase() === "`arxiv`"));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  test("the background index skips the huge file and keeps the cards", async () => {
    let changed = 0;
    lsp.client.onNotification(CARDS_CHANGED, () => changed++);
    const deadline = Date.now() + 5000;
    let titles: string[] = [];
    while (Date.now() < deadline) {
      titles = (await lsp.client.request<CardsResult>(CARDS, {})).cards.map((c) => c.title).sort();
      if (titles.length >= 3) break;
      const seen = changed;
      while (changed === seen && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(titles, ["Alpha", "Beta", "Codex"], "the open card is listed under its own title (Codex), the huge file is not read");
  });
});
