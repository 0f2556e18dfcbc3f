/**
 * What the extension-host tests share: cards written into the test workspace and opened in an editor,
 * typing as a person does, and waits that end on VS Code's own events. Each wait has a guard that
 * fails with what it waited for and what VS Code showed last; none is a fixed sleep.
 */
import assert from "node:assert/strict";
import * as vscode from "vscode";

/** Long enough for a cold language server on a slow CI machine, short enough to fail the run quickly. */
const WAIT_MS = 15_000;

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("the tests need a workspace folder: both runners open one");
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Writes `text` to `relative` in the test workspace, as another program would, without opening it. */
export async function writeFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The text of `uri` on disk, whatever an editor holds. */
export async function readFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Writes `text` to `relative` in the test workspace and opens it in the active editor, as the user would. */
export async function openFile(relative: string, text: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(await writeFile(relative, text)));
}

/** Today as `YYYY-MM-DD`, in local time as the snippet's date variables and the new-card file names write it. */
export function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

/** Opens `text` as a post dated like the Codex card, so that its file name and front matter agree. */
export function openCard(name: string, text: string): Promise<vscode.TextEditor> {
  return openFile(`_posts/2021-07-07-${name}.md`, text);
}

/** Opens `text` as the card `name`, and resolves once the server has checked it and shows exactly `codes`. */
export async function openCheckedCard(name: string, text: string, codes: readonly string[] = []): Promise<vscode.TextDocument> {
  const { document } = await openCard(name, text);
  await waitForCodes(document.uri, codes);
  return document;
}

/** Leaves the window as the next test expects it: no editor open. Saves first, as closing an edited file would ask. */
export async function closeEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

/** The range of `fragment` (the whole line if omitted) on the document's line that reads exactly `line`. */
export function find(document: vscode.TextDocument, line: string, fragment = line): vscode.Range {
  for (let i = 0; i < document.lineCount; i++) {
    const text = document.lineAt(i).text;
    const at = text.indexOf(fragment);
    if (text === line && at >= 0) return new vscode.Range(i, at, i, at + fragment.length);
  }
  throw new Error(`no line "${line}" with "${fragment}" in ${document.uri.path}`);
}

/**
 * Types `text` at the cursor key by key, as a person does: one `type` command per character, so that
 * auto-closed brackets and quotes are typed over as they are at a keyboard.
 */
export async function type(text: string): Promise<void> {
  for (const key of text) await vscode.commands.executeCommand("type", { text: key });
}

/** Selects `range` and types `text` over it. */
export async function typeOver(editor: vscode.TextEditor, range: vscode.Range, text: string): Promise<void> {
  editor.selection = new vscode.Selection(range.start, range.end);
  await type(text);
}

/**
 * The labels of the completion items the language server offers at `position`. VS Code's command also
 * returns what the editor offers anywhere: every markdown snippet (ours and the built-in ones), and
 * the words of the open documents.
 */
export async function serverCompletions(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", uri, position);
  return list.items
    .filter((item) => item.kind !== vscode.CompletionItemKind.Snippet && item.kind !== vscode.CompletionItemKind.Text)
    .map((item) => (typeof item.label === "string" ? item.label : item.label.label));
}

/**
 * Asks for the code actions of `kind` on `range` as the light bulb does, and applies the one titled
 * `title`; fails with the titles offered when there is none.
 */
export async function applyCodeAction(document: vscode.TextDocument, range: vscode.Range, kind: vscode.CodeActionKind, title: string): Promise<void> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>("vscode.executeCodeActionProvider", document.uri, range, kind.value);
  const action = actions.find((a): a is vscode.CodeAction => a.title === title && "edit" in a);
  assert.ok(action?.edit, `a code action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), "the edit applies");
}

/** The diagnostic's code as a string: VS Code wraps a code that has a link into `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === "object" ? code.value : code);
}

/** What this extension shows for `uri`; other extensions' diagnostics are not the tests' business. */
export function cardDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "model-cards");
}

const summary = (diagnostics: readonly vscode.Diagnostic[]): string =>
  JSON.stringify(diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]}`));

/** Waits until the extension's diagnostics for `uri` satisfy `until`, checking now and on each change. */
export function waitForDiagnostics(uri: vscode.Uri, until: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = cardDiagnostics(uri);
      if (!until(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const guard = setTimeout(() => {
      finish();
      reject(new Error(`waited ${WAIT_MS} ms for ${what} in ${uri.path.slice(uri.path.lastIndexOf("/") + 1)}; it shows ${summary(cardDiagnostics(uri))}`));
    }, WAIT_MS);
    function finish(): void {
      clearTimeout(guard);
      listener.dispose();
    }
    check();
  });
}

/** Waits until the diagnostics' codes, in the order VS Code lists them, are exactly `codes`. */
export function waitForCodes(uri: vscode.Uri, codes: readonly string[]): Promise<vscode.Diagnostic[]> {
  const expected = JSON.stringify(codes);
  return waitForDiagnostics(uri, (diagnostics) => JSON.stringify(diagnostics.map(codeOf)) === expected, `the diagnostics ${expected}`);
}
