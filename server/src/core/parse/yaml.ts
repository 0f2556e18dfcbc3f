/**
 * The one door to the yaml library, for the front matter and the config file alike, with the
 * limits that keep it safe on anything a person (or a fuzzer) types. The library recurses once
 * per level of nesting: a megabyte of `[[[[…` takes it seconds to reject, and past the stack
 * (`? ? ? …` or `- - - …` on one line, a staircase of indents) it throws, or after a few such
 * documents even kills the process while compiling a regular expression. Real front matter and
 * config files nest two or three levels, so deeper nesting is refused before the library sees it.
 */
import { parseDocument } from "yaml";

const MAX_DEPTH = 100;

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;
const isIndicator = (ch: string | undefined): boolean => ch === "-" || ch === "?" || ch === ":";

/**
 * Where the text first nests deeper than MAX_DEPTH, or undefined. A line's block depth is the
 * number of open indentation levels plus the compact indicators (`- `, `? `, `: `) it starts with;
 * flow depth counts `[` and `{` (quotes are not parsed: a false alarm needs 100 open brackets in
 * strings). Both overestimate rather than miss.
 */
function tooDeep(source: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  for (let start = 0; start < source.length; ) {
    const newline = source.indexOf("\n", start);
    const end = newline < 0 ? source.length : newline;
    let i = start;
    while (i < end && isBlank(source.charCodeAt(i))) i++;
    if (i < end && source[i] !== "#" && source[i] !== "\r") {
      const indent = i - start;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > MAX_DEPTH) return i;
      let depth = indents.length;
      while (isIndicator(source[i]) && (i + 1 === end || isBlank(source.charCodeAt(i + 1)) || source[i + 1] === "\r")) {
        if (++depth > MAX_DEPTH) return i;
        i++;
        while (i < end && isBlank(source.charCodeAt(i))) i++;
      }
    }
    for (; i < end; i++) {
      const c = source.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) {
        if (++flow > MAX_DEPTH) return i;
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) {
        flow--;
      }
    }
    start = end + 1;
  }
  return undefined;
}

// Duplicate keys are a syntax error for Jekyll front matter and the config file. The library keeps
// the second pair all the same, so Hub metadata, which reports them itself, reads the same document
// and leaves out the DUPLICATE_KEY errors.
const parseWithLibrary = (source: string) => parseDocument(source, { prettyErrors: false, uniqueKeys: true, strict: false });

export type YamlDocument = ReturnType<typeof parseWithLibrary>;

/** Why the text could not be given to the library at all, with offsets into it. */
export interface YamlRefusal {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** The library's document (syntax errors are in its `errors`), or why the text was refused. */
export type YamlRead = { readonly doc: YamlDocument; readonly refused?: undefined } | { readonly doc?: undefined; readonly refused: YamlRefusal };

/** Reads YAML with the library, within the limits above. Never throws. */
export function readYaml(source: string): YamlRead {
  const deep = tooDeep(source);
  if (deep !== undefined) return { refused: { start: deep, end: deep + 1, message: `YAML nested more than ${MAX_DEPTH} levels deep; nothing here needs more than two or three.` } };
  try {
    return { doc: parseWithLibrary(source) };
  } catch (e) {
    // Not seen below MAX_DEPTH; if the library throws anyway, the author still gets a syntax error.
    const why = e instanceof Error ? e.message.split("\n")[0]! : String(e);
    return { refused: { start: 0, end: source.length, message: `YAML that cannot be read: ${why}` } };
  }
}
