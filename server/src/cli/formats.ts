/**
 * The output formats, each a pure function of the results. Lines and columns are 1-based; columns
 * count UTF-16 code units, as editors and LSP do (an emoji such as 📙 is two columns).
 */
import type { Severity } from "../core/rules/codes";
import type { Format } from "./args";
import { displayPath, oneBased, SEVERITIES, totals, type FileResult, type FormatContext } from "./report";
import { sarifLog } from "./sarif";

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

const SEVERITY_WORDS: Readonly<Record<Severity, [string, string]>> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  information: ["information", "information"],
  hint: ["hint", "hints"],
};

/** One line for the end of the output: what was checked and what was found. */
export function summary(results: readonly FileResult[]): string {
  const t = totals(results);
  const bySeverity = SEVERITIES.map((s) => plural(t.bySeverity[s], ...SEVERITY_WORDS[s])).join(", ");
  const found = t.problems === 0 ? "no problems" : `${plural(t.problems, "problem")} (${bySeverity})`;
  const parts = [`Checked ${plural(t.files, "file")} (${plural(t.cards, "card")}): ${found}`];
  if (t.fixed > 0) parts.push(`${plural(t.fixed, "fix", "fixes")} applied`);
  const unwritten = results.filter((r) => r.failure !== undefined && r.kind !== undefined).length;
  if (t.failures > unwritten) parts.push(`${plural(t.failures - unwritten, "path")} could not be checked`);
  if (unwritten > 0) parts.push(`${plural(unwritten, "file")} could not be fixed`);
  return parts.join("; ");
}

/** `code ×2, code` for a list of applied fixes. */
function fixList(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(", ");
}

function text(results: readonly FileResult[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.path, ctx.cwd);
    if (result.fixed.length > 0) lines.push(`${file}: fixed ${plural(result.fixed.length, "problem")} (${fixList(result.fixed.map((f) => f.code))})`);
    for (const problem of result.problems) {
      const { line, column } = oneBased(problem);
      lines.push(`${file}:${line}:${column} ${problem.severity} ${problem.code} ${problem.message}`);
    }
  }
  lines.push(summary(results));
  return `${lines.join("\n")}\n`;
}

function json(results: readonly FileResult[], ctx: FormatContext): string {
  const files = results.map((r) => ({
    path: displayPath(r.path, ctx.cwd),
    role: r.role,
    kind: r.kind ?? null,
    ...(r.failure === undefined ? {} : { error: r.failure }),
    problems: r.problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, ...oneBased(p) })),
    fixed: r.fixed,
  }));
  return `${JSON.stringify({ tool: { name: "model-cards", version: ctx.version }, files, totals: totals(results) }, null, 2)}\n`;
}

/** GitHub's escaping for a workflow command's message, and (stricter) for its properties. */
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

const ANNOTATION: Readonly<Record<Severity, string>> = { error: "error", warning: "warning", information: "notice", hint: "notice" };

function github(results: readonly FileResult[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(displayPath(result.path, ctx.cwd));
    if (result.failure !== undefined) lines.push(`::error file=${file},title=model-cards::${escapeData(result.failure)}`);
    for (const problem of result.problems) {
      const at = oneBased(problem);
      // GitHub rejects columns on an annotation that spans lines.
      const columns = at.line === at.endLine ? `,col=${at.column},endColumn=${at.endColumn}` : "";
      const where = `file=${file},line=${at.line},endLine=${at.endLine}${columns}`;
      lines.push(`::${ANNOTATION[problem.severity]} ${where},title=${escapeProperty(problem.code)}::${escapeData(problem.message)}`);
    }
  }
  lines.push(summary(results));
  return `${lines.join("\n")}\n`;
}

export const FORMATTERS: Readonly<Record<Format, (results: readonly FileResult[], ctx: FormatContext) => string>> = {
  text,
  json,
  sarif: (results, ctx) => `${JSON.stringify(sarifLog(results, ctx), null, 2)}\n`,
  github,
};
