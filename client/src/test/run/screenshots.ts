/**
 * `npm run screenshots [-- web]`: rewrites the README's pictures under docs/ from the real editor. VS
 * Code as code-server serves it, with this extension under development, opens a Codex card with a few
 * slips, and the script works it by keyboard as a person would, waiting each time for the widget to
 * show. Then the same card in the web build (the `browser` entry in the web worker extension host,
 * as vscode.dev runs it); `web` takes only those.
 */
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { CODEX, HUB_MODEL, replaceLines, withoutSection } from "../cards";
import { withWorkbench } from "./codeServer";
import { REPO_ROOT } from "./sandbox";

const DOCS = path.join(REPO_ROOT, "docs");
const FILE = "2021-07-07-Codex.md";

/** Three slips (a √ for a yes/no, no Tokenizer section, `bp16`) and a new option line to complete under decay schedule. */
const CARD = replaceLines(withoutSection(CODEX, "- 🍉Tokenizer"), {
  "- 🔑Public: ❌": "- 🔑Public: √",
  "    * [ ] Linear": "    * ",
  "    * [ ] Polynomial": null,
  "    * [ ] Inverse Square": null,
  "  + precision floating point: /": "  + precision floating point: `bp16`",
});

/** More cards for the Model Cards view and Compare Cards: the family names and sizes the survey compares. */
const SIZES = "  + `12M`; `25M`; `42M`; `85M`; `300M`; `679M`; `2.5B`; `12B`";
function family(title: string, sizes: string, changes: Readonly<Record<string, string | null>> = {}): string {
  return replaceLines(CODEX, { "title: Codex": `title: ${title}`, [SIZES]: `  + ${sizes}`, ...changes });
}
const FAMILY: Readonly<Record<string, string>> = {
  "_posts/2022-02-26-PolyCoder.md": family("PolyCoder", "`160M`; `400M`; `2.7B`", { "- 🔑Public: ❌": "- 🔑Public: ✅", "  + hardware: V100": "  + hardware: 8 RTX 8000" }),
  "_posts/2022-03-25-CodeGen.md": family("CodeGen", "`350M`; `2.7B`; `6.1B`; `16.1B`", { "- 🔑Public: ❌": "- 🔑Public: ✅", "    * [x] Byte-level Byte-Pair-Encoding (BBPE)": "    * [ ] Byte-level Byte-Pair-Encoding (BBPE)", "    * [ ] SentencePiece": "    * [x] SentencePiece", "  + hardware: V100": "  + hardware: TPU v4" }),
  "_posts/2022-04-12-InCoder.md": family("InCoder", "`1.3B`; `6.7B`", { "- 🔑Public: ❌": "- 🔑Public: √", "    * [ ] fill-in-the-middle": "    * [x] fill-in-the-middle", "  + hardware: V100": "  + hardware: 248 V100" }),
  "_posts/2023-01-09-SantaCoder.md": family("SantaCoder", "`1.1B`", { "- 🔑Public: ❌": "- 🔑Public: ✅", "    * [ ] fill-in-the-middle": "    * [x] fill-in-the-middle", "  + hardware: V100": "  + hardware: 96 A100" }),
};
/** A Hugging Face model card with a license the Hub refuses, and pipeline_tag left to complete. */
const HUB_FILE = "tiny-sentiment/README.md";
const HUB_CARD = replaceLines(HUB_MODEL, { "license: apache-2.0": "license: MIT", "pipeline_tag: text-classification": "pipeline_tag: " });

/** Larger text, and no minimap or sticky scroll over the lines, for pictures that read at README width. */
const SETTINGS = { "editor.fontSize": 15, "editor.minimap.enabled": false, "editor.stickyScroll.enabled": false };

/** `line:column` for the cursor after `before` on the card's line that reads exactly `line`, as Go to Line takes it (1-based, UTF-16). */
function at(line: string, before: string, card = CARD): string {
  const index = card.split("\n").indexOf(line);
  if (index < 0 || !line.startsWith(before)) throw new Error(`no line "${line}" starting "${before}" in the card`);
  return `${index + 1}:${before.length + 1}`;
}

