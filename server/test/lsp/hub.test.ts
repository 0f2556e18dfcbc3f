// The Hub card journeys over LSP against the bundled server: a bad license flagged live at its
// node and fixed from the light bulb, pipeline_tag completion with meanings, hovers, the outline.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MarkupContent, type DocumentSymbol, type TextEdit } from "vscode-languageserver-types";
import { COMPLETENESS, FILL_MISSING, type Completeness } from "../../src/lsp/protocol";
import { applyEdits, messageOf, positionOf, rangeOf, readFixture, useServer } from "./client";

const lsp = useServer();
const MODEL = readFixture("hub/model.md");
let uris = 0;
const readmeUri = (): string => `file:///workspace/repo-${++uris}/README.md`;

void describe("Hub cards over LSP", () => {
  test("a valid Hub model card gets no diagnostics", async () => {
    const uri = readmeUri();
    await lsp.client.open(uri, MODEL);
    assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
  });

  test("typing `license: MIT` is flagged as an error at the value, and the light bulb writes `mit`", async () => {
    const uri = readmeUri();
    await lsp.client.open(uri, MODEL);
    await lsp.client.settledDiagnostics(uri);
    const at = rangeOf(MODEL, "license: apache-2.0", "apache-2.0");
    await lsp.client.change(uri, { range: at, text: "MIT" });
    const text = lsp.client.text(uri);
    const [diagnostic, ...rest] = await lsp.client.settledDiagnostics(uri);
    assert.ok(diagnostic);
    assert.deepEqual(rest, []);
    assert.deepEqual({ code: diagnostic.code, severity: diagnostic.severity, range: diagnostic.range }, { code: "hub.license", severity: 1, range: rangeOf(text, "license: MIT", "MIT") });
    assert.match(messageOf(diagnostic), /Did you mean `mit`\?/);
    const action = await lsp.client.quickFix(uri, diagnostic, "Change to `mit`");
    assert.equal(action.isPreferred, true);
    await lsp.client.applyWorkspaceEdit(action.edit!);
    assert.match(lsp.client.text(uri), /^license: mit$/m);
    assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);
  });

  test("completion after `pipeline_tag: ` lists the Hub's tasks with what each is", async () => {
    const uri = readmeUri();
    const text = MODEL.replace("pipeline_tag: text-classification", "pipeline_tag: ");
    await lsp.client.open(uri, text);
    const position = positionOf(text, "pipeline_tag: ", "pipeline_tag: ");
    const items = await lsp.client.completion(uri, { line: position.line, character: "pipeline_tag: ".length });
    const generation = items.find((i) => i.label === "text-generation");
    assert.ok(generation, `text-generation offered; got ${items.slice(0, 5).map((i) => i.label).join(", ")}…`);
    assert.ok(items.length >= 40, "every task is offered");
    assert.ok(MarkupContent.is(generation.documentation));
    assert.match(generation.documentation.value, /Text Generation: a task of natural language processing/);
  });

  test("completion of keys is at the YAML level of the cursor: inside a model-index result's dataset", async () => {
    const uri = readmeUri();
    const text = MODEL.replace("      split: test\n", "      split: test\n      \n");
    await lsp.client.open(uri, text);
    const line = text.split("\n").indexOf("      split: test") + 1;
    const labels = (await lsp.client.completion(uri, { line, character: 6 })).map((i) => i.label);
    assert.ok(labels.includes("config") && labels.includes("revision"), labels.join(", "));
    assert.ok(!labels.includes("license"), "top-level keys are not offered inside model-index");
  });

  test("hover on a key says what the Hub does with it; on a value, what it means", async () => {
    const uri = readmeUri();
    await lsp.client.open(uri, MODEL);
    const key = await lsp.client.hover(uri, positionOf(MODEL, "base_model: distilbert/distilbert-base-uncased", "base_model"));
    assert.ok(key && MarkupContent.is(key.contents));
    assert.match(key.contents.value, /model tree/);
    const value = await lsp.client.hover(uri, positionOf(MODEL, "license: apache-2.0", "apache"));
    assert.ok(value && MarkupContent.is(value.contents));
    assert.match(value.contents.value, /Apache license 2\.0/);
  });

  test("the outline lists the metadata, then the sections nested by heading level", async () => {
    const uri = readmeUri();
    await lsp.client.open(uri, MODEL);
    const symbols = await lsp.client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ["Metadata", "Model Card for tiny-sentiment"]);
    assert.deepEqual(symbols[1]!.children?.map((s) => s.name), ["Model Details", "Uses", "Bias, Risks, and Limitations", "How to Get Started with the Model", "Training Details", "Evaluation"]);
  });

  test("the status bar counts a Hub card's parts, and Fill in inserts each missing section the count lists", async () => {
    const uri = readmeUri();
    // Without its Uses section and its last one, Evaluation (the fixture's fenced `## Uses` is not a section).
    const withoutUses = MODEL.slice(0, MODEL.indexOf("## Uses\n")) + MODEL.slice(MODEL.indexOf("## Bias, Risks, and Limitations\n"));
    const text = withoutUses.slice(0, withoutUses.indexOf("## Evaluation\n"));
    await lsp.client.open(uri, text);
    const before = await lsp.client.request<Completeness | null>(COMPLETENESS, { uri });
    assert.ok(before);
    assert.equal(before.unit, "parts");
    assert.deepEqual(before.missing, ["Uses", "Evaluation"]);
    const one = await lsp.client.request<TextEdit[]>(FILL_MISSING, { uri, field: "Evaluation" });
    assert.equal(one.length, 1);
    assert.match(one[0]!.newText, /^## Evaluation\n\n<!-- .+ -->\n\n\[More Information Needed\]/);
    const all = await lsp.client.request<TextEdit[]>(FILL_MISSING, { uri });
    await lsp.client.setText(uri, applyEdits(text, uri, { changes: { [uri]: all } }));
    const after = await lsp.client.request<Completeness | null>(COMPLETENESS, { uri });
    // The sections are there; their placeholders are what the author still has to write.
    assert.deepEqual(after?.missing, ["Uses ([More Information Needed])", "Evaluation ([More Information Needed])"]);
    assert.deepEqual(await lsp.client.request<TextEdit[]>(FILL_MISSING, { uri, field: "Uses ([More Information Needed])" }), []);
  });
});
