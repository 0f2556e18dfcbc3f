// Changing `modelCards.severity` in the settings changes what the editor shows, without a reload.
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import { CODEX, withoutSection } from "../cards";
import { closeEditors, codeOf, openCard, waitForDiagnostics } from "./helpers";

/** Waits until the card shows exactly one diagnostic, section.missing at `severity`, or none when it is off. */
function expectMissingSection(uri: vscode.Uri, severity: vscode.DiagnosticSeverity | "off"): Promise<vscode.Diagnostic[]> {
  const shown = severity === "off" ? "nothing" : `section.missing as ${vscode.DiagnosticSeverity[severity]}`;
  return waitForDiagnostics(uri, (diagnostics) => (severity === "off"
    ? diagnostics.length === 0
    : diagnostics.length === 1 && codeOf(diagnostics[0]!) === "section.missing" && diagnostics[0]!.severity === severity), shown);
}

function setSeverity(severity: Record<string, string> | undefined): Thenable<void> {
  return vscode.workspace.getConfiguration("modelCards").update("severity", severity, vscode.ConfigurationTarget.Workspace);
}

describe("the severity setting", () => {
  afterEach(async () => {
    await setSeverity(undefined);
    await closeEditors();
  });

  test("raising section.missing to error, then turning it off, changes the diagnostic shown", async () => {
    const { document } = await openCard("severity", withoutSection(CODEX, "- 🍉Tokenizer"));
    await expectMissingSection(document.uri, vscode.DiagnosticSeverity.Warning);
    await setSeverity({ "section.missing": "error" });
    await expectMissingSection(document.uri, vscode.DiagnosticSeverity.Error);
    await setSeverity({ "section.missing": "off" });
    await expectMissingSection(document.uri, "off");
    await setSeverity(undefined);
    await expectMissingSection(document.uri, vscode.DiagnosticSeverity.Warning);
  });
});
