/**
 * `model-cards export`: every card under the paths as one row, in the data Export Card gives, as
 * JSON, CSV or a markdown table. Files are found and read exactly as `check` finds and reads them.
 */
import type { ExportOptions } from "./args";
import { UsageError } from "./args";
import { uriOf } from "./check";
import { ConfigFinder } from "./configs";
import { exportCard, type JsonObject } from "../core/features/export";
import { cardRow, tableKindOf, type Column, type TableKind } from "../core/features/table";
import { DEFAULT_MAX_FILE_MB, MB } from "../node/files";
import { ReadAhead } from "../node/readAhead";
import { expandOperand } from "./inputs";
import { displayPath } from "./report";
import { toCsv, toMarkdown, type TextRow } from "../core/features/tableText";
import type { Io } from "./run";

/** The columns of every kind among the cards, in kind order, each field once (`affiliation` is in both kinds). */
function columnsOf(kinds: readonly TableKind[], wanted: readonly string[] | undefined): Column[] {
  const all = new Map<string, Column>();
  for (const kind of kinds) for (const column of kind.columns) if (!all.has(column.id)) all.set(column.id, column);
  if (!wanted) return [...all.values()];
  const unknown = wanted.filter((id) => !all.has(id));
  if (unknown.length > 0) throw new UsageError(`--columns: no column ${unknown.map((id) => `"${id}"`).join(", ")}; the columns are ${[...all.keys()].join(", ")}`);
  return wanted.map((id) => all.get(id)!);
}

/** Writes the table; returns the exit code (1 when a file could not be read or a path held no card). */
export async function exportCards(options: ExportOptions, io: Io): Promise<number> {
  // As check reads them: on a worker, from before the operands are expanded.
  const reads = new ReadAhead(DEFAULT_MAX_FILE_MB * MB);
  try {
    return await exportOperands(options, io, reads);
  } finally {
    reads.close();
  }
}

async function exportOperands(options: ExportOptions, io: Io, reads: ReadAhead): Promise<number> {
  const configs = new ConfigFinder(io.cwd, options.config);
  const operands = await Promise.all(options.operands.map((o) => expandOperand(o, io.cwd)));
  // Each file once, in the order the loop below first meets it.
  reads.read([...new Set(operands.flatMap((o) => o.files))]);
  await configs.load(operands.flatMap((o) => o.files.map(uriOf)));
  const service = configs.service;
  /** Each file once, even when two operands name it; true for the cards. */
  const seen = new Map<string, boolean>();
  const failures: string[] = [];
  const rows: TextRow[] = [];
  const json: JsonObject[] = [];
  const kinds = new Map<string, TableKind>();
  for (const operand of operands) {
    for (const f of operand.failures) failures.push(`${displayPath(f.path, io.cwd)}: ${f.message}`);
    let cards = 0;
    for (const file of operand.files) {
      const card = seen.get(file);
      if (card !== undefined) {
        if (card) cards++;
        continue;
      }
      seen.set(file, false);
      const read = await reads.next();
      if (read.failure !== undefined) {
        failures.push(`${displayPath(file, io.cwd)}: ${read.failure}`);
        continue;
      }
      const analysis = service.analyzeText(uriOf(file), read.text);
      const row = cardRow(analysis);
      const data = exportCard(analysis);
      // A kind's columns are worked out once, for its first card.
      const kind = row && (kinds.get(row.kind) ?? tableKindOf(analysis));
      if (!row || !data || !kind) continue;
      cards++;
      seen.set(file, true);
      kinds.set(kind.tag, kind);
      const shown = displayPath(file, io.cwd);
      rows.push({ path: shown, kind: row.kind, cells: row.cells });
      json.push({ path: shown, ...data });
    }
    if (cards === 0 && operand.failures.length === 0) failures.push(`${operand.operand}: no cards here (${operand.files.length} file(s), none tagged models or benchmarks or matched by cardGlobs)`);
  }
  const columns = columnsOf([...kinds.values()], options.columns);
  io.stdout(options.format === "csv" ? toCsv(columns, rows) : options.format === "markdown" ? toMarkdown(columns, rows) : `${JSON.stringify(json, null, 2)}\n`);
  for (const failure of failures) io.stderr(`model-cards: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}
