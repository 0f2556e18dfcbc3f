/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The Compare Cards page, inside the webview: one row per card, one column per field. It renders
 * only the rows near the scroll position, so 10,000 cards scroll as smoothly as ten. Everything it
 * knows comes in the `table` message; it asks the editor to open a card and nothing else.
 */
import type { CardTable, Cell, Column, TableRow } from "../../../server/src/lsp/protocol";
import type { FromPage, PageAction, RenderedView, ToPage } from "./messages";

interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const ROW_HEIGHT = 26;
/** Rows rendered beyond the visible ones, above and below, so a fast scroll never shows a gap. */
const OVERSCAN = 10;

/** What the reader chose, kept across reloads of the panel. */
interface Choices {
  kind?: string;
  columns: Record<string, string[]>;
  sort?: { column: string; descending: boolean };
  text: string;
  options: Record<string, string[]>;
}

let table: CardTable = { kinds: [], rows: [] };
const saved = vscode.getState() as Choices | undefined;
const choices: Choices = saved ?? { columns: {}, text: "", options: {} };
let shown: TableRow[] = [];
let active = { row: 0, column: 0 };

const byId = (id: string): HTMLElement => document.getElementById(id)!;
const kindSelect = byId("kind") as HTMLSelectElement;
const filterBox = byId("filter") as HTMLInputElement;
const columnList = byId("column-list");
const countsBox = byId("counts");
const summary = byId("summary");
const scroller = byId("scroller");
const head = byId("head");
const body = byId("body");

const kind = (): CardTable["kinds"][number] | undefined => table.kinds.find((k) => k.tag === choices.kind);
function visibleColumns(): Column[] {
  const k = kind();
  if (!k) return [];
  const ids = choices.columns[k.tag];
  return ids ? ids.map((id) => k.columns.find((c) => c.id === id)).filter((c): c is Column => c !== undefined) : k.columns.filter((c) => c.shown);
}

/** Missing cells sort after `/`, and `/` after every value, whichever the direction. */
function compareCells(a: Cell | null | undefined, b: Cell | null | undefined, descending: boolean): number {
  const rank = (c: Cell | null | undefined): number => (!c ? 2 : c.text === null ? 1 : 0);
  if (rank(a) !== rank(b) || rank(a) > 0) return rank(a) - rank(b);
  const sign = descending ? -1 : 1;
  if (a!.sort !== undefined && b!.sort !== undefined) return sign * (a!.sort - b!.sort);
  if (a!.sort !== undefined || b!.sort !== undefined) return a!.sort !== undefined ? -1 : 1;
  return sign * a!.text!.localeCompare(b!.text!, undefined, { numeric: true, sensitivity: "base" });
}

function matches(row: TableRow, columns: readonly Column[], needle: string): boolean {
  for (const [column, wanted] of Object.entries(choices.options)) {
    if (wanted.length === 0) continue;
    const values = row.cells[column]?.values ?? [];
    if (!wanted.some((o) => values.includes(o))) return false;
  }
  return needle === "" || columns.some((c) => row.cells[c.id]?.text?.toLowerCase().includes(needle));
}

function save(): void {
  vscode.setState(choices);
}

function update(): void {
  const columns = visibleColumns();
  const needle = choices.text.trim().toLowerCase();
  shown = table.rows.filter((r) => r.kind === choices.kind && matches(r, columns, needle));
  const sort = choices.sort;
  if (sort) shown.sort((a, b) => compareCells(a.cells[sort.column], b.cells[sort.column], sort.descending));
  const total = table.rows.filter((r) => r.kind === choices.kind).length;
  summary.textContent = shown.length === total ? `${total} cards` : `${shown.length} of ${total} cards`;
  active = { row: Math.min(active.row, Math.max(shown.length - 1, 0)), column: Math.min(active.column, Math.max(columns.length - 1, 0)) };
  renderHead(columns);
  renderCounts(columns);
  renderRows();
  save();
}

function renderHead(columns: readonly Column[]): void {
  const row = document.createElement("tr");
  columns.forEach((column, index) => {
    const th = document.createElement("th");
    th.scope = "col";
    const button = document.createElement("button");
    button.className = "sort";
    button.dataset.column = column.id;
    const sorted = choices.sort?.column === column.id;
    button.textContent = `${column.label}${sorted ? (choices.sort!.descending ? " ▼" : " ▲") : ""}`;
    th.setAttribute("aria-sort", sorted ? (choices.sort!.descending ? "descending" : "ascending") : "none");
    button.title = `Sort by ${column.label} (${column.type})`;
    button.addEventListener("click", () => { sortBy(column.id); });
    th.append(button);
    th.style.minWidth = index === 0 ? "14em" : "8em";
    row.append(th);
  });
  head.replaceChildren(row);
}

function sortBy(column: string): void {
  // First click sorts ascending, the second descending, the third goes back to the cards' order.
  const current = choices.sort?.column === column ? choices.sort : undefined;
  choices.sort = !current ? { column, descending: false } : !current.descending ? { column, descending: true } : undefined;
  update();
}

