import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import { CARD_TABLE, EXPORT_TABLE, type CardTable, type ExportTableParams } from "../../../server/src/lsp/protocol";
import type { FromPage, PageAction, RenderedView, ToPage } from "../compare/messages";

const OPEN = "modelCards.compareCards";
const EXPORT = "modelCards.exportComparison";

/**
 * The Compare Cards panel: the server's table of every card, drawn by the page in
 * client/out/compare.js. This side only moves data: the table in, "open this card here" out.
 */
export class ComparePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready: Promise<void> = Promise.resolve();
  private requests = 0;
  private readonly replies = new Map<number, (message: FromPage) => void>();
  private readonly disposables: vscode.Disposable[];

  /** `cardsChanged` fires when the server says its cards changed. */
  constructor(private readonly client: BaseLanguageClient, private readonly extensionUri: vscode.Uri, cardsChanged: vscode.Event<void>) {
    this.disposables = [
      vscode.commands.registerCommand(OPEN, () => this.show()),
      vscode.commands.registerCommand(EXPORT, () => this.exportView()),
      cardsChanged(() => {
        if (this.panel) void this.load();
      }),
    ];
  }

  /** Opens the panel (or brings it to the front) and resolves once the page shows the cards. */
  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return this.ready;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, "client", "out");
    const panel = vscode.window.createWebviewPanel("modelCards.compare", "Compare Cards", vscode.ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [media] });
    this.panel = panel;
    void vscode.commands.executeCommand("setContext", "modelCards.compareOpen", true);
    let pageReady!: () => void;
    this.ready = new Promise<void>((resolve) => (pageReady = resolve)).then(() => this.load());
    panel.webview.onDidReceiveMessage((message: FromPage) => {
      if (message.type === "ready") pageReady();
      else if (message.type === "open") void this.openCard(message.uri, message.line);
      else this.replies.get(message.id)?.(message);
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      void vscode.commands.executeCommand("setContext", "modelCards.compareOpen", false);
    });
    panel.webview.html = this.html(panel.webview, vscode.Uri.joinPath(media, "compare.js"));
    return this.ready;
  }

  private async load(): Promise<void> {
    await this.post({ type: "table", table: await this.client.sendRequest<CardTable>(CARD_TABLE, {}) });
  }

  private post(message: ToPage): Thenable<boolean> {
    return this.panel?.webview.postMessage(message) ?? Promise.resolve(false);
  }

  /** Sends a request to the page and resolves with its reply. */
  private ask<T extends FromPage>(message: (id: number) => ToPage): Promise<T> {
    const id = ++this.requests;
    return new Promise<T>((resolve) => {
      this.replies.set(id, (reply) => {
        this.replies.delete(id);
        resolve(reply as T);
      });
      void this.post(message(id));
    });
  }

  /** What the page shows now, read from the page. */
  async view(): Promise<RenderedView> {
    await this.ready;
    return (await this.ask<Extract<FromPage, { type: "view" }>>((id) => ({ type: "view", id }))).view;
  }

  /** Does on the page what a reader does with the mouse: sort, filter, click a cell. */
  async act(act: PageAction): Promise<void> {
    await this.ready;
    await this.ask((id) => ({ type: "act", id, act }));
  }

  private async openCard(uri: string, line: number): Promise<void> {
    const position = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  /** "Export Compared Cards": the rows and columns the page shows, in its order, as CSV or a markdown table. */
  private async exportView(): Promise<void> {
    if (!this.panel) {
      void vscode.window.showInformationMessage("Open Compare Cards first: the export writes what it shows.");
      return;
    }
    const format = await vscode.window.showQuickPick(["CSV", "Markdown table"], { placeHolder: "Export the compared cards as" });
    if (!format) return;
    const view = await this.view();
    const csv = format === "CSV";
    const params: ExportTableParams = { kind: view.kind, columns: view.columnIds, uris: view.uris, format: csv ? "csv" : "markdown" };
    const content = await this.client.sendRequest<string>(EXPORT_TABLE, params);
    const document = await vscode.workspace.openTextDocument({ language: csv ? "csv" : "markdown", content });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
  }

  private html(webview: vscode.Webview, script: vscode.Uri): string {
    // Web Crypto, not node:crypto: the same client runs in the browser worker.
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}' ${webview.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Compare Cards</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <select id="kind" aria-label="Card kind"></select>
  <input id="filter" type="search" placeholder="Filter cards by any shown value" aria-label="Filter">
  <details><summary>Columns</summary><div id="column-list"></div></details>
  <span id="summary" role="status"></span>
</header>
<div id="counts" aria-label="Cards per option"></div>
<div id="scroller" tabindex="0" role="grid" aria-label="Cards, one per row">
  <table><thead id="head"></thead><tbody id="body"></tbody></table>
</div>
<script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The page's look, in the editor theme's own colours. */
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px; display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; margin: 0; }
header { display: flex; gap: 8px; align-items: center; padding: 8px 0; flex-wrap: wrap; }
select, input { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; font: inherit; }
input { flex: 1; min-width: 12em; }
select:focus, input:focus, button:focus-visible, #scroller:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
details { position: relative; }
summary { cursor: pointer; color: var(--vscode-textLink-foreground); }
#column-list { position: absolute; z-index: 2; background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-editorWidget-border, var(--vscode-widget-border, transparent)); padding: 6px; max-height: 50vh; overflow: auto; display: flex; flex-direction: column; white-space: nowrap; }
#summary { color: var(--vscode-descriptionForeground); }
#counts { display: flex; gap: 12px; flex-wrap: wrap; padding-bottom: 8px; }
.count-group { border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding: 2px 6px 4px; margin: 0; min-width: 14em; }
.count-group legend { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.bar { display: grid; grid-template-columns: 9em 1fr 3em; gap: 4px; align-items: center; width: 100%; background: none; border: none; color: inherit; font: inherit; font-size: 0.9em; padding: 1px 0; cursor: pointer; text-align: left; }
.bar-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-fill { height: 8px; background: var(--vscode-charts-blue, var(--vscode-progressBar-background)); min-width: 1px; }
.bar.selected .bar-label { font-weight: bold; color: var(--vscode-textLink-activeForeground); }
.bar.selected .bar-fill { background: var(--vscode-charts-orange, var(--vscode-focusBorder)); }
.bar-count { text-align: right; color: var(--vscode-descriptionForeground); }
#scroller { flex: 1; overflow: auto; border-top: 1px solid var(--vscode-panel-border); }
table { border-collapse: collapse; width: max-content; min-width: 100%; }
thead th { position: sticky; top: 0; z-index: 1; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border); text-align: left; padding: 0; }
th button.sort { background: none; border: none; color: var(--vscode-foreground); font: inherit; font-weight: 600; padding: 4px 8px; cursor: pointer; width: 100%; text-align: left; }
tbody tr:not(.spacer) { height: 26px; }
tbody tr:not(.spacer):hover { background: var(--vscode-list-hoverBackground); }
td { padding: 0 8px; max-width: 24em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; border-bottom: 1px solid var(--vscode-editorGroup-border, transparent); cursor: pointer; }
tr.spacer td { padding: 0; border: none; cursor: default; }
td.number { font-variant-numeric: tabular-nums; }
td.missing { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); font-style: italic; background: var(--vscode-diffEditor-removedLineBackground, transparent); }
td.not-reported { color: var(--vscode-descriptionForeground); }
td.active { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
`;
