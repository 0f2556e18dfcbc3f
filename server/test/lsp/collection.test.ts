// The Model Cards view's and the Compare view's data, as the editor asks the server for it.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { FileEvent } from "vscode-languageserver/node";
import { CARD_TABLE, CARDS, CARDS_CHANGED, CHECK_WORKSPACE, EXPORT_TABLE, type CardsResult, type CardSummary, type CardTable, type ExportTableParams } from "../../src/lsp/protocol";
import { CODEX, replaceLine, useServer, type LspClient } from "./client";

const root = mkdtempSync(path.join(tmpdir(), "model-cards-collection-"));
mkdirSync(path.join(root, "_posts"));
const posts: Record<string, string> = {
  "2021-07-07-Codex.md": CODEX,
  "2021-07-07-Sloppy.md": replaceLine(replaceLine(CODEX, "title: Codex", "title: Sloppy"), "- 🔑Public: ❌", "- 🔑Public: √").replace(/- 🍉Tokenizer\n(?: .*\n)*/, ""),
};
for (const [name, text] of Object.entries(posts)) writeFileSync(path.join(root, "_posts", name), text);
writeFileSync(path.join(root, "README.md"), "# Site\n");
// A Hugging Face model card beside the posts: a repository's README with Hub metadata.
const HUB_MODEL = readFileSync(path.join(__dirname, "../fixtures/hub/model.md"), "utf8");
mkdirSync(path.join(root, "tiny-sentiment"));
writeFileSync(path.join(root, "tiny-sentiment", "README.md"), HUB_MODEL);
const hubUri = pathToFileURL(path.join(root, "tiny-sentiment", "README.md")).href;
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
    const cards = await cardsWhen(lsp.client, (c) => c.length === 3);
    const byTitle = Object.fromEntries(cards.map((c) => [c.title, c]));
    // The Hub card is listed under its own kind, by the name its model-index gives it.
    const hub = byTitle["tiny-sentiment"]!;
    assert.deepEqual([hub.uri, hub.kind, hub.kindName, hub.errors, hub.warnings], [hubUri, "hub-model", "Hugging Face model card", 0, 0]);
    assert.ok(hub.total > 1 && hub.present <= hub.total);
    assert.deepEqual(byTitle.Codex, { uri: uriOf("2021-07-07-Codex.md"), kind: "models", kindName: "model card", title: "Codex", present: 31, total: 31, unit: "fields", errors: 0, warnings: 0, notes: 0 });
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
    assert.deepEqual(cards.map((c) => c.title).sort(), ["New", "Sloppy", "tiny-sentiment"]);
  });

  test("the table: each kind's columns and one row per card, cells at their lines", async () => {
    const table = await lsp.client.request<CardTable>(CARD_TABLE, {});
    assert.deepEqual(table.kinds.map((k) => k.tag), ["models", "benchmarks", "hub-model", "hub-dataset"]);
    const models = table.kinds[0]!;
    assert.ok(models.columns.some((c) => c.id === "modelSize" && c.type === "size" && c.shown));
    const sloppy = table.rows.find((r) => r.uri === uriOf("2021-07-07-Sloppy.md"))!;
    assert.equal(sloppy.cells["training.hardware"]?.text, "TPU v4", "the editor's text, not the disk's");
    assert.equal(sloppy.cells["tokenizer.technology"], undefined);
    assert.equal(sloppy.cells.modelSize?.sort, 12e9);
    // Hub cards: the metadata the Hub shows on a card's page, each cell at its key's line.
    const hubModel = table.kinds.find((k) => k.tag === "hub-model")!;
    assert.deepEqual(hubModel.columns.filter((c) => c.shown).map((c) => c.id), ["name", "license", "language", "pipeline_tag", "library_name", "base_model", "datasets"]);
    assert.ok(!hubModel.columns.some((c) => c.id === "model-index"), "structures are left to Export Card");
    const hub = table.rows.find((r) => r.uri === hubUri)!;
    assert.equal(hub.kind, "hub-model");
    assert.deepEqual(hub.cells.license, { text: "apache-2.0", line: 1, values: ["apache-2.0"] });
    assert.deepEqual(hub.cells.language, { text: "en; no", line: 2, values: ["en", "no"] });
    assert.equal(hub.cells.pipeline_tag?.text, "text-classification");
    assert.equal(hub.cells.base_model?.line, 7);
    assert.equal(hub.cells.name?.text, "tiny-sentiment");
  });

  test("the view's rows and columns export as CSV and as a markdown table, in the view's order", async () => {
    const params: ExportTableParams = { kind: "models", columns: ["training.hardware", "title"], uris: [uriOf("2022-01-01-New.md"), uriOf("2021-07-07-Sloppy.md")], format: "csv" };
    assert.equal(await lsp.client.request<string>(EXPORT_TABLE, params), "path,kind,Training › hardware,Title\r\n_posts/2022-01-01-New.md,models,V100,New\r\n_posts/2021-07-07-Sloppy.md,models,TPU v4,Sloppy\r\n");
    const markdown = await lsp.client.request<string>(EXPORT_TABLE, { ...params, format: "markdown" });
    assert.equal(markdown.split("\n")[2], "| _posts/2022-01-01-New.md | models | V100 | New |");
    await assert.rejects(lsp.client.request(EXPORT_TABLE, { ...params, format: "xml" }), /`format` \(csv or markdown\)/);
    const hub: ExportTableParams = { kind: "hub-model", columns: ["name", "license", "pipeline_tag"], uris: [hubUri], format: "csv" };
    assert.equal(await lsp.client.request<string>(EXPORT_TABLE, hub), "path,kind,Name,license,pipeline_tag\r\ntiny-sentiment/README.md,hub-model,tiny-sentiment,apache-2.0,text-classification\r\n");
  });

  test("checking all cards reads the disk again: a card changed with no file event is listed as it now is", async () => {
    writeFileSync(path.join(root, "_posts", "2022-01-01-New.md"), replaceLine(replaceLine(CODEX, "title: Codex", "title: Renamed"), "  + hardware: V100", "  + hardware: A100"));
    await lsp.client.request(CHECK_WORKSPACE, {});
    const cards = await cardsWhen(lsp.client, (c) => c.some((card) => card.title === "Renamed"));
    assert.deepEqual(cards.map((c) => c.title).sort(), ["Renamed", "Sloppy", "tiny-sentiment"]);
    const row = (await lsp.client.request<CardTable>(CARD_TABLE, {})).rows.find((r) => r.uri === uriOf("2022-01-01-New.md"));
    assert.equal(row?.cells["training.hardware"]?.text, "A100");
  });

  test("a config file the cards' text does not name still applies to the table once the cards are checked again", async () => {
    const uri = uriOf("2022-01-01-New.md");
    const architecture = async (): Promise<readonly string[] | undefined> => (await lsp.client.request<CardTable>(CARD_TABLE, {})).rows.find((r) => r.uri === uri)?.cells.architecture?.values;
    writeFileSync(path.join(root, "_posts", "2022-01-01-New.md"), replaceLine(CODEX, "  + [x] Decoder-Only", "  + [ ] Decoder-Only\n  + [x] Encoder-Denoiser-Decoder"));
    await lsp.client.request(CHECK_WORKSPACE, {});
    assert.deepEqual(await architecture(), [], "not an option of the schema");
    // The same text, analysed under a config that adds the option: the card's entry is built again.
    writeFileSync(path.join(root, ".modelcards.yaml"), "schema:\n  options:\n    architecture: [Encoder-Denoiser-Decoder]\n");
    await lsp.client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(path.join(root, ".modelcards.yaml")).href, type: 1 }] });
    await lsp.client.request(CHECK_WORKSPACE, {});
    assert.deepEqual(await architecture(), ["Encoder-Denoiser-Decoder"]);
  });
});