/** Types `text` into Quick Open (a file name, `:line:column`, or `>` and a command) and takes what it offers, as a person does. */
async function pickInQuickOpen(page: Page, text: string, pick: string): Promise<void> {
  await page.keyboard.press("Control+P");
  await page.locator(".quick-input-widget input").fill(text);
  await page.locator(".quick-input-widget", { hasText: pick }).waitFor();
  await page.keyboard.press("Enter");
}

/** Quick Open for what closes it: a file, a line. */
async function quickOpen(page: Page, text: string, pick: string): Promise<void> {
  await pickInQuickOpen(page, text, pick);
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

async function goTo(page: Page, position: string): Promise<void> {
  await quickOpen(page, `:${position}`, "Go to line");
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = path.join(DOCS, `${name}.png`);
  await page.screenshot({ path: file, animations: "disabled" });
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

/** A key to press, and the widget (selector, text it shows) to wait for before the next. */
type Step = readonly [key: string, widget?: string, text?: string];

/** Puts the cursor after `before` on `line`, presses the steps' keys, shoots the widget they open, and closes it. */
async function shootWidget(page: Page, name: string, [line, before]: readonly [string, string], steps: readonly Step[], card = CARD): Promise<void> {
  await goTo(page, at(line, before, card));
  for (const [key, widget, text] of steps) {
    await page.keyboard.press(key);
    if (widget) await page.locator(widget, { hasText: text }).waitFor();
  }
  await shoot(page, name);
  await page.keyboard.press("Escape");
}

/** Loads the workbench and opens the card. */
async function openCard(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 60_000 });
  await page.locator(".monaco-workbench").waitFor();
  await quickOpen(page, FILE, FILE);
  await page.locator(".monaco-editor .view-lines", { hasText: "Hyperparameters" }).waitFor();
}

