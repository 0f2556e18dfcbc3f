// The Hugging Face Hub card journeys in the real editor: a README.md with Hub metadata is checked
// as the author types, the light bulb fixes a bad license, completion and hover know the Hub's
// vocabularies, and the template snippet and New Card command start a card the Hub accepts.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { HUB_MODEL, replaceLines } from "../cards";
import { applyCodeAction, closeEditors, codeOf, find, openFile, readFile, serverCompletions, type, typeOver, waitForCodes, waitForDiagnostics, workspaceFile } from "./helpers";

let repos = 0;
const readme = (): string => `hub-repo-${++repos}/README.md`;

describe("Hugging Face Hub cards", () => {
  afterEach(closeEditors);

  test("a bad license typed into README.md is an error at the value, and the light bulb writes the Hub's id", async () => {
    const editor = await openFile(readme(), HUB_MODEL);
    const { document } = editor;
    await waitForCodes(document.uri, []);
    await typeOver(editor, find(document, "license: apache-2.0", "apache-2.0"), "MIT");
    // Checked as each key is typed: `M` and `MI` are flagged too, so wait for the diagnostic on `MIT`.
    const value = find(document, "license: MIT", "MIT");
    const [bad] = await waitForDiagnostics(document.uri, (d) => d.length === 1 && codeOf(d[0]!) === "hub.license" && d[0]!.range.isEqual(value), "hub.license on `MIT`");
    assert.equal(bad!.severity, vscode.DiagnosticSeverity.Error);

    await applyCodeAction(document, bad!.range, vscode.CodeActionKind.QuickFix, "Change to `mit`");
    assert.equal(document.getText(), replaceLines(HUB_MODEL, { "license: apache-2.0": "license: mit" }));
    await waitForCodes(document.uri, []);
  });

  test("completion after `pipeline_tag: ` offers the Hub's tasks", async () => {
    const { document } = await openFile(readme(), replaceLines(HUB_MODEL, { "pipeline_tag: text-classification": "pipeline_tag: " }));
    await waitForCodes(document.uri, []);
    const labels = await serverCompletions(document.uri, find(document, "pipeline_tag: ").end);
    for (const task of ["text-generation", "text-classification", "automatic-speech-recognition"]) assert.ok(labels.includes(task), `${task} in ${labels.slice(0, 8).join(", ")}…`);
  });

  test("hover on base_model says the Hub builds the model tree from it", async () => {
    const { document } = await openFile(readme(), HUB_MODEL);
    await waitForCodes(document.uri, []);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, find(document, "base_model: distilbert/distilbert-base-uncased", "base_model").start);
    const text = hovers.flatMap((hover) => hover.contents).filter((content) => content instanceof vscode.MarkdownString).map((content) => content.value).join("\n");
    assert.match(text, /model tree/);
  });

  test("the Hub model card snippet, with a name typed, is a card with nothing wrong, only sections to write", async () => {
    const editor = await openFile(readme(), "");
    await vscode.commands.executeCommand("editor.action.insertSnippet", { langId: "markdown", name: "Hugging Face model card" });
    await type("tiny-sentiment");
    await vscode.commands.executeCommand("leaveSnippet");
    assert.ok(await editor.document.save(), "the card is saved");
    assert.ok(editor.document.getText().includes("\n# Model Card for tiny-sentiment\n"), "the name typed at the first tab stop is the title");
    await waitForCodes(editor.document.uri, Array<string>(6).fill("hub.placeholder"));
  });

  test("New Hugging Face Model Card creates <name>/README.md from the template", async () => {
    await vscode.commands.executeCommand("modelCards.newHubModelCard", "tiny-llama");
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, "an editor is open");
    assert.equal(editor.document.uri.toString(), workspaceFile("tiny-llama/README.md").toString());
    assert.equal(editor.document.getText(editor.selection), "tiny-llama");
    assert.equal(await readFile(editor.document.uri), editor.document.getText(), "the new card is saved");
    assert.match(editor.document.getText(), /^---\nlicense: apache-2.0\n/);
  });
});
