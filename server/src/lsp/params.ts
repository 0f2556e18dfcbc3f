/**
 * Request params as a client may really send them. Types say `textDocument.uri` is a string and
 * `position` two integers, but a broken client can send anything; the server checks the parts a
 * request reads and answers InvalidParams instead of throwing deep inside a feature.
 */
const isInteger = (x: unknown): boolean => typeof x === "number" && Number.isInteger(x);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isPosition = (x: unknown): boolean => isObject(x) && isInteger(x.line) && isInteger(x.character);
const isStrings = (x: unknown): boolean => Array.isArray(x) && x.every((s) => typeof s === "string");

/** Each part of params a request may read, and what it must be. */
const CHECKS = {
  textDocument: { test: (p: Record<string, unknown>) => isObject(p.textDocument) && typeof p.textDocument.uri === "string", expected: "`textDocument.uri`, a string" },
  uri: { test: (p: Record<string, unknown>) => typeof p.uri === "string", expected: "`uri`, a string" },
  position: { test: (p: Record<string, unknown>) => isPosition(p.position), expected: "`position`, a line and a character (integers)" },
  range: { test: (p: Record<string, unknown>) => isObject(p.range) && isPosition(p.range.start) && isPosition(p.range.end), expected: "`range`, a start and an end position" },
  context: {
    test: (p: Record<string, unknown>) => isObject(p.context) && (p.context.only === undefined || (Array.isArray(p.context.only) && p.context.only.every((k) => typeof k === "string"))),
    expected: "`context`, an object (its `only`, when given, a list of kinds)",
  },
  query: { test: (p: Record<string, unknown>) => typeof p.query === "string", expected: "`query`, a string" },
  field: { test: (p: Record<string, unknown>) => p.field === undefined || typeof p.field === "string", expected: "`field`, a string when given" },
  lines: { test: (p: Record<string, unknown>) => Array.isArray(p.lines) && p.lines.every(isInteger), expected: "`lines`, a list of line numbers" },
  tableView: {
    test: (p: Record<string, unknown>) => typeof p.kind === "string" && isStrings(p.columns) && isStrings(p.uris) && (p.format === "csv" || p.format === "markdown"),
    expected: "`kind`, `columns` and `uris` (lists of strings) and `format` (csv or markdown)",
  },
} as const;

export type ParamPart = keyof typeof CHECKS;

/** Why params lack a part the request reads (a message for InvalidParams), or undefined when they are fine. */
export function malformedParams(params: unknown, parts: readonly ParamPart[]): string | undefined {
  if (!isObject(params)) return "The params must be an object.";
  const missing = parts.filter((part) => !CHECKS[part].test(params)).map((part) => CHECKS[part].expected);
  return missing.length > 0 ? `The params need ${missing.join(" and ")}.` : undefined;
}
