/**
 * Globs for paths (`/`-separated), as card globs and the CLI's operands use them: `*` and `?` within
 * a folder name, `**` as a whole name for any number of folders, `[abc]`, `[a-z]`, `[!a]`, `{a,b}`
 * (nested, or a range `{1..9}`) and `\` before a character to take it literally. Every other
 * character is itself. With `dot: false`, a name that starts with `.` is matched only by a pattern
 * that spells the `.` out. It is picomatch's grammar for these (server/test/core/glob.test.ts compares
 * the two) without its extglobs and POSIX classes, in a fraction of its 24 KiB of bundle.
 */

export interface GlobOptions {
  /** Whether `*`, `?` and `**` match names that start with `.` (`.github`, `.draft.md`). */
  readonly dot: boolean;
}

/** Brace expansion stops here, so a pattern like `{a,b}{a,b}…` cannot take the server down. */
const MAX_ALTERNATIVES = 1024;

/** The top-level `{…}` of `pattern` from `open`: its alternatives, and the index after its `}`. */
function braceAt(pattern: string, open: number): { alternatives: string[]; end: number } | undefined {
  let depth = 0;
  let start = open + 1;
  const parts: string[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      parts.push(pattern.slice(start, i));
      if (parts.length > 1) return { alternatives: parts, end: i + 1 };
      const range = /^(-?\d+)\.\.(-?\d+)$/.exec(parts[0]!);
      if (!range) return undefined;
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (Math.abs(to - from) >= MAX_ALTERNATIVES) return undefined;
      const step = from <= to ? 1 : -1;
      const numbers: string[] = [];
      for (let n = from; n !== to + step; n += step) numbers.push(String(n));
      return { alternatives: numbers, end: i + 1 };
    } else if (c === "," && depth === 1) {
      parts.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  return undefined;
}

/** The patterns without braces that `pattern` stands for; a brace with one alternative and no range is literal. */
function expandBraces(pattern: string): string[] {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "{") {
      const brace = braceAt(pattern, i);
      if (!brace) continue;
      const head = pattern.slice(0, i);
      const tails = expandBraces(pattern.slice(brace.end));
      const expanded = brace.alternatives.flatMap((alternative) => expandBraces(alternative).flatMap((middle) => tails.map((tail) => head + middle + tail)));
      // Past the cap the braces are taken literally, as for a brace that is not closed.
      return expanded.length <= MAX_ALTERNATIVES ? expanded : [pattern];
    }
  }
  return [pattern];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `[…]` at `open` in `segment`, as a regular expression class that never matches `/`, and the index after it. */
function classAt(segment: string, open: number): { source: string; end: number } | undefined {
  let i = open + 1;
  const negated = segment[i] === "!" || segment[i] === "^";
  if (negated) i++;
  // A `]` first is a member, not the end.
  const close = segment.indexOf("]", segment[i] === "]" ? i + 1 : i);
  if (close < 0) return undefined;
  const members = segment.slice(i, close).replace(/\\(.)/g, "$1").replace(/[\\\]^[]/g, "\\$&");
  const source = negated ? `[^/${members}]` : `[${members}]`;
  try {
    new RegExp(source);
  } catch {
    // A range out of order (`[z-a]`): taken literally, as a class that is not closed.
    return undefined;
  }
  return { source, end: close + 1 };
}

/** One folder or file name of a pattern (no `/`, not `**`) as a regular expression. */
function segmentSource(segment: string, dot: boolean): string {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") {
      while (segment[i + 1] === "*") i++;
      source += segment.length === 1 ? "[^/]+" : "[^/]*";
    } else if (c === "?") {
      source += "[^/]";
    } else if (c === "[") {
      const klass = classAt(segment, i);
      source += klass ? klass.source : "\\[";
      if (klass) i = klass.end - 1;
    } else if (c === "\\" && i + 1 < segment.length) {
      source += escapeRegExp(segment[++i]!);
    } else {
      source += escapeRegExp(c);
    }
  }
  // `.` and `..` are never matched by a wildcard; other dot names only with `dot`.
  if (segment[0] !== "*" && segment[0] !== "?") return source;
  return (dot ? "(?!\\.{1,2}(?:/|$))" : "(?!\\.)") + source;
}

/** A pattern without braces as a regular expression source, anchored by the caller. */
function braceFreeSource(pattern: string, dot: boolean): string {
  // `**/**` is `**`, and as two it would make the regular expression backtrack for each way to split the folders.
  const segments = pattern.replace(/^(?:\.\/)+/, "").split("/").filter((segment, i, all) => segment !== "**" || all[i + 1] !== "**");
  // A folder name `**` may match: any name but `.`/`..`, and with `dot` false none that starts with `.`.
  const folder = dot ? "(?!\\.{1,2}(?:/|$))[^/]*" : "(?!\\.)[^/]*";
  let source = "";
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment !== "**") source += segmentSource(segment, dot) + (last ? "" : "/");
    // `a/**/b` matches `a/b`: a globstar takes its `/` with it.
    else if (!last) source += `(?:${folder}/)*`;
    // `a/**` matches `a` itself too; a pattern `**`, any path.
    else if (source.endsWith("/")) source = `${source.slice(0, -1)}(?:/${folder})*/?`;
    else source += `(?:${folder}(?:/${folder})*)?`;
  });
  return source;
}

/** The source of a regular expression that matches what `pattern` matches, unanchored. */
export function globSource(pattern: string, options: GlobOptions): string {
  return expandBraces(pattern)
    .map((alternative) => braceFreeSource(alternative, options.dot))
    .join("|");
}

/** Whether a whole path matches `pattern`. */
export function globMatcher(pattern: string, options: GlobOptions): (path: string) => boolean {
  const regexp = new RegExp(`^(?:${globSource(pattern, options)})$`);
  return (path) => regexp.test(path);
}

/** True when `text` has a wildcard or a brace, and so names files by pattern rather than one path. */
const hasWildcard = (text: string): boolean => /(?:^|[^\\])(?:\\\\)*[*?[{]/.test(text);

/**
 * The folder a glob's matches all lie under (the names before the first one with a wildcard, `""`
 * when it starts with one), and whether it is a glob at all: where the CLI starts walking.
 */
export function globBase(pattern: string): { base: string; isGlob: boolean } {
  const segments = pattern.replace(/^(?:\.\/)+/, "").split("/");
  const first = segments.findIndex(hasWildcard);
  if (first < 0) return { base: pattern, isGlob: false };
  return { base: segments.slice(0, first).join("/") || (pattern.startsWith("/") ? "/" : ""), isGlob: true };
}
