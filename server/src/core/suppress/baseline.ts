/**
 * The baseline, in the manner of ESLint's bulk suppressions: a committed file that records, per card
 * and code, how many problems the card had when the checker was adopted. A card then reports a code
 * only when it has more problems of it than recorded (all of them, as ESLint does: which one is new
 * cannot be known). Pure: the CLI and the language server read and write the file; both filter here.
 */
import { CODES } from "../rules/codes";

export const BASELINE_FILE = "model-cards-suppressions.json";

/** Problems per code of one file. */
export type CodeCounts = ReadonlyMap<string, number>;

/** Recorded counts per file, keyed by the path relative to the baseline's folder, with `/`. */
export type Baseline = ReadonlyMap<string, CodeCounts>;

export type BaselineRead = { readonly baseline: Baseline; readonly error?: undefined } | { readonly baseline?: undefined; readonly error: string };

const REWRITE = `run \`model-cards check --suppress-all\` to write it again`;

/** Reads the file's text; anything that is not the format gets one message saying where and what. */
export function parseBaseline(text: string): BaselineRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { error: `it is not valid JSON (${e instanceof Error ? e.message : String(e)}); fix it or ${REWRITE}` };
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(json)) return { error: `it should be a JSON object of files, such as { "_posts/2021-07-07-Codex.md": { "field.missing": { "count": 2 } } }; fix it or ${REWRITE}` };
  const baseline = new Map<string, Map<string, number>>();
  for (const [file, codes] of Object.entries(json)) {
    if (!isObject(codes)) return { error: `the entry of "${file}" should be an object of codes; fix it or ${REWRITE}` };
    const counts = new Map<string, number>();
    for (const [code, entry] of Object.entries(codes)) {
      if (!Object.hasOwn(CODES, code)) return { error: `"${code}" (for "${file}") is not a model-cards diagnostic code; fix it or ${REWRITE}` };
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== "number" || !Number.isInteger(count) || count < 1) return { error: `"${file}" → "${code}" should be { "count": <a whole number from 1> }; fix it or ${REWRITE}` };
      counts.set(code, count);
    }
    baseline.set(file, counts);
  }
  return { baseline };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The file's text: files and codes sorted, one code per line, so a diff shows what changed. */
export function serializeBaseline(baseline: Baseline): string {
  const files = [...baseline.keys()].sort(byName).filter((file) => baseline.get(file)!.size > 0);
  const entries = files.map((file) => {
    const counts = baseline.get(file)!;
    const codes = [...counts.keys()].sort(byName).map((code) => `    ${JSON.stringify(code)}: { "count": ${counts.get(code)!} }`);
    return `  ${JSON.stringify(file)}: {\n${codes.join(",\n")}\n  }`;
  });
  return files.length === 0 ? "{}\n" : `{\n${entries.join(",\n")}\n}\n`;
}

/** How many problems of each code there are. */
export function countCodes(problems: readonly { readonly code?: unknown }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { code } of problems) counts.set(String(code), (counts.get(String(code)) ?? 0) + 1);
  return counts;
}

/** The problems a file reports over its recorded counts: every problem of a code it has more of than recorded. */
export function beyondBaseline<P extends { readonly code?: unknown }>(problems: readonly P[], recorded: CodeCounts | undefined): P[] {
  if (!recorded) return [...problems];
  const counts = countCodes(problems);
  return problems.filter((p) => counts.get(String(p.code))! > (recorded.get(String(p.code)) ?? 0));
}

/** Recorded problems that are gone (fixed) from a file that now has `actual`: what `--prune-suppressions` drops. */
export function gone(recorded: CodeCounts | undefined, actual: CodeCounts): number {
  let total = 0;
  for (const [code, count] of recorded ?? []) total += Math.max(0, count - (actual.get(code) ?? 0));
  return total;
}

/** The recorded counts lowered to what a file now has, so what was fixed cannot come back unreported. */
export function pruned(recorded: CodeCounts, actual: CodeCounts): Map<string, number> {
  const kept = new Map<string, number>();
  for (const [code, count] of recorded) {
    const now = Math.min(count, actual.get(code) ?? 0);
    if (now > 0) kept.set(code, now);
  }
  return kept;
}

/** The key of a file in a baseline at `root` (both as URIs), or undefined for a file outside it. */
export function baselineKey(rootUri: string, uri: string): string | undefined {
  const prefix = rootUri.endsWith("/") ? rootUri : `${rootUri}/`;
  return uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length)) : undefined;
}
