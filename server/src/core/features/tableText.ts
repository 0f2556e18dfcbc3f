/**
 * Rows of cards as CSV (RFC 4180) and as a markdown table: the text a spreadsheet or a site page
 * takes as it is. What goes in a cell is decided once, in `cellText`.
 */
import type { Cell, Column } from "./table";
import { cardSchema } from "../schema";

export interface TextRow {
  /** The card's path as the command line shows it. */
  readonly path: string;
  readonly kind: string;
  readonly cells: Readonly<Record<string, Cell | null>>;
}

/** A field the card lacks is an empty cell; one it writes as not reported keeps its `/`. */
export const cellText = (cell: Cell | null | undefined): string => (cell ? (cell.text ?? cardSchema.notReported) : "");

function rowsOf(columns: readonly Column[], rows: readonly TextRow[]): string[][] {
  return [["path", "kind", ...columns.map((c) => c.label)], ...rows.map((r) => [r.path, r.kind, ...columns.map((c) => cellText(r.cells[c.id]))])];
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled, records end in CRLF. */
const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function toCsv(columns: readonly Column[], rows: readonly TextRow[]): string {
  return rowsOf(columns, rows).map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
}

/** A pipe would end the cell and a line break the row: `\|` and `<br>` keep both inside it, as GitHub and Jekyll render them. */
const markdownField = (text: string): string => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r\n|\r|\n/g, "<br>");

export function toMarkdown(columns: readonly Column[], rows: readonly TextRow[]): string {
  const [header, ...body] = rowsOf(columns, rows).map((r) => `| ${r.map(markdownField).join(" | ")} |`);
  return `${[header!, `|${" --- |".repeat(columns.length + 2)}`, ...body].join("\n")}\n`;
}
