/** The benchmark's rows, their goals, and the table printed and pasted into the README. Pure. */
import type { Figure } from "./stats";

export type Unit = "ms" | "MiB" | "KiB";

/** A bar from the issue: the median ratio (or, for sizes, the value itself) must not exceed `max`. */
export interface Goal {
  readonly max: number;
  readonly on: "ratio" | "value";
}

export interface Row {
  readonly section: string;
  readonly measure: string;
  readonly unit: Unit;
  /** Our figure, over the runs. */
  readonly ours: Figure;
  /** What it is compared with, measured in the same runs; absent for sizes. */
  readonly reference?: { readonly name: string; readonly figure: Figure };
  /** ours / reference run by run: the figure the goal is about. */
  readonly ratio?: Figure;
  readonly goal?: Goal;
}

export function passes(row: Row): boolean | undefined {
  if (!row.goal) return undefined;
  const value = row.goal.on === "ratio" ? row.ratio?.median : row.ours.median;
  return value !== undefined && value <= row.goal.max;
}

const amount = (value: number, unit: Unit): string => {
  const digits = unit === "ms" ? (value < 1 ? 3 : value < 10 ? 2 : 1) : 1;
  return `${value.toFixed(digits)} ${unit}`;
};

const ratioText = (value: number): string => (value < 0.1 ? value.toFixed(3) : value.toFixed(2));

function goalText(row: Row): string {
  if (!row.goal) return "";
  return row.goal.on === "ratio" ? `≤ ${ratioText(row.goal.max)}` : `≤ ${row.goal.max} ${row.unit}`;
}

/** The rows as one markdown table: readable in a terminal, and the README's Performance section as is. */
export function formatTable(rows: readonly Row[]): string {
  const header = ["Measure", "Ours (median)", "Reference (median)", "Ratio: median (min–max)", "Goal", ""];
  const body = rows.map((row) => {
    const verdict = passes(row);
    return [
      `${row.section}: ${row.measure}`,
      amount(row.ours.median, row.unit),
      row.reference ? `${row.reference.name} ${amount(row.reference.figure.median, row.unit)}` : "",
      row.ratio ? `${ratioText(row.ratio.median)} (${ratioText(row.ratio.min)}–${ratioText(row.ratio.max)})` : "",
      goalText(row),
      verdict === undefined ? "" : verdict ? "PASS" : "FAIL",
    ];
  });
  return [header, header.map(() => "---"), ...body].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
