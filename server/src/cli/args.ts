import { parseArgs } from "node:util";
import type { FixScope } from "../core/features/fixAll";
import { DEFAULT_MAX_FILE_MB, MB } from "../node/files";
import type { BaselineMode } from "./baseline";

export const FORMATS = ["text", "json", "sarif", "github"] as const;
export type Format = (typeof FORMATS)[number];
export const EXPORT_FORMATS = ["json", "csv", "markdown"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface CheckOptions {
  /** Files, folders and globs, in the order given; `-` is standard input. */
  readonly operands: readonly string[];
  readonly format: Format;
  readonly fix: FixScope | undefined;
  /** A config file that replaces the `.modelcards.yaml` files found next to the checked files. */
  readonly config: string | undefined;
  readonly quiet: boolean;
  /** Exit with 1 when there are more warnings than this. */
  readonly maxWarnings: number | undefined;
  /** The name standard input is checked as (for the date in the file name, card globs and the config). */
  readonly stdinFilename: string | undefined;
  /** Files larger than this many bytes are not read. */
  readonly maxFileBytes: number;
  /** Honour the baseline file, record every problem in it, or drop what was fixed from it. */
  readonly baseline: BaselineMode;
}

export interface ExportOptions {
  readonly operands: readonly string[];
  readonly format: ExportFormat;
  /** Column ids to write, in this order; every column of the cards' kinds when undefined. */
  readonly columns: readonly string[] | undefined;
  readonly config: string | undefined;
}

export type Command = { readonly command: "help" } | { readonly command: "version" } | ({ readonly command: "check" } & CheckOptions) | ({ readonly command: "export" } & ExportOptions);

/** A mistake in how the command was called: reported with a hint to `--help`, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: model-cards check [options] <file | folder | glob | ->...
       model-cards export [--format json|csv|markdown] [--columns <ids>] <file | folder | glob>...

Checks model and benchmark cards (Jekyll posts tagged models or benchmarks) with the same rules as
the editor. Folders are searched for *.md files (skipping node_modules, _site, .jekyll-cache,
vendor and dot-folders); quote globs such as '_posts/**/*.md' so the shell leaves them to
model-cards; - reads standard input.

Options:
  --format <text|json|sarif|github>  output format (default: text)
  --fix                  apply the fixes that only normalise (emoji, ✅/❌, checkboxes, markers,
                         indents, field order) and report what changed
  --fix=all              also apply the other preferred fixes, such as inserting missing fields
  --config <file>        use this config instead of the .modelcards.yaml found above each file
  --quiet                report errors only
  --max-warnings <n>     exit with 1 when there are more than n warnings
  --stdin-filename <name>  the file name to check standard input as
  --max-file-size <MB>   skip files larger than this, with a message (default: 10)
  --suppress-all         record every problem of the checked files in model-cards-suppressions.json
                         (beside .modelcards.yaml, else in the working folder); later runs report
                         only problems beyond those counts
  --prune-suppressions   drop what was fixed from model-cards-suppressions.json
  -h, --help             show this help
  --version              show the version

export writes one row per card (the data of Export Card): json (default), csv (RFC 4180) or a
markdown table; --columns takes comma-separated field ids (title, date, modelSize, …), in order.

Exit codes: 0 no error (and no more warnings than --max-warnings), 1 errors or files that could
not be checked, 2 bad usage, a broken config file, or a suppressions file that is broken or records
problems that are gone (run --prune-suppressions).`;

interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** The values a string option accepts, or the inline values a boolean option accepts (`--fix=all`). */
  readonly values?: readonly string[];
}

const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  // Checked per command below: check and export write different formats.
  format: { type: "string" },
  columns: { type: "string" },
  fix: { type: "boolean", values: ["all"] },
  config: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  "max-warnings": { type: "string" },
  "stdin-filename": { type: "string" },
  "max-file-size": { type: "string" },
  "suppress-all": { type: "boolean" },
  "prune-suppressions": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
};

/** Parses the command line; throws UsageError with a message that says what to change. */
export function parseCommandLine(argv: readonly string[]): Command {
  // Not strict: node's parser would reject `--fix=all` on a boolean; each token is checked below instead.
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const values = new Map<string, string | true>();
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const spec = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name] : undefined;
    if (!spec) throw new UsageError(`unknown option ${token.rawName}`);
    const value = token.value;
    if (spec.type === "string" && value === undefined) throw new UsageError(`${token.rawName} needs a value`);
    if (value !== undefined && spec.values && !spec.values.includes(value)) {
      throw new UsageError(`${token.rawName} takes ${spec.values.join(", ")}${spec.type === "boolean" ? " (or no value)" : ""}, not "${value}"`);
    }
    if (spec.type === "boolean" && value !== undefined && !spec.values) throw new UsageError(`${token.rawName} takes no value`);
    values.set(token.name, value ?? true);
  }
  if (values.has("help")) return { command: "help" };
  if (values.has("version")) return { command: "version" };
  const [command, ...operands] = positionals;
  if (command === undefined) throw new UsageError("missing command: model-cards check <paths…>");
  if (command !== "check" && command !== "export") throw new UsageError(`unknown command "${command}"; the commands are check and export`);
  if (operands.length === 0) throw new UsageError(`${command} needs at least one file, folder or glob${command === "check" ? " (or - for standard input)" : ""}`);
  // An empty path would resolve to the working folder, and with --fix rewrite every card in it.
  if (operands.includes("")) throw new UsageError("an empty path names no file; write . to check the current folder");
  const text = (name: string): string | undefined => {
    const value = values.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const format = text("format");
  const formats: readonly string[] = command === "check" ? FORMATS : EXPORT_FORMATS;
  if (format !== undefined && !formats.includes(format)) throw new UsageError(`--format takes ${formats.join(", ")}, not "${format}"`);
  const only = (options: readonly string[]): void => {
    const wrong = [...values.keys()].find((name) => !options.includes(name));
    if (wrong !== undefined) throw new UsageError(`--${wrong} is not an option of ${command}`);
  };
  if (command === "export") {
    only(["format", "columns", "config"]);
    if (operands.includes("-")) throw new UsageError("export reads files, not standard input");
    const columns = text("columns")?.split(",").map((c) => c.trim()).filter((c) => c !== "");
    if (columns?.length === 0) throw new UsageError("--columns needs at least one column id");
    return { command, operands, format: (format ?? "json") as ExportFormat, columns, config: text("config") };
  }
  if (values.has("columns")) throw new UsageError("--columns is an option of export");
  const maxWarnings = text("max-warnings");
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number, not "${maxWarnings}"`);
  const maxFileMb = text("max-file-size") ?? String(DEFAULT_MAX_FILE_MB);
  if (!/^\d+(\.\d+)?$/.test(maxFileMb) || Number(maxFileMb) <= 0) throw new UsageError(`--max-file-size takes a size in MB such as 20, not "${maxFileMb}"`);
  const fix = values.get("fix");
  const stdinFilename = text("stdin-filename");
  if (stdinFilename !== undefined && !operands.includes("-")) throw new UsageError("--stdin-filename names standard input: add - to the paths");
  if (fix !== undefined && operands.includes("-")) throw new UsageError("--fix writes files in place and cannot write to standard input");
  const suppressAll = values.has("suppress-all");
  const prune = values.has("prune-suppressions");
  if (suppressAll && prune) throw new UsageError("--suppress-all and --prune-suppressions do different things: use one");
  if ((suppressAll || prune) && operands.includes("-")) throw new UsageError(`${suppressAll ? "--suppress-all" : "--prune-suppressions"} records files on disk, not standard input`);
  return {
    command: "check",
    operands,
    format: (format ?? "text") as Format,
    fix: fix === undefined ? undefined : fix === "all" ? "all" : "normalize",
    config: text("config"),
    quiet: values.has("quiet"),
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    stdinFilename,
    maxFileBytes: Number(maxFileMb) * MB,
    baseline: suppressAll ? "suppress-all" : prune ? "prune" : "check",
  };
}
