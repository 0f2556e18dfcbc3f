// The front matter fast path must read exactly what the yaml library reads, or leave the text to it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { parseSimpleYaml, parseYamlDocument } from "../../src/core/parse/frontMatter";
import { corpusPosts, REPO_ROOT } from "./helpers";

/** The YAML between the opening `---` and the next `---` line. */
function frontMatterOf(text: string): string {
  const match = /^---\r?\n([\s\S]*?\r?\n)---/.exec(text);
  assert.ok(match, "no front matter");
  return match[1]!;
}

/** Fails unless the fast path either declines or gives the yaml library's entries, with no error from it. */
function assertAgrees(source: string): boolean {
  const fast = parseSimpleYaml(source, 7);
  if (fast === undefined) return false;
  const full = parseYamlDocument(source, 7);
  assert.deepEqual(full.errors, [], `the fast path read YAML that has errors: ${JSON.stringify(source)}`);
  assert.deepEqual(fast, full.entries, `the fast path disagrees on ${JSON.stringify(source)}`);
  return true;
}

const VALUES = [
  "Codex", "2021-07-07 00:00:00 +0800", "coder", "CodeT5+ model", "C#", "https://example.com/a?b=c", "a, b", "a - b", "emoji 🧪 here", "a  b",
  "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "null", "Null", "NULL", "~", "tRue",
  "123", "-1", "+7", "0x1F", "0o17", "1.5", ".5", "5.", "1e3", "-2.5E-3", ".inf", "-.Inf", ".nan", "1_000", "2021-07-07", "12:30",
  "[models]", "[models, benchmarks]", "[ models ,benchmarks ]", "[]", "[ ]", "[a,]", "[a,,b]", "[true]", "[1]", "[a: b]", "[a # b]", "[[a]]", "[a] b", "[a b]", "['a']",
  "'quoted'", "\"double\"", "a # comment", "a#b", "a: b", "a:", "a:b", "- a", "-a", "? a", ":a", "{a: b}", "a {b}", "*alias", "&anchor a", "!tag a", "|", ">", "%x", "@x", "`x`",
  "a\tb", "\u00a0x", "x\u0085y", "x\u2028y", "x\u2029", "x\ufeffy", "\ud800x", "x\r\ny",
  // Whitespace other than a space, where the fast path's character tests look: first, last, alone.
  "\u3000x", "\u2003x", "\u1680x", "\ufeffx", "\u2028x", "\tx", "x\u00a0", "x\u3000", "x\t", "\u00a0", "x \u00a0 y",
  "[\u00a0a]", "[a\u00a0]", "[a,\u3000b]", "[\u2003]", "[a, b\u00a0 ]", "[ a , b ]",
];
const KEYS = ["title", "tags", "a-b", "_k", "K9", "true", "null", "1", "key x", "-k", "k".repeat(100), "k".repeat(101), "Ünï", "k\u00a0", "\u00a0k", "k\t", "TRUE", "~"];

void describe("the front matter fast path", () => {
  test("agrees with the yaml library on every value, key and layout it accepts", () => {
    let fast = 0;
    const layouts = (key: string, value: string): string[] => [
      `${key}: ${value}\n`,
      `${key}: ${value}   \n`,
      `${key}:  ${value}\r\n`,
      `${key}:${value}\n`,
      `${key}:\t${value}\n`,
      `${key}: ${value}\t\n`,
      `${key}: ${value}\r`,
      `${key} : ${value}\n`,
      `  ${key}: ${value}\n`,
      `title: Codex\n\n${key}: ${value}\nauthor: coder\n`,
      `title: Codex\n${key}: ${value}\n  continued\n`,
      `${key}: ${value}\n${key}: ${value}\n`,
      `${key}:\n`,
      `${key}: ${value}`,
    ];
    for (const key of KEYS) for (const value of VALUES) for (const source of layouts(key, value)) if (assertAgrees(source)) fast++;
    for (const source of ["", "\n", "   \n", "# comment\ntitle: x\n", "title: x # c\n", "...\n", "%YAML 1.2\n", "title: x\r", "\ttitle: x\n"]) assertAgrees(source);
    // The bar above is only worth something if the fast path takes a good share of the cases.
    assert.ok(fast > 500, `only ${fast} cases took the fast path`);
  });

  test("agrees with the yaml library on random lines made of the characters YAML treats specially", () => {
    const alphabet = ["a", "b", "Z", "\u2028", "0", "1", ".", "e", " ", " ", ":", "#", ",", "[", "]", "{", "}", "-", "+", "'", "\"", "!", "&", "*", "|", ">", "?", "~", "\t", "\r", "\n", "\n", "_", "🧪", "\u00a0", "\u3000", "\ufeff"];
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let fast = 0;
    for (let i = 0; i < 20000; i++) {
      const value = Array.from({ length: 1 + random(12) }, () => alphabet[random(alphabet.length)]!).join("");
      if (assertAgrees(`title: Codex\ntags${random(3) === 0 ? "" : String(random(3))}: ${value}\n`)) fast++;
    }
    assert.ok(fast > 1000, `only ${fast} random cases took the fast path`);
  });

  test("reads the front matter of the fixture and of every corpus post (so they never need the yaml library)", () => {
    const texts = [readFileSync(path.join(REPO_ROOT, "server/test/fixtures/codex.md"), "utf8"), ...corpusPosts().map((p) => p.text)];
    for (const text of texts) assert.ok(assertAgrees(frontMatterOf(text)), `the fast path declined ${JSON.stringify(frontMatterOf(text))}`);
  });
});
