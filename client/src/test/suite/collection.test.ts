// The collection at a glance: the Model Cards view in the Explorer and the Compare Cards panel.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "mocha";
import * as vscode from "vscode";
import type { ModelCardsApi } from "../../start";
import { CODEX, HUB_MODEL, replaceLines } from "../cards";
import { closeEditors, find, openCard, openFile, waitForCodes, writeFile } from "./helpers";

/** The manifest's `publisher.name`. */
const EXTENSION_ID = "model-cards.model-cards";
const WAIT_MS = 15_000;

const api = (): ModelCardsApi => vscode.extensions.getExtension<ModelCardsApi>(EXTENSION_ID)!.exports;

const labelText = (label: string | vscode.TreeItemLabel | undefined): string => (typeof label === "string" ? label : (label?.label ?? ""));

/** What the view shows for each card: the kind it is under, its label and its description. */
function viewLines(): { kind: string; title: string; description: string; icon: string }[] {
  const view = api().cardsView;
  return view.getChildren().flatMap((group) => {
    const kind = labelText(view.getTreeItem(group).label);
    return view.getChildren(group).map((card) => {
      const item = view.getTreeItem(card);
      return { kind, title: labelText(item.label), description: String(item.description), icon: (item.iconPath as vscode.ThemeIcon).id };
    });
  });
}

/** Checks `ready` now and after each refresh of the view; fails with what the view showed last. */
function waitForView<T>(ready: (lines: ReturnType<typeof viewLines>) => T | undefined, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const found = ready(viewLines());
      if (found === undefined) return;
      finish();
      resolve(found);
    };
    const listener = api().cardsView.onDidChangeTreeData(check);
    const guard = setTimeout(() => {
      finish();
      reject(new Error(`waited ${WAIT_MS} ms for ${what}; the view shows ${JSON.stringify(viewLines())}`));
    }, WAIT_MS);
    function finish(): void {
      clearTimeout(guard);
      listener.dispose();
    }
    check();
  });
}

/** Asks the page what it shows until `ready` holds (the table reloads when the server's cards change). */
async function waitForPage<T>(ready: (view: Awaited<ReturnType<ModelCardsApi["compare"]["view"]>>) => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const view = await api().compare.view();
    const found = ready(view);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS} ms for ${what}; the page shows ${JSON.stringify({ ...view, uris: view.uris.length })}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sized = (title: string, size: string): string => replaceLines(CODEX, { "title: Codex": `title: ${title}`, "  + `12M`; `25M`; `42M`; `85M`; `300M`; `679M`; `2.5B`; `12B`": `  + \`${size}\`` });

describe("the collection of cards", () => {
  afterEach(closeEditors);

  test("the Model Cards view lists each card with its completeness and problems, and follows an edit", async () => {
    await writeFile("_posts/2021-07-07-ViewClean.md", replaceLines(CODEX, { "title: Codex": "title: ViewClean" }));
    const clean = await waitForView((lines) => lines.find((l) => l.title === "ViewClean"), "the card ViewClean");
    assert.deepEqual(clean, { kind: "Model cards", title: "ViewClean", description: "31/31", icon: "pass" });

    const { document } = await openCard("ViewClean", replaceLines(CODEX, { "title: Codex": "title: ViewClean" }));
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((edit) => { edit.replace(find(document, "- 🔑Public: ❌", "❌"), "√"); });
    await waitForCodes(document.uri, ["value.boolean"]);
    const edited = await waitForView((lines) => lines.find((l) => l.title === "ViewClean" && l.description !== "31/31"), "ViewClean with a problem");
    assert.deepEqual(edited, { kind: "Model cards", title: "ViewClean", description: "31/31 · 1 problem", icon: "warning" });

    await vscode.commands.executeCommand("modelCards.cards.showProblemsOnly");
    try {
      const shown = await waitForView((lines) => (lines.every((l) => l.description.includes("problem")) ? lines : undefined), "only cards with problems");
      assert.ok(shown.some((l) => l.title === "ViewClean"));
    } finally {
      await vscode.commands.executeCommand("modelCards.cards.showAll");
    }
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  test("a Hugging Face model card is listed under its own kind, by its name, with the parts it has", async () => {
    // Opened, as an author does: a file in a folder created just now may reach the server's file
    // watcher late in code-server, which made a test on the disk alone flaky.
    await openFile("view-hub/tiny-sentiment/README.md", HUB_MODEL);
    const hub = await waitForView((lines) => lines.find((l) => l.kind === "Hugging Face model cards"), "the Hub card");
    assert.equal(hub.title, "tiny-sentiment");
    assert.match(hub.description, /^\d+\/\d+$/);
    assert.equal(hub.icon, "pass");
  });

  test("Compare Cards sorts sizes as sizes, filters, and a click opens the card at the field's line", async () => {
    const uris = await Promise.all([["SizeSmall", "350M"], ["SizeLarge", "12B"], ["SizeMiddle", "2.7B"]].map(([title, size]) => writeFile(`_posts/2021-07-07-${title!}.md`, sized(title!, size!))));
    const ours = new Set(uris.map((u) => u.toString()));
    await vscode.commands.executeCommand("modelCards.compareCards");
    await waitForPage((view) => (view.uris.filter((u) => ours.has(u)).length === 3 ? true : undefined), "the three cards in the table");

    await api().compare.act({ action: "filter", text: "Size" });
    await api().compare.act({ action: "sort", column: "modelSize" });
    const sorted = await api().compare.view();
    assert.deepEqual(sorted.sort, { column: "modelSize", descending: false });
    assert.equal(sorted.matching, 3, "the filter keeps the three cards whose title says Size");
    const sizeColumn = sorted.columnIds.indexOf("modelSize");
    const titleColumn = sorted.columnIds.indexOf("title");
    assert.equal(sorted.columns[sizeColumn], "Model Size");
    assert.deepEqual(sorted.rendered.map((cells) => [cells[titleColumn], cells[sizeColumn]]), [["SizeSmall", "350M"], ["SizeMiddle", "2.7B"], ["SizeLarge", "12B"]]);
    assert.equal(sorted.counts["Architecture › Decoder-Only"], 3);

    await api().compare.act({ action: "sort", column: "modelSize" });
    assert.deepEqual((await api().compare.view()).rendered.map((cells) => cells[titleColumn]), ["SizeLarge", "SizeMiddle", "SizeSmall"]);

    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const listener = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.toString() !== uris[2]!.toString()) return;
        listener.dispose();
        resolve(editor);
      });
    });
    await api().compare.act({ action: "click", uri: uris[2]!.toString(), column: "modelSize" });
    const editor = await opened;
    const line = CODEX.split("\n").indexOf("- 📏Model Size");
    // The editor turns active before the selection it was opened with is applied (a turn later in
    // the web worker host): wait for the selection, within the test's bound, then check it.
    const deadline = Date.now() + WAIT_MS;
    while (editor.selection.active.line !== line && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(editor.selection.active.line, line);
    await api().compare.act({ action: "filter", text: "" });
  });
});
