// The project's .modelcards.yaml in the editor: read from the workspace, applied live as it is typed.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { codesOf, messageOf, useServer } from "./client";

const FRONT = "---\ntitle: TinyCoder\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [models]\n---\n";
const CARD = `${FRONT}- 📙Paper: /\n- 🌐Architecture\n  + [ ] Encoder-Decoder\n  + [ ] Decoder-Only\n  + [x] Encoder-Denoiser-Decoder\n`;
const ADDS_OPTION = "schema:\n  options:\n    architecture: [Encoder-Denoiser-Decoder]\n";
/** The corpus post that uses the extra architecture, when the shared corpus is next to the repo. */
const CODEFUSION = path.resolve(__dirname, "../../../../shared/corpus/nl2code/_posts/2023-10-26-CodeFusion.md");

const root = mkdtempSync(path.join(tmpdir(), "model-cards-config-"));
const configFile = path.join(root, ".modelcards.yaml");
writeFileSync(configFile, ADDS_OPTION);
const configUri = pathToFileURL(configFile).href;
const cardUri = (name: string): string => pathToFileURL(path.join(root, "_posts", name)).href;

const lsp = useServer({ workspaceFolders: [root] });

after(() => {
  rmSync(root, { recursive: true, force: true });
});

void describe("the project config", () => {
  test("an option the config adds is known to the checks", async () => {
    const uri = cardUri("2021-07-07-TinyCoder.md");
    await lsp.client.open(uri, CARD);
    const diagnostics = await lsp.client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === "choice.unknown-option"), "no unknown option");
    assert.ok(!codesOf(diagnostics).includes("choice.unknown-option"));
  });

  test("editing the config applies at once: the option removed, the card warns again; a typo in the config is underlined", async () => {
    const uri = cardUri("2021-07-07-TinyCoder.md");
    await lsp.client.open(configUri, ADDS_OPTION, "yaml");
    const typo = "schema:\n  options:\n    architecure: [Encoder-Denoiser-Decoder]\n";
    await lsp.client.setText(configUri, typo);
    const card = await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "choice.unknown-option"), "the unknown-option warning back");
    assert.ok(codesOf(card).includes("choice.unknown-option"));
    const config = await lsp.client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0, "a diagnostic on the config");
    assert.deepEqual(config.map((d) => [d.code, d.range.start.line, d.source]), [["config.unknown-field", 2, "model-cards"]]);
    assert.match(messageOf(config[0]!), /Did you mean `architecture`\?/);
    await lsp.client.setText(configUri, ADDS_OPTION);
    await lsp.client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === "choice.unknown-option"), "the warning gone again");
    await lsp.client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 0, "the config clean");
  });

  test("the corpus card that uses Encoder-Denoiser-Decoder loses its unknown-option warning", { skip: existsSync(CODEFUSION) ? false : "no corpus next to the repo" }, async () => {
    const uri = cardUri("2023-10-26-CodeFusion.md");
    await lsp.client.setText(configUri, "");
    await lsp.client.open(uri, readFileSync(CODEFUSION, "utf8"));
    await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "choice.unknown-option"), "the warning without the option");
    await lsp.client.setText(configUri, ADDS_OPTION);
    await lsp.client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === "choice.unknown-option"), "the warning gone with the option");
  });
});
