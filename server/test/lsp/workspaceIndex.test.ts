// The workspace index reading a card again that has not changed: it keeps the entry (the views are
// not told to refresh) yet its problem counts are those just published.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import type { ProjectHost } from "../../src/core/project/host";
import { WorkspaceIndex } from "../../src/workspace";
import { analyzeCard, POST_URI } from "../core/helpers";
import { CODEX } from "./client";

test("a card read again unchanged keeps its entry, and takes the new problem counts", async () => {
  const host: ProjectHost = { listMarkdown: () => Promise.resolve([POST_URI]), readFile: () => Promise.resolve(CODEX), now: () => new Date() };
  const scope = {};
  let diagnostics: Diagnostic[] = [];
  const index = new WorkspaceIndex(host, (uri, text) => Promise.resolve({ analysis: analyzeCard(text, { uri }), scope }), () => diagnostics, () => false);
  let changes = 0;
  index.onDidChange(() => changes++);
  await index.load(POST_URI);
  assert.equal(changes, 1);
  await index.load(POST_URI);
  assert.equal(changes, 1, "the same text under the same scope: nothing for the views to refresh");
  // The baseline in force changed under it, say: the counts follow what the editor was just sent.
  diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: "new", severity: DiagnosticSeverity.Warning }];
  await index.load(POST_URI);
  assert.equal(changes, 2);
  assert.deepEqual(index.summaries().map((s) => [s.title, s.warnings]), [["Codex", 1]]);
});
