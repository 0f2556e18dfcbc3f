import * as vscode from "vscode";
import type { BaseLanguageClient, TextEdit } from "vscode-languageclient";
import { COMPLETENESS, FILL_MISSING, type Completeness, type DocumentParams, type FillMissingParams } from "../../../server/src/lsp/protocol";
import { applyServerEdits } from "./edits";

const SHOW = "modelCards.showCompleteness";
const FILL = "modelCards.fillMissingFields";

/**
 * The status-bar item "Card 14/23 fields" for the active card. It asks the server again when the
 * active editor changes and when the server has checked its text (its diagnostics arrive); markdown
 * that is not a card hides it.
 */
export function registerCompleteness(client: BaseLanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem("modelCards.completeness", vscode.StatusBarAlignment.Left, 100);
  item.name = "Model Card Completeness";
  item.command = SHOW;
  let generation = 0;

  const completenessOf = (document: vscode.TextDocument): Thenable<Completeness | null> =>
    client.sendRequest<Completeness | null>(COMPLETENESS, { uri: document.uri.toString() } satisfies DocumentParams);

  const refresh = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    const mine = ++generation;
    const result = document?.languageId === "markdown" ? await completenessOf(document) : null;
    // An older answer arriving after a newer request must not overwrite it.
    if (mine !== generation) return;
    if (!result) {
      item.hide();
      return;
    }
    item.text = `$(checklist) Card ${result.present}/${result.total} ${result.unit}`;
    item.tooltip = result.missing.length === 0 ? `This ${result.kind} has all its ${result.unit}.` : `This ${result.kind} misses ${result.missing.length} of its ${result.unit}. Click to see them.`;
    item.show();
  };
  const refreshSoon = (): void => {
    void refresh();
  };

  /** Inserts every missing field, or the one `field` names (a section's field inserts the section). */
  const fill = async (field?: string): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return;
    const params: FillMissingParams = field === undefined ? { uri: document.uri.toString() } : { uri: document.uri.toString(), field };
    const edits = await client.sendRequest<TextEdit[]>(FILL_MISSING, params);
    // A Hub card's license or a placeholder left in needs the author's words: say so rather than do nothing.
    if (edits.length === 0) void vscode.window.showInformationMessage(`${field ?? "What is missing here"} cannot be inserted for you: write it in the card.`);
    else await applyServerEdits(client, document.uri, edits);
  };

  const show = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && (await completenessOf(document));
    if (!result) return;
    if (result.missing.length === 0) {
      void vscode.window.showInformationMessage(`This ${result.kind} has all ${result.total} ${result.unit}.`);
      return;
    }
    const fillItem: vscode.QuickPickItem = { label: `$(add) Fill in all missing ${result.unit}`, detail: "Inserts each at its place: a post's fields with / for values not reported, a Hub card's sections with the template's guidance." };
    const picked = await vscode.window.showQuickPick<vscode.QuickPickItem>(
      [fillItem, { label: "Missing (pick one to insert it)", kind: vscode.QuickPickItemKind.Separator }, ...result.missing.map((label) => ({ label }))],
      { title: `${result.present} of ${result.total} ${result.unit}`, placeHolder: "What this card still misses" },
    );
    if (picked) await fill(picked === fillItem ? undefined : picked.label);
  };

  refreshSoon();
  return vscode.Disposable.from(
    item,
    vscode.commands.registerCommand(SHOW, show),
    vscode.commands.registerCommand(FILL, () => fill()),
    vscode.window.onDidChangeActiveTextEditor(refreshSoon),
    // Not on every keystroke: asking then would make the server check the text at once and defeat
    // its pause after edits. Each check ends with its diagnostics, so this follows every edit.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (e.uris.some((uri) => uri.toString() === active)) refreshSoon();
    }),
  );
}
