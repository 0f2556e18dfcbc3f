/**
 * The core's globs (card globs, the CLI's glob operands) took the place of picomatch: they must
 * match what picomatch matched for the grammar they keep. A table says what users rely on; random
 * patterns from that grammar are compared with picomatch itself (a devDependency for this).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import picomatch from "picomatch";
import { globBase, globMatcher } from "../../src/core/project/glob";
import { cardGlobMatcher, DEFAULT_SETTINGS } from "../../src/core/settings";

/** `[pattern, path, matches with dot false, matches with dot true]`. */
const TABLE: readonly (readonly [string, string, boolean, boolean])[] = [
  ["*.md", "a.md", true, true],
  ["*.md", "a/b.md", false, false],
  ["*.md", ".draft.md", false, true],
  ["_posts/*.md", "_posts/2024-01-01-x.md", true, true],
  ["**/*.md", "a.md", true, true],
  ["**/*.md", "a/b/c.md", true, true],
  ["**/*.md", "a/.git/c.md", false, true],
  ["a/**/b.md", "a/b.md", true, true],
  ["a/**/b.md", "a/x/y/b.md", true, true],
  ["a/**", "a/x/y.md", true, true],
  ["**/cards/**/*.md", "site/cards/2024/x.md", true, true],
  ["?.md", "a.md", true, true],
  ["?.md", "ab.md", false, false],
  ["a?b.md", "a/b.md", false, false],
  ["[ab].md", "b.md", true, true],
  ["[a-c]x.md", "cx.md", true, true],
  ["[^a].md", "a.md", false, false],
  ["[^a].md", "b.md", true, true],
  ["{a,b}.md", "b.md", true, true],
  ["{a,b/c}/d.md", "b/c/d.md", true, true],
  ["x/{a,{b,c}}.md", "x/c.md", true, true],
  ["*.{md,MD}", "a.MD", true, true],
  ["{1..3}.md", "2.md", true, true],
  ["{1..3}.md", "4.md", false, false],
  ["a.{md}", "a.{md}", true, true],
  ["\\*.md", "*.md", true, true],
  ["\\*.md", "a.md", false, false],
  ["./x/*.md", "x/a.md", true, true],
  ["*", ".", false, false],
  ["**", "a/.b", false, true],
];

