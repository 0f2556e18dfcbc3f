/**
 * SARIF 2.1.0, the format GitHub code scanning uploads (`github/codeql-action/upload-sarif`).
 * Every diagnostic code is a rule; file locations are relative to %SRCROOT% (the working folder,
 * the repository root in CI) so code scanning can place them; columns are UTF-16 code units, which
 * the run says in `columnKind`.
 */
import { pathToFileURL } from "node:url";
import { CONFIG_CODES } from "../core/config";
import { CODES, type Severity } from "../core/rules/codes";
import { displayPath, oneBased, type FileResult, type FormatContext } from "./report";

type Level = "error" | "warning" | "note";

const LEVEL: Readonly<Record<Severity, Level>> = { error: "error", warning: "warning", information: "note", hint: "note" };

const RULES: readonly { id: string; severity: Severity; description: string }[] = [...Object.entries(CODES), ...Object.entries(CONFIG_CODES)].map(([id, c]) => ({ id, ...c }));

const SRCROOT = "%SRCROOT%";

function artifact(file: string, ctx: FormatContext): { uri: string; uriBaseId?: string } {
  const shown = displayPath(file, ctx.cwd);
  // Absolute paths (outside the working folder) keep their file URL; the rest are relative to it.
  return shown.startsWith("/") || /^[A-Za-z]:/.test(shown) ? { uri: pathToFileURL(shown).href } : { uri: encodeURI(shown), uriBaseId: SRCROOT };
}

/** The SARIF log object for the results (serialise it with JSON.stringify). */
export function sarifLog(results: readonly FileResult[], ctx: FormatContext): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((result) =>
    result.problems.map((problem) => {
      const at = oneBased(problem);
      return {
        ruleId: problem.code,
        ...(ruleIndex.has(problem.code) ? { ruleIndex: ruleIndex.get(problem.code)! } : {}),
        level: LEVEL[problem.severity],
        message: { text: problem.message },
        locations: [{ physicalLocation: { artifactLocation: artifact(result.path, ctx), region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn } } }],
      };
    }),
  );
  const failures = results.filter((r) => r.failure !== undefined);
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "model-cards",
            version: ctx.version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, "/") } },
        columnKind: "utf16CodeUnits",
        results: sarifResults,
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((f) => ({
              level: "error",
              message: { text: f.failure! },
              locations: [{ physicalLocation: { artifactLocation: artifact(f.path, ctx) } }],
            })),
          },
        ],
      },
    ],
  };
}
