// The Model Cards view's and the Compare view's data, as the editor asks the server for it.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { FileEvent } from "vscode-languageserver/node";
import { CARD_TABLE, CARDS, CARDS_CHANGED, EXPORT_TABLE, type CardsResult, type CardSummary, type CardTable, type ExportTableParams } from "../../src/lsp/protocol";
import { CODEX, replaceLine, useServer, type LspClient } from "./client";

const root = mkdtempSync(path.join(tmpdir(), "model-cards-collection-"));
mkdirSync(path.join(root, "_posts"));
const posts: Record<string, string> = {
  "2021-07-07-Codex.md": CODEX,
  "2021-07-07-Sloppy.md": replaceLine(replaceLine(CODEX, "title: Codex", "title: Sloppy"), "- 🔑Public: ❌", "- 🔑Public: √").replace(/- 🍉Tokenizer\n(?: .*\n)*/, ""),
};
for (const [name, text] of Object.entries(posts)) writeFileSync(path.join(root, "_posts", name), text);
writeFileSync(path.join(root, "README.md"), "# Site\n");
after(() => {
  rmSync(root, { recursive: true, force: true });
});
const uriOf = (name: string): string => pathToFileURL(path.join(root, "_posts", name)).href;

/** Asks for the cards until `ready` holds, again after each change the server announces. */
async function cardsWhen(client: LspClient, ready: (cards: readonly CardSummary[]) => boolean): Promise<readonly CardSummary[]> {
  const deadline = Date.now() + 5000;
  let changed = 0;
  client.onNotification(CARDS_CHANGED, () => changed++);
  for (;;) {
    const seen = changed;
    const { cards } = await client.request<CardsResult>(CARDS, {});
    if (ready(cards)) return cards;
    if (Date.now() > deadline) assert.fail(`the cards never became ready; last: ${JSON.stringify(cards.map((c) => [c.title, c.present, c.total, c.warnings]))}`);
    while (changed === seen && Date.now() <= deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

void describe("the collection of cards", () => {
  const lsp = useServer({ workspaceFolders: [root] });

  test("every card on disk, with its completeness and problem counts", async () => {
    const cards = await cardsWhen(lsp.client, (c) => c.length === 2);
    const byTitle = Object.fromEntries(cards.map((c) => [c.title, c]));
    assert.deepEqual(byTitle.Codex, { uri: uriOf("2021-07-07-Codex.md"), kind: "models", kindName: "model card", title: "Codex", present: 31, total: 31, errors: 0, warnings: 0, notes: 0 });
    assert.deepEqual([byTitle.Sloppy?.present, byTitle.Sloppy?.total, byTitle.Sloppy?.warnings], [28, 31, 2]);
  });

  test("an edit in the editor, a new file and a deleted one show in the list", async () => {
    await lsp.client.open(uriOf("2021-07-07-Sloppy.md"), replaceLine(replaceLine(posts["2021-07-07-Sloppy.md"]!, "- 🔑Public: √", "- 🔑Public: ✅"), "  + hardware: V100", "  + hardware: TPU v4"));
    await cardsWhen(lsp.client, (cards) => cards.find((c) => c.title === "Sloppy")?.warnings === 1);
    writeFileSync(path.join(root, "_posts", "2022-01-01-New.md"), replaceLine(CODEX, "title: Codex", "title: New"));
    unlinkSync(path.join(root, "_posts", "2021-07-07-Codex.md"));
    const changes: FileEvent[] = [{ uri: uriOf("2022-01-01-New.md"), type: 1 }, { uri: uriOf("2021-07-07-Codex.md"), type: 3 }];
    await lsp.client.notify("workspace/didChangeWatchedFiles", { changes });
    const cards = await cardsWhen(lsp.client, (c) => c.some((card) => card.title === "New") && !c.some((card) => card.title === "Codex"));
    assert.deepEqual(cards.map((c) => c.title).sort(), ["New", "Sloppy"]);
  });

  test("the table: each kind's columns and one row per card, cells at their lines", async () => {
    const table = await lsp.client.request<CardTable>(CARD_TABLE, {});
    assert.deepEqual(table.kinds.map((k) => k.tag), ["models", "benchmarks"]);
    const models = table.kinds[0]!;
    assert.ok(models.columns.some((c) => c.id === "modelSize" && c.type === "size" && c.shown));
    const sloppy = table.rows.find((r) => r.uri === uriOf("2021-07-07-Sloppy.md"))!;
    assert.equal(sloppy.cells["training.hardware"]?.text, "TPU v4", "the editor's text, not the disk's");
    assert.equal(sloppy.cells["tokenizer.technology"], undefined);
    assert.equal(sloppy.cells.modelSize?.sort, 12e9);
  });

  test("the view's rows and columns export as CSV and as a markdown table, in the view's order", async () => {
    const params: ExportTableParams = { kind: "models", columns: ["training.hardware", "title"], uris: [uriOf("2022-01-01-New.md"), uriOf("2021-07-07-Sloppy.md")], format: "csv" };
    assert.equal(await lsp.client.request<string>(EXPORT_TABLE, params), "path,kind,Training › hardware,Title\r\n_posts/2022-01-01-New.md,models,V100,New\r\n_posts/2021-07-07-Sloppy.md,models,TPU v4,Sloppy\r\n");
    const markdown = await lsp.client.request<string>(EXPORT_TABLE, { ...params, format: "markdown" });
    assert.equal(markdown.split("\n")[2], "| _posts/2022-01-01-New.md | models | V100 | New |");
    await assert.rejects(lsp.client.request(EXPORT_TABLE, { ...params, format: "xml" }), /`format` \(csv or markdown\)/);
  });
});