async function takeScreenshots(page: Page, url: string): Promise<void> {
  await openCard(page, url);

  // A card with its diagnostics, in the editor and in the Problems panel.
  await page.keyboard.press("Control+Shift+M");
  for (const message of ["Missing section 🍉Tokenizer", "Public is yes/no", "Did you mean \"bf16\"?"]) {
    await page.locator(".markers-panel .monaco-list-row", { hasText: message }).waitFor();
  }
  // The cursor at the line's start, off the squiggle under √.
  await goTo(page, at("- 🔑Public: √", ""));
  await shoot(page, "diagnostics");
  await page.keyboard.press("Control+J");

  // The options not listed yet under decay schedule; a second Ctrl+Space opens the selected one's help.
  await shootWidget(page, "completion", ["    * ", "    * "], [
    ["Control+Space", ".suggest-widget .monaco-list-row", "Polynomial"],
    ["Control+Space", ".suggest-details", "Linear"],
  ]);
  // The hover on a field (Ctrl+K Ctrl+I): what it means, its format and an example.
  await shootWidget(page, "hover", ["  + learning rate: `1e-4`", "  + learning "], [["Control+K"], ["Control+I", ".monaco-hover", "Example"]]);
  await shootWidget(page, "quick-fix", ["- 🔑Public: √", "- 🔑Public: "], [["Control+.", ".action-widget", "Change to ✅"]]);
  await shootWidget(page, "toggle-checkbox", ["  + [ ] Encoder-Decoder", "  + [ ] Encoder"], [["Control+.", ".action-widget", "Toggle checkbox"]]);

  // The completeness item in the status bar, and what clicking it offers; taking the offer completes the
  // card, which the item then counts: the only place the item's text can be checked.
  const completeness = page.locator(".statusbar-item", { hasText: /Card \d+\/\d+ fields/ });
  await completeness.click();
  await page.locator(".quick-input-widget", { hasText: "Fill in all missing fields" }).waitFor();
  await page.locator(".quick-input-widget", { hasText: "🍉Tokenizer › Details" }).waitFor();
  await shoot(page, "completeness");
  await page.keyboard.press("Enter");
  await page.locator(".statusbar-item", { hasText: /Card (\d+)\/\1 fields/ }).waitFor();

  // New Model Card asks for the name, then opens the new post at its first tab stop, the title.
  // Clicked, not taken with Enter: the palette may list New Hugging Face Model Card first for these words.
  await page.keyboard.press("Control+P");
  await page.locator(".quick-input-widget input").fill(">Model Cards: New Model Card");
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "New Model Card" }).click();
  await page.locator(".quick-input-widget", { hasText: "as in the title" }).waitFor();
  await page.keyboard.type("StarCoder");
  await shoot(page, "new-card-name");
  await page.keyboard.press("Enter");
  await page.locator(".monaco-editor .view-lines", { hasText: "title: StarCoder" }).waitFor();
  await shoot(page, "new-card");

  // A Hugging Face model card: the license the Hub refuses, with its fix, and the Hub's tasks after pipeline_tag.
  await quickOpen(page, HUB_FILE, "README.md");
  await page.locator(".monaco-editor .view-lines", { hasText: "pipeline_tag" }).waitFor();
  await shootWidget(page, "hub-quick-fix", ["license: MIT", "license: "], [["Control+.", ".action-widget", "Change to `mit`"]], HUB_CARD);
  // The help beside the list stays open from the first completion shot: one Ctrl+Space shows both.
  await shootWidget(page, "hub-completion", ["pipeline_tag: ", "pipeline_tag: "], [["Control+Space", ".suggest-details", "a task of"]], HUB_CARD);

  // The Model Cards view in the Explorer: each card with its completeness and problems.
  await pickInQuickOpen(page, ">Explorer: Focus on Model Cards View", "Focus on Model Cards View");
  // The file tree folded away, so the view has the Explorer's height; the mouse off every tooltip.
  await page.locator(".pane-header", { hasText: "Workspace" }).first().click();
  await page.mouse.move(700, 400);
  await page.locator(".monaco-list-row", { hasText: "InCoder" }).waitFor();
  await page.locator(".monaco-list-row", { hasText: "1 problem" }).first().waitFor();
  await shoot(page, "cards-view");

  // Compare Cards: the page lives in the webview's inner frame.
  await pickInQuickOpen(page, ">Model Cards: Compare Cards", "Compare Cards");
  const table = page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
  await table.locator("td", { hasText: "SantaCoder" }).waitFor();
  await table.locator("button.sort", { hasText: "Model Size" }).click();
  await table.locator("th[aria-sort=ascending]", { hasText: "Model Size" }).waitFor();
  await shoot(page, "compare");
}

/** The web build: the card's diagnostics and completion, and the Running Extensions view that shows which host runs it. */
async function takeWebScreenshots(page: Page, url: string): Promise<void> {
  await openCard(page, url);
  await page.keyboard.press("Control+Shift+M");
  await page.locator(".markers-panel .monaco-list-row", { hasText: "Missing section 🍉Tokenizer" }).waitFor();
  await page.locator(".statusbar-item", { hasText: /Card \d+\/\d+ fields/ }).waitFor();
  await shootWidget(page, "web", ["    * ", "    * "], [["Control+Space", ".suggest-widget .monaco-list-row", "Polynomial"]]);
  // The list shows each extension's host; this one's is the web worker. It is the last row, below the built-in ones.
  await page.keyboard.press("Control+J");
  await pickInQuickOpen(page, ">Developer: Show Running Extensions", "Show Running Extensions");
  const list = page.locator(".editor-instance .monaco-list");
  await list.locator(".monaco-list-row").first().click();
  await page.keyboard.press("End");
  await list.locator('.monaco-list-row[aria-label="model-cards"]').waitFor();
  await shoot(page, "web-running-extensions");
}

async function main(): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  const files = { [`_posts/${FILE}`]: CARD, ...FAMILY, [HUB_FILE]: HUB_CARD };
  if (process.argv[2] !== "web") await withWorkbench({ settings: SETTINGS, files }, takeScreenshots);
  await withWorkbench({ settings: SETTINGS, files, web: true }, takeWebScreenshots);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
