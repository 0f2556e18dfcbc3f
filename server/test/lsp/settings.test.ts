// The user's `modelCards` settings reach the server both ways clients send them: pulled with
// workspace/configuration (VS Code) or passed as initializationOptions and pushed with
// workspace/didChangeConfiguration (clients without the configuration capability).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isDeepStrictEqual } from "node:util";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import { cardUri, codesOf, CODEX, replaceLine, useServer, withoutSection, type CardSettings, type LspClient } from "./client";

const NO_TOKENIZER = withoutSection(CODEX, "- 🍉Tokenizer");

/** Waits until the card's one diagnostic is section.missing at `severity`, or until it has none when the check is off. */
async function expectMissingSection(client: LspClient, uri: string, severity: DiagnosticSeverity | "off"): Promise<void> {
  const expected = severity === "off" ? [] : [["section.missing", severity]];
  const shown = (diagnostics: readonly Diagnostic[]): unknown[] => diagnostics.map((d) => [d.code, d.severity]);
  const diagnostics = await client.waitForDiagnostics(uri, (p) => isDeepStrictEqual(shown(p.diagnostics), expected), `section.missing ${String(severity)}`);
  assert.deepEqual(shown(diagnostics), expected);
}

/** Opens the card without its Tokenizer section, then changes the settings step by step, checking what the user sees after each. */
async function checkSeverities(client: LspClient, initial: DiagnosticSeverity, steps: readonly (readonly [CardSettings, DiagnosticSeverity | "off"])[]): Promise<void> {
  const uri = cardUri("codex-severity");
  await client.open(uri, NO_TOKENIZER);
  await expectMissingSection(client, uri, initial);
  for (const [settings, severity] of steps) {
    await client.configure(settings);
    await expectMissingSection(client, uri, severity);
  }
}

void describe("settings pulled with workspace/configuration", () => {
  const lsp = useServer();

  test("the server registers for configuration changes", async () => {
    const registration = await lsp.client.waitForRegistration("workspace/didChangeConfiguration");
    assert.deepEqual(registration.registerOptions, { section: "modelCards" });
  });

  test("a severity change is pulled again and the open cards are checked again", async () => {
    await checkSeverities(lsp.client, DiagnosticSeverity.Warning, [
      [{ severity: { "section.missing": "off" } }, "off"],
      [{ severity: { "section.missing": "error" } }, DiagnosticSeverity.Error],
      [{}, DiagnosticSeverity.Warning],
    ]);
  });

  test("a card glob makes a post without a card tag a card", async () => {
    const uri = "file:///workspace/drafts/codex.md";
    const text = replaceLine(CODEX, "tags: [models]", "tags: [drafts]");
    await lsp.client.open(uri, text);
    assert.deepEqual(await lsp.client.settledDiagnostics(uri), []);

    await lsp.client.configure({ cardGlobs: ["drafts/**/*.md"] });
    const diagnostics = await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, "the file checked as a card");
    assert.deepEqual(codesOf(diagnostics), ["front-matter.unknown-tag"]);

    await lsp.client.configure({});
    assert.deepEqual(await lsp.client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, "the file no longer a card"), []);
  });
});

void describe("settings passed as initializationOptions", () => {
  const lsp = useServer({ pullConfiguration: false, settings: { severity: { "section.missing": "error" } } });

  test("apply from the first check, and a pushed change applies to open cards", async () => {
    await checkSeverities(lsp.client, DiagnosticSeverity.Error, [[{ severity: { "section.missing": "off" } }, "off"]]);
    assert.equal(lsp.client.configurationRequests, 0, "no workspace/configuration request to a client that cannot answer it");
  });
});
