/**
 * The output formats, each a pure function of the results. Lines and columns are 1-based; columns
 * count UTF-16 code units, as editors and LSP do (an emoji such as 📙 is two columns).
 */
import type { Severity } from "../core/rules/codes";
import type { Format } from "./args";
import { displayPaths, oneBased, SEVERITIES, Tally, type FileResult, type FormatContext } from "./report";
import { sarifLog } from "./sarif";

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

const SEVERITY_WORDS: Readonly<Record<Severity, [string, string]>> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  information: ["information", "information"],
  hint: ["hint", "hints"],
};

/** One line for the end of the output: what was checked and what was found. */
export function summary(tally: Tally): string {
  const t = tally.totals();
  const bySeverity = SEVERITIES.map((s) => plural(t.bySeverity[s], ...SEVERITY_WORDS[s])).join(", ");
  const found = t.problems === 0 ? "no problems" : `${plural(t.problems, "problem")} (${bySeverity})`;
  const parts = [`Checked ${plural(t.files, "file")} (${plural(t.cards, "card")}): ${found}`];
  if (t.fixed > 0) parts.push(`${plural(t.fixed, "fix", "fixes")} applied`);
  const { unwritten } = tally;
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

/**
 * A report as it is written: its opening, each file's part as soon as that file is checked, then
 * its end (the summary or the totals). Only SARIF, one JSON document with the rules first, waits
 * for the end.
 */
export interface Report {
  readonly start: string;
  file(result: FileResult): string;
  end(): string;
}

/** A format that writes a line per problem (or per fixed file), then the summary line. */
function lineReport(lines: (result: FileResult, file: string) => string[], ctx: FormatContext): Report {
  const tally = new Tally();
  const shown = displayPaths(ctx.cwd);
  return {
    start: "",
    file(result) {
      tally.add(result);
      return lines(result, shown(result.path)).map((line) => `${line}\n`).join("");
    },
    end: () => `${summary(tally)}\n`,
  };
}

const text = (ctx: FormatContext): Report =>
  lineReport((result, file) => {
    const lines: string[] = [];
    if (result.fixed.length > 0) lines.push(`${file}: fixed ${plural(result.fixed.length, "problem")} (${fixList(result.fixed.map((f) => f.code))})`);
    for (const problem of result.problems) {
      const { line, column } = oneBased(problem);
      lines.push(`${file}:${line}:${column} ${problem.severity} ${problem.code} ${problem.message}`);
    }
    return lines;
  }, ctx);

/**
 * One JSON document, a line per file: compact (a machine reads it; `jq` shows it indented), yet a
 * file's entry is still one line to grep or diff.
 */
function json(ctx: FormatContext): Report {
  const tally = new Tally();
  const shown = displayPaths(ctx.cwd);
  let files = 0;
  return {
    start: `{"tool":${JSON.stringify({ name: "model-cards", version: ctx.version })},"files":[`,
    file(r) {
      tally.add(r);
      const entry = {
        path: shown(r.path),
        role: r.role,
        kind: r.kind ?? null,
        ...(r.failure === undefined ? {} : { error: r.failure }),
        problems: r.problems.map((p) => {
          // Built whole rather than spread: 33,000 problems on a large tree.
          const { line, column, endLine, endColumn } = oneBased(p);
          return { code: p.code, severity: p.severity, message: p.message, line, column, endLine, endColumn };
        }),
        fixed: r.fixed,
      };
      return `${files++ === 0 ? "" : ","}\n${JSON.stringify(entry)}`;
    },
    end: () => `\n],"totals":${JSON.stringify(tally.totals())}}\n`,
  };
}

/** GitHub's escaping for a workflow command's message, and (stricter) for its properties. */
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

const ANNOTATION: Readonly<Record<Severity, string>> = { error: "error", warning: "warning", information: "notice", hint: "notice" };

const github = (ctx: FormatContext): Report =>
  lineReport((result, shown) => {
    const lines: string[] = [];
    const file = escapeProperty(shown);
    if (result.failure !== undefined) lines.push(`::error file=${file},title=model-cards::${escapeData(result.failure)}`);
    for (const problem of result.problems) {
      const at = oneBased(problem);
      // GitHub rejects columns on an annotation that spans lines.
      const columns = at.line === at.endLine ? `,col=${at.column},endColumn=${at.endColumn}` : "";
      const where = `file=${file},line=${at.line},endLine=${at.endLine}${columns}`;
      lines.push(`::${ANNOTATION[problem.severity]} ${where},title=${escapeProperty(problem.code)}::${escapeData(problem.message)}`);
    }
    return lines;
  }, ctx);

/** SARIF lists the files' results inside one object: it is written whole, at the end. */
function sarif(ctx: FormatContext): Report {
  const results: FileResult[] = [];
  return {
    start: "",
    file(result) {
      results.push(result);
      return "";
    },
    end: () => `${JSON.stringify(sarifLog(results, ctx), null, 2)}\n`,
  };
}

/** The whole report for results already at hand. */
export function formatAll(report: Report, results: readonly FileResult[]): string {
  return report.start + results.map((r) => report.file(r)).join("") + report.end();
}

export const FORMATTERS: Readonly<Record<Format, (ctx: FormatContext) => Report>> = { text, json, sarif, github };