/** Past this many options, a column's bars show only the options some card uses. */
const MAX_EMPTY_BARS = 12;

/** Small bars above the table: how many of the matching cards check each option of each choice column. */
function renderCounts(columns: readonly Column[]): void {
  const groups = columns.filter((c) => c.options && c.options.length > 0).map((column) => {
    const counts = new Map<string, number>(column.options!.map((o) => [o, 0]));
    for (const row of shown) for (const value of row.cells[column.id]?.values ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
    const max = Math.max(1, ...counts.values());
    const group = document.createElement("fieldset");
    group.className = "count-group";
    const legend = document.createElement("legend");
    legend.textContent = column.label;
    group.append(legend);
    // A long vocabulary (the Hub's licenses, tasks, languages) would bury the table in empty bars.
    const onlyUsed = counts.size > MAX_EMPTY_BARS;
    for (const [option, count] of counts) {
      const selected = choices.options[column.id]?.includes(option) ?? false;
      if (onlyUsed && count === 0 && !selected) continue;
      const bar = document.createElement("button");
      bar.className = `bar${selected ? " selected" : ""}`;
      bar.dataset.column = column.id;
      bar.dataset.option = option;
      bar.dataset.count = String(count);
      bar.setAttribute("aria-pressed", String(selected));
      bar.title = `${count} card(s): ${option}. Click to show only these.`;
      const label = document.createElement("span");
      label.className = "bar-label";
      label.textContent = option;
      const fill = document.createElement("span");
      fill.className = "bar-fill";
      fill.style.width = `${(count / max) * 100}%`;
      const number = document.createElement("span");
      number.className = "bar-count";
      number.textContent = String(count);
      bar.append(label, fill, number);
      bar.addEventListener("click", () => { toggleOption(column.id, option); });
      group.append(bar);
    }
    return group;
  });
  countsBox.replaceChildren(...groups);
}

function toggleOption(column: string, option: string): void {
  const current = choices.options[column] ?? [];
  choices.options[column] = current.includes(option) ? current.filter((o) => o !== option) : [...current, option];
  update();
}

function cellElement(row: TableRow, column: Column, rowIndex: number, columnIndex: number): HTMLTableCellElement {
  const cell = row.cells[column.id];
  const td = document.createElement("td");
  td.dataset.row = String(rowIndex);
  td.dataset.column = String(columnIndex);
  td.id = `cell-${rowIndex}-${columnIndex}`;
  td.setAttribute("role", "gridcell");
  if (!cell) {
    td.className = "missing";
    td.textContent = "missing";
    td.title = `This card has no ${column.label} field.`;
  } else if (cell.text === null) {
    td.className = "not-reported";
    td.textContent = "/";
    td.title = "Written as / (not reported).";
  } else {
    td.textContent = cell.text;
    td.title = cell.text;
    if (cell.sort !== undefined) td.className = "number";
  }
  if (rowIndex === active.row && columnIndex === active.column) td.classList.add("active");
  return td;
}

function spacer(height: number, columns: number): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.className = "spacer";
  const td = document.createElement("td");
  td.colSpan = Math.max(columns, 1);
  td.style.height = `${height}px`;
  tr.append(td);
  return tr;
}

/** Only the rows in view (and a few around them) are in the page; spacers stand for the others. */
function renderRows(): void {
  const columns = visibleColumns();
  const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
  const rows: HTMLTableRowElement[] = [spacer(first * ROW_HEIGHT, columns.length)];
  for (let i = first; i < last; i++) {
    const row = shown[i]!;
    const tr = document.createElement("tr");
    tr.dataset.uri = row.uri;
    tr.setAttribute("aria-rowindex", String(i + 2));
    tr.append(...columns.map((c, j) => cellElement(row, c, i, j)));
    rows.push(tr);
  }
  rows.push(spacer((shown.length - last) * ROW_HEIGHT, columns.length));
  body.replaceChildren(...rows);
  scroller.setAttribute("aria-rowcount", String(shown.length + 1));
  scroller.setAttribute("aria-activedescendant", `cell-${active.row}-${active.column}`);
}

function renderColumnChooser(): void {
  const k = kind();
  const visible = new Set(visibleColumns().map((c) => c.id));
  columnList.replaceChildren(...(k?.columns ?? []).map((column) => {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = visible.has(column.id);
    box.addEventListener("change", () => {
      const ids = k!.columns.filter((c) => (c.id === column.id ? box.checked : visible.has(c.id))).map((c) => c.id);
      choices.columns[k!.tag] = ids;
      renderColumnChooser();
      update();
    });
    label.append(box, ` ${column.label}`);
    return label;
  }));
}

function renderKinds(): void {
  const present = table.kinds.filter((k) => table.rows.some((r) => r.kind === k.tag));
  const kinds = present.length > 0 ? present : table.kinds;
  if (!kinds.some((k) => k.tag === choices.kind)) {
    const count = (tag: string): number => table.rows.filter((r) => r.kind === tag).length;
    choices.kind = [...kinds].sort((a, b) => count(b.tag) - count(a.tag))[0]?.tag;
  }
  kindSelect.replaceChildren(...kinds.map((k) => new Option(`${k.name}s`, k.tag, false, k.tag === choices.kind)));
}