describe("globs", () => {
  test("match what the table says, as picomatch does", () => {
    for (const [pattern, path, plain, dot] of TABLE) {
      assert.equal(globMatcher(pattern, { dot: false })(path), plain, `${pattern} ${path}`);
      assert.equal(globMatcher(pattern, { dot: true })(path), dot, `${pattern} ${path} (dot)`);
      assert.equal(picomatch(pattern)(path), plain, `picomatch: ${pattern} ${path}`);
      assert.equal(picomatch(pattern, { dot: true })(path), dot, `picomatch: ${pattern} ${path} (dot)`);
    }
  });

  test("[!…] negates, as in the shell and VS Code (picomatch 4 reads it as the characters ! and …)", () => {
    assert.equal(globMatcher("[!a].md", { dot: false })("b.md"), true);
    assert.equal(globMatcher("[!a].md", { dot: false })("a.md"), false);
  });

  test("`**` inside a name is `*`, whatever follows it: only a whole `**` name spans folders", () => {
    for (const glob of ["**a", "**{a,b}", "**[ab]", "**?"]) {
      assert.equal(globMatcher(glob, { dot: false })("a"), true, glob);
      assert.equal(globMatcher(glob, { dot: false })("x/a"), false, glob);
    }
    assert.equal(globMatcher("**.md", { dot: false })("x.md"), true);
    assert.equal(globMatcher("**.md", { dot: false })("a/x.md"), false);
    assert.equal(globMatcher("**/{a,b}", { dot: false })("x/y/a"), true);
  });

  test("a `.` before a range is a dot, not any character (picomatch lets `a.{1..2}` match `a/1`)", () => {
    assert.equal(globMatcher("a.{1..2}", { dot: false })("a.1"), true);
    assert.equal(globMatcher("a.{1..2}", { dot: false })("a/1"), false);
  });

  test("random patterns of the grammar match random paths as picomatch does", () => {
    const name = fc.constantFrom("a", "b", "ab", ".a", "a.md", ".md", "x.md", "1");
    const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((names) => names.join("/"));
    const piece = fc.constantFrom("a", "b", ".", ".md", "*", "?", "[ab]", "[^a]", "[a-c]", "{a,b}", "{a,.md}", "{1..2}", "x", "\\*");
    const segment = fc.oneof({ weight: 5, arbitrary: fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join("")) }, { weight: 1, arbitrary: fc.constant("**") });
    // picomatch lets `a/**` match `a` only when `a` has no wildcard, and `*/**` never matches one name:
    // the core's globstar at the end matches its folder alike, so such patterns are left out. So are
    // names that start with `**` and go on: picomatch lets `**{a,b}` and `**.md` cross folders though
    // `**a` and `**?` do not; the core reads `**` inside a name as `*` in all of them (the test above).
    // And picomatch reads the `.` before a range as any character, `/` included (`a.{1..2}` matches
    // `a/1`), which the core does not.
    const pattern = fc
      .array(segment, { minLength: 1, maxLength: 3 })
      .filter((segments) => (segments.length === 1 || segments.at(-1) !== "**") && !segments.some((s) => (s.startsWith("**") && s !== "**") || s.includes(".{1..2}")))
      .map((segments) => segments.join("/"));
    fc.assert(
      fc.property(pattern, fc.array(path, { minLength: 1, maxLength: 8 }), fc.boolean(), (glob, paths, dot) => {
        const ours = globMatcher(glob, { dot });
        const theirs = picomatch(glob, { dot });
        for (const p of paths) assert.equal(ours(p), theirs(p), `${glob} ${p} dot=${dot}`);
      }),
      // Seeded, as the project's other generated tests are: a run CI cannot repeat is no help.
      // Unseeded runs of 150,000 patterns found the two picomatch differences left out above.
      { numRuns: 2000, seed: 20261201 },
    );
  });

  test("a hostile pattern neither throws nor hangs", () => {
    const start = performance.now();
    for (const glob of ["{a,b}".repeat(40), "[z-a].md", "{1..1000000}", "[", "{", "a\\", "**/**/**/**/**/**/**/**/x"]) {
      const isMatch = globMatcher(glob, { dot: false });
      isMatch(`${"a/".repeat(30)}b.md`);
    }
    assert.equal(globMatcher("[z-a].md", { dot: false })("[z-a].md"), true);
    assert.ok(performance.now() - start < 2000);
  });

  test("the base to walk from and whether an operand is a glob, as picomatch.scan says", () => {
    for (const operand of ["src/*.md", "*.md", "/abs/dir/**/*.md", "./x/*.md", "a\\*b/c", "a/{b,c}/d", "x/y", "a/[bc]/*.md", "a?/b", "/*.md", "_posts"]) {
      const { base, isGlob } = picomatch.scan(operand);
      assert.deepEqual(globBase(operand), { base, isGlob }, operand);
    }
  });
});

describe("card globs", () => {
  test("match the whole path or any trailing part of it", () => {
    const isCard = cardGlobMatcher({ ...DEFAULT_SETTINGS, cardGlobs: ["_drafts/*.md", "/abs/site/x.md"] });
    assert.equal(isCard("file:///home/u/site/_drafts/a.md"), true);
    assert.equal(isCard("file:///abs/site/x.md"), true);
    assert.equal(isCard("file:///home/u/site/_drafts/deep/a.md"), false);
    assert.equal(isCard("file:///home/u/site/my_drafts/a.md"), false);
    assert.equal(isCard("vscode-vfs://github/o/r/_drafts/b.md"), true);
  });

  test("dot files count", () => {
    assert.equal(cardGlobMatcher({ ...DEFAULT_SETTINGS, cardGlobs: ["**/*.md"] })("file:///w/.github/README.md"), true);
  });
});
