import * as vscode from "vscode";

interface Snippet {
  readonly prefix: string;
  readonly body: readonly string[];
}

/** Characters no file system takes in a name; the title keeps them, the file name gets `-`. */
const UNSAFE = /[\\/:*?"<>|]/g;

const today = (): string => {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/**
 * "Model Cards: New Model Card" / "New Benchmark Card": asks for the name, creates
 * `<postsFolder>/YYYY-MM-DD-<Name>.md` ("New Hugging Face Model/Dataset Card": `<Name>/README.md`,
 * the repository's card) from the same template as the snippet, never over an
 * existing file, and leaves the cursor at the first tab stop. A name passed as the command's
 * argument (a keybinding's `args`, another extension, the tests) is taken without asking.
 */
export function registerNewCard(context: vscode.ExtensionContext): vscode.Disposable {
  const snippets = async (): Promise<Record<string, Snippet>> => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, "snippets", "model-cards.code-snippets"));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, Snippet>;
  };

  /** Where a Jekyll card goes: `<postsFolder>/YYYY-MM-DD-<Name>.md`. */
  const post = (folder: vscode.WorkspaceFolder, name: string): vscode.Uri => {
    const posts = vscode.workspace.getConfiguration("modelCards", folder.uri).get<string>("postsFolder", "_posts");
    return vscode.Uri.joinPath(folder.uri, posts, `${today()}-${name.replace(UNSAFE, "-")}.md`);
  };
  /** Where a Hub card goes: the README.md of a folder named after the repository, as the Hub reads it. */
  const repository = (folder: vscode.WorkspaceFolder, name: string): vscode.Uri => vscode.Uri.joinPath(folder.uri, name.replace(UNSAFE, "-"), "README.md");

  const create = async (prefix: string, what: string, given: unknown, place: (folder: vscode.WorkspaceFolder, name: string) => vscode.Uri): Promise<void> => {
    const folder = vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: `Where to create the ${what}` });
    if (!folder) {
      void vscode.window.showErrorMessage(`Open a folder (your site) to create a ${what} in it.`);
      return;
    }
    const name = (typeof given === "string" && given.trim() !== "" ? given : await vscode.window.showInputBox({
      title: `New ${what}`,
      prompt: "The model, benchmark or dataset name, as in the title (e.g. Codex)",
      validateInput: (value) => (value.trim() === "" ? "Give a name." : undefined),
    }))?.trim();
    if (!name) return;
    const uri = place(folder, name);
    try {
      await vscode.workspace.fs.stat(uri);
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} already exists; it was left as it is.`);
      return;
    } catch {
      // No such file: the name is free.
    }
    const snippet = Object.values(await snippets()).find((s) => s.prefix === prefix);
    if (!snippet) throw new Error(`The extension's snippets have no "${prefix}" template.`);
    // The name typed becomes the title's default, so Tab moves on to the next field.
    const body = snippet.body.join("\n").replace(/\$\{1:[^}]*\}/, `\${1:${name.replace(/[$}\\]/g, "\\$&")}}`);
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const editor = await vscode.window.showTextDocument(uri);
    // The file is empty when opened, so VS Code cannot detect the template's two-space indent.
    editor.options = { tabSize: 2, insertSpaces: true, indentSize: 2 };
    await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
    await editor.document.save();
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand("modelCards.newModelCard", (name: unknown) => create("model-card", "model card", name, post)),
    vscode.commands.registerCommand("modelCards.newBenchmarkCard", (name: unknown) => create("benchmark-card", "benchmark card", name, post)),
    vscode.commands.registerCommand("modelCards.newHubModelCard", (name: unknown) => create("hf-model-card", "Hugging Face model card", name, repository)),
    vscode.commands.registerCommand("modelCards.newHubDatasetCard", (name: unknown) => create("hf-dataset-card", "Hugging Face dataset card", name, repository)),
  );
}