function openCell(rowIndex: number, columnIndex: number): void {
  const row = shown[rowIndex];
  const column = visibleColumns()[columnIndex];
  if (!row || !column) return;
  // A missing field has no line of its own: the card opens at its top.
  vscode.postMessage({ type: "open", uri: row.uri, line: row.cells[column.id]?.line ?? 0 });
}

/** Moves the active cell and scrolls it into view. */
function moveTo(row: number, column: number): void {
  active = { row: Math.max(0, Math.min(row, shown.length - 1)), column: Math.max(0, Math.min(column, visibleColumns().length - 1)) };
  const top = active.row * ROW_HEIGHT;
  const headHeight = head.getBoundingClientRect().height;
  if (top < scroller.scrollTop) scroller.scrollTop = top;
  else if (top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight - headHeight) scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight + headHeight;
  renderRows();
}

scroller.addEventListener("keydown", (e) => {
  const page = Math.max(1, Math.floor(scroller.clientHeight / ROW_HEIGHT) - 1);
  const moves: Record<string, () => void> = {
    ArrowDown: () => { moveTo(active.row + 1, active.column); },
    ArrowUp: () => { moveTo(active.row - 1, active.column); },
    ArrowRight: () => { moveTo(active.row, active.column + 1); },
    ArrowLeft: () => { moveTo(active.row, active.column - 1); },
    PageDown: () => { moveTo(active.row + page, active.column); },
    PageUp: () => { moveTo(active.row - page, active.column); },
    Home: () => { moveTo(e.ctrlKey ? 0 : active.row, 0); },
    End: () => { moveTo(e.ctrlKey ? shown.length - 1 : active.row, visibleColumns().length - 1); },
    Enter: () => { openCell(active.row, active.column); },
  };
  const move = moves[e.key];
  if (!move) return;
  e.preventDefault();
  move();
});
scroller.addEventListener("scroll", () => requestAnimationFrame(renderRows));
body.addEventListener("click", (e) => {
  const td = (e.target as HTMLElement).closest("td[data-row]");
  if (!(td instanceof HTMLElement)) return;
  active = { row: Number(td.dataset.row), column: Number(td.dataset.column) };
  openCell(active.row, active.column);
  renderRows();
});
filterBox.value = choices.text;
filterBox.addEventListener("input", () => {
  choices.text = filterBox.value;
  update();
});
kindSelect.addEventListener("change", () => {
  choices.kind = kindSelect.value;
  choices.options = {};
  renderColumnChooser();
  update();
});

/** The page as a reader sees it, read from the page itself. */
function renderedView(): RenderedView {
  const counts: Record<string, number> = {};
  for (const bar of countsBox.querySelectorAll<HTMLElement>(".bar")) {
    const column = visibleColumns().find((c) => c.id === bar.dataset.column);
    counts[`${column?.label ?? ""} › ${bar.dataset.option ?? ""}`] = Number(bar.dataset.count);
  }
  return {
    kind: choices.kind ?? "",
    columns: [...head.querySelectorAll("th")].map((th) => th.textContent.replace(/ [▲▼]$/, "")),
    columnIds: visibleColumns().map((c) => c.id),
    sort: choices.sort,
    matching: shown.length,
    uris: shown.map((r) => r.uri),
    rendered: [...body.querySelectorAll("tr:not(.spacer)")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
    counts,
  };
}

/** Does what the reader would do, through the page's own controls. */
function act(action: PageAction): void {
  switch (action.action) {
    case "sort":
      head.querySelector<HTMLButtonElement>(`button[data-column="${CSS.escape(action.column)}"]`)?.click();
      break;
    case "filter":
      filterBox.value = action.text;
      filterBox.dispatchEvent(new Event("input"));
      break;
    case "option":
      countsBox.querySelector<HTMLButtonElement>(`.bar[data-column="${CSS.escape(action.column)}"][data-option="${CSS.escape(action.option)}"]`)?.click();
      break;
    case "click": {
      const rowIndex = shown.findIndex((r) => r.uri === action.uri);
      const columnIndex = visibleColumns().findIndex((c) => c.id === action.column);
      moveTo(rowIndex, columnIndex);
      body.querySelector<HTMLElement>(`#cell-${rowIndex}-${columnIndex}`)?.click();
      break;
    }
  }
}

window.addEventListener("message", (event: MessageEvent<ToPage>) => {
  const message = event.data;
  if (message.type === "table") {
    table = message.table;
    renderKinds();
    renderColumnChooser();
    update();
  } else if (message.type === "view") {
    vscode.postMessage({ type: "view", id: message.id, view: renderedView() });
  } else {
    act(message.act);
    vscode.postMessage({ type: "done", id: message.id });
  }
});
vscode.postMessage({ type: "ready" });
