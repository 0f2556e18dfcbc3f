import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import { CARDS, type CardsResult, type CardSummary } from "../../../server/src/lsp/protocol";

const VIEW = "modelCards.cards";
const PROBLEMS_ONLY = "modelCards.cards.problemsOnly";

interface KindGroup {
  readonly kindName: string;
  readonly cards: readonly CardSummary[];
}
type Node = KindGroup | CardSummary;

const problemsOf = (card: CardSummary): number => card.errors + card.warnings + card.notes;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The icon says at a glance what the worst problem is, in the Problems panel's colours. */
function iconOf(card: CardSummary): vscode.ThemeIcon {
  if (card.errors > 0) return new vscode.ThemeIcon("error", new vscode.ThemeColor("problemsErrorIcon.foreground"));
  if (card.warnings > 0) return new vscode.ThemeIcon("warning", new vscode.ThemeColor("problemsWarningIcon.foreground"));
  if (card.notes > 0) return new vscode.ThemeIcon("info", new vscode.ThemeColor("problemsInfoIcon.foreground"));
  return new vscode.ThemeIcon("pass", new vscode.ThemeColor("testing.iconPassed"));
}

/** What a card's line says after its title: `28/31 · 2 problems`. */
export function cardDescription(card: CardSummary): string {
  const problems = problemsOf(card);
  return `${card.present}/${card.total}${problems > 0 ? ` · ${plural(problems, "problem")}` : ""}`;
}

/**
 * The Model Cards view in the Explorer: every card the server knows, grouped by kind, with its
 * completeness and problems. The server keeps the list; this asks for it again when it says so.
 */
export class CardsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private cards: readonly CardSummary[] = [];
  private problemsOnly = false;
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: { dispose(): unknown }[];
  private generation = 0;

  /** `cardsChanged` fires when the server says its cards changed. */
  constructor(private readonly client: BaseLanguageClient, cardsChanged: vscode.Event<void>) {
    this.view = vscode.window.createTreeView(VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [
      this.view,
      this.changed,
      cardsChanged(() => void this.refresh()),
      vscode.commands.registerCommand("modelCards.cards.showProblemsOnly", () => {
        this.filter(true);
      }),
      vscode.commands.registerCommand("modelCards.cards.showAll", () => {
        this.filter(false);
      }),
    ];
    void vscode.commands.executeCommand("setContext", PROBLEMS_ONLY, false);
    void this.refresh();
  }

  /** Asks the server for the cards; resolves once the view shows them. */
  async refresh(): Promise<void> {
    const mine = ++this.generation;
    const { cards } = await this.client.sendRequest<CardsResult>(CARDS, {});
    // An older answer arriving after a newer request must not overwrite it.
    if (mine !== this.generation) return;
    this.cards = cards;
    this.update();
  }

  private filter(problemsOnly: boolean): void {
    this.problemsOnly = problemsOnly;
    void vscode.commands.executeCommand("setContext", PROBLEMS_ONLY, problemsOnly);
    this.update();
  }

  private update(): void {
    const shown = this.shownCards();
    const withProblems = this.cards.filter((c) => problemsOf(c) > 0).length;
    this.view.description = this.problemsOnly ? `${withProblems} with problems` : `${this.cards.length}`;
    this.view.message = shown.length === 0 ? (this.problemsOnly && this.cards.length > 0 ? "No card has problems." : "No model or benchmark cards in this workspace yet.") : undefined;
    this.changed.fire(undefined);
  }

  private shownCards(): readonly CardSummary[] {
    return this.problemsOnly ? this.cards.filter((c) => problemsOf(c) > 0) : this.cards;
  }

  getChildren(node?: Node): Node[] {
    if (node) return "uri" in node ? [] : [...node.cards].sort((a, b) => a.title.localeCompare(b.title));
    const groups = new Map<string, CardSummary[]>();
    for (const card of this.shownCards()) groups.set(card.kindName, [...(groups.get(card.kindName) ?? []), card]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([kindName, cards]) => ({ kindName, cards }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (!("uri" in node)) {
      const item = new vscode.TreeItem(`${node.kindName[0]!.toUpperCase()}${node.kindName.slice(1)}s`, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.cards.length);
      item.id = `kind:${node.kindName}`;
      return item;
    }
    const uri = vscode.Uri.parse(node.uri);
    const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
    item.id = node.uri;
    item.resourceUri = uri;
    item.description = cardDescription(node);
    item.iconPath = iconOf(node);
    const problems = [plural(node.errors, "error"), plural(node.warnings, "warning"), `${node.notes} other`].join(", ");
    item.tooltip = new vscode.MarkdownString(`**${node.title}** — ${node.kindName}\n\n${node.present} of ${node.total} ${node.unit === "fields" ? "required fields" : node.unit} · ${problems}\n\n${vscode.workspace.asRelativePath(uri)}`);
    item.command = { command: "vscode.open", title: "Open Card", arguments: [uri] };
    item.contextValue = "card";
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
