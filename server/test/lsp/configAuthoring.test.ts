// Writing .modelcards.yaml in the editor: completion, hover and quick fixes over stdio, as VS Code
// asks for them on the config document (the client's documentSelector includes the file).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { CompletionItem, MarkupContent, Position, TextEdit } from "vscode-languageserver/node";
import { messageOf, useServer } from "./client";

const root = mkdtempSync(path.join(tmpdir(), "model-cards-authoring-"));
writeFileSync(path.join(root, ".modelcards.yaml"), "");
const uri = pathToFileURL(path.join(root, ".modelcards.yaml")).href;
after(() => {
  rmSync(root, { recursive: true, force: true });
});

const lsp = useServer({ workspaceFolders: [root] });

/** The text with `|` removed, and the position where it was: where the user's cursor is. */
function cursor(text: string): { text: string; position: Position } {
  const at = text.indexOf("|");
  const lines = text.slice(0, at).split("\n");
  return { text: text.replace("|", ""), position: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}

async function complete(textWithCursor: string): Promise<CompletionItem[]> {
  const { text, position } = cursor(textWithCursor);
  await lsp.client.setText(uri, text);
  return lsp.client.completion(uri, position);
}

/** Accepts a completion item the way the editor does: its text edit, over the typed prefix. */
async function accept(item: CompletionItem): Promise<string> {
  await lsp.client.applyWorkspaceEdit({ changes: { [uri]: [item.textEdit as TextEdit] } });
  return lsp.client.text(uri);
}

const labels = (items: readonly CompletionItem[]): string[] => items.map((i) => i.label);
const docs = (item: CompletionItem | undefined): string => (item?.documentation as MarkupContent | undefined)?.value ?? "";

async function hoverText(textWithCursor: string): Promise<string> {
  const { text, position } = cursor(textWithCursor);
  await lsp.client.setText(uri, text);
  const hover = await lsp.client.hover(uri, position);
  return (hover?.contents as MarkupContent | undefined)?.value ?? "";
}

void describe(".modelcards.yaml: completion", () => {
  test("the top-level keys, less those already written", async () => {
    await lsp.client.open(uri, "", "yaml");
    assert.deepEqual(labels(await complete("|")), ["severity", "cardGlobs", "schema"]);
    assert.deepEqual(labels(await complete("severity:\n  list.marker: off\n|")), ["cardGlobs", "schema"]);
  });

  test("a code being typed under severity is completed in place, with its meaning and default", async () => {
    const items = await complete("severity:\n  list.m|");
    const marker = items.find((i) => i.label === "list.marker");
    assert.ok(marker, JSON.stringify(labels(items)));
    assert.equal(marker.detail, "default: information");
    assert.match(docs(marker), /bullet marker/);
    assert.equal(await accept(marker), "severity:\n  list.marker: ");
  });

  test("after a code, the five levels", async () => {
    const items = await complete("severity:\n  list.marker: |");
    assert.deepEqual(labels(items), ["error", "warning", "information", "hint", "off"]);
    assert.match(docs(items[4]), /Not reported/);
  });

  test("under schema.options, the ids of the fields that take options, with the options they have now", async () => {
    const items = await complete("schema:\n  options:\n    |");
    assert.ok(labels(items).includes("architecture"));
    assert.ok(!labels(items).includes("paper"), "a link field takes no options");
    const architecture = items.find((i) => i.label === "architecture")!;
    assert.equal(architecture.detail, "🌐Architecture");
    assert.match(docs(architecture), /Options now: `Encoder-Decoder`, `Decoder-Only`/);
  });

  test("in optional: [ … ], every field id", async () => {
    const items = await complete("schema:\n  optional: [tokenizer, hyp|");
    assert.ok(labels(items).includes("hyperparameters") && labels(items).includes("paper"));
    assert.equal(await accept(items.find((i) => i.label === "hyperparameters")!), "schema:\n  optional: [tokenizer, hyperparameters");
  });

  test("a new field: its keys in a list item, then the card kinds and the value kinds", async () => {
    const keys = labels(await complete("schema:\n  fields:\n    - kind: models\n      |"));
    assert.ok(!keys.includes("kind"), "kind is written already");
    for (const key of ["id", "label", "emoji", "value", "after", "under", "description"]) assert.ok(keys.includes(key), key);
    assert.deepEqual(labels(await complete("schema:\n  fields:\n    - kind: |")), ["models", "benchmarks"]);
    assert.deepEqual(labels(await complete("schema:\n  fields:\n    - { kind: models, value: |")), ["link", "boolean", "number", "sizes", "text"]);
  });

  test("a card's markdown gets no config completion", async () => {
    const card = pathToFileURL(path.join(root, "_posts", "2021-07-07-X.md")).href;
    await lsp.client.open(card, "severity:\n  ");
    assert.ok(!labels(await lsp.client.completion(card, { line: 1, character: 2 })).includes("list.marker"));
  });
});

void describe(".modelcards.yaml: hover", () => {
  test("a top-level key, a code, a level, a field id and a value kind each explain themselves", async () => {
    await lsp.client.open(uri, "", "yaml");
    assert.match(await hoverText("sev|erity:\n  list.marker: off\n"), /\*\*severity\*\*[\s\S]*severity of each diagnostic code/);
    assert.match(await hoverText("severity:\n  list.ma|rker: off\n"), /\*\*list\.marker\*\* — default: information[\s\S]*bullet marker/);
    assert.match(await hoverText("severity:\n  list.marker: o|ff\n"), /\*\*off\*\*[\s\S]*Not reported/);
    assert.match(await hoverText("schema:\n  optional: [tok|enizer]\n"), /\*\*tokenizer\*\* — 🍉Tokenizer/);
    assert.match(await hoverText("schema:\n  fields:\n    - kind: models\n      value: li|nk\n"), /\*\*link\*\*[\s\S]*markdown link/);
  });

  test("a word that is no key or name of the file gets no hover", async () => {
    assert.equal(await hoverText("severity:\n  list.marker: lo|ud\n"), "");
  });
});

void describe(".modelcards.yaml: quick fixes for the did-you-means", () => {
  const cases = [
    { name: "a misspelt key", broken: "severty:\n  list.marker: off\n", fixed: "severity:\n  list.marker: off\n", title: "Change to `severity`" },
    { name: "a misspelt code", broken: "severity:\n  list.markr: off\n", fixed: "severity:\n  list.marker: off\n", title: "Change to `list.marker`" },
    { name: "a misspelt level", broken: "severity:\n  list.marker: of\n", fixed: "severity:\n  list.marker: off\n", title: "Change to `off`" },
    { name: "a misspelt field id", broken: "schema:\n  optional: [tokeniser]\n", fixed: "schema:\n  optional: [tokenizer]\n", title: "Change to `tokenizer`" },
    { name: "a misspelt key of a new field", broken: "schema:\n  fields:\n    - { kind: models, id: hf, label: HF, descripton: d }\n", fixed: "schema:\n  fields:\n    - { kind: models, id: hf, label: HF, description: d }\n", title: "Change to `description`" },
    { name: "a misspelt value kind", broken: "schema:\n  fields:\n    - { kind: models, id: hf, label: HF, description: d, value: lnk }\n", fixed: "schema:\n  fields:\n    - { kind: models, id: hf, label: HF, description: d, value: link }\n", title: "Change to `link`" },
  ];
  for (const c of cases) {
    test(`${c.name}: the fix writes the suggestion and the file is clean`, async () => {
      await lsp.client.open(uri, "", "yaml");
      await lsp.client.setText(uri, c.broken);
      const [diagnostic] = await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, "the slip reported");
      assert.match(messageOf(diagnostic!), /Did you mean/);
      const fix = await lsp.client.quickFix(uri, diagnostic!, c.title);
      assert.equal(fix.isPreferred, true);
      await lsp.client.applyWorkspaceEdit(fix.edit!);
      assert.equal(lsp.client.text(uri), c.fixed);
      await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, "the config clean");
    });
  }
});
