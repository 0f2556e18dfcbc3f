/**
 * The real posts of the nl2code site, when the shared corpus is checked out next to the repo.
 * Read-only: the posts are analyzed and fixed in memory, never copied into the project.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseDocument as parseYaml } from "yaml";
import { offeredFixes, type Analysis } from "../../src/core/analysis";
import { CODES, type Code } from "../../src/core/rules/codes";
import { analyzeCard, applyChecked, CORPUS_POSTS, corpusPosts, problemLines, toCrlf } from "./helpers";

const present = corpusPosts().length > 0;

interface Post {
  readonly name: string;
  readonly text: string;
  readonly analysis: Analysis;
}

/** The YAML between the first two `---` lines, read with the yaml library alone. */
function frontMatterYaml(text: string): { fails: boolean; tags: string[] } {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return { fails: false, tags: [] };
  const close = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === "---" || l.trimEnd() === "..."));
  if (close < 0) return { fails: true, tags: [] };
  const doc = parseYaml(lines.slice(1, close).join("\n"));
  const data: unknown = doc.errors.length > 0 ? undefined : doc.toJS();
  const tags = (data as { tags?: unknown } | undefined)?.tags;
  return { fails: doc.errors.length > 0, tags: Array.isArray(tags) ? tags.map(String) : typeof tags === "string" ? [tags] : [] };
}

/** A card by the corpus's own conventions: tagged as one, with top-level bullets in its body. */
function looksLikeCard(text: string): boolean {
  const { tags } = frontMatterYaml(text);
  return (tags.includes("models") || tags.includes("benchmarks")) && /^[-+*] /m.test(text.replace(/^---[\s\S]*?\n---/, ""));
}

/** Failures collected over every post, so one run lists them all. */
function expectNone(failures: readonly string[], what: string): void {
  if (failures.length > 0) assert.fail(`${failures.length} post(s) ${what}:\n${failures.join("\n")}`);
}

describe("the nl2code corpus", { skip: present ? false : `no corpus at ${CORPUS_POSTS}` }, () => {
  const posts: Post[] = [];
  const cards = (): Post[] => posts.filter((p) => p.analysis.model);

  test("every post analyzes without throwing", () => {
    const failures: string[] = [];
    for (const { name, text, uri } of corpusPosts()) {
      try {
        posts.push({ name, text, analysis: analyzeCard(text, { uri }) });
      } catch (e) {
        failures.push(`${name}: ${String(e)}`);
      }
    }
    expectNone(failures, "threw");
    assert.ok(posts.length > 0, "the corpus has posts");
    const totals = new Map<Code, number>();
    for (const post of posts) for (const p of post.analysis.problems) totals.set(p.code, (totals.get(p.code) ?? 0) + 1);
    const clean = cards().filter((p) => p.analysis.problems.length === 0).length;
    const table = Object.keys(CODES).filter((c) => totals.has(c as Code)).map((c) => `  ${c}: ${totals.get(c as Code)!}`);
    console.log(`corpus: ${posts.length} posts, ${cards().length} cards, ${clean} clean cards\n${table.join("\n")}`);
  });

  test("front-matter.syntax only where the yaml library fails to parse the front matter too", () => {
    const failures = posts.flatMap((post) => {
      const reported = post.analysis.problems.some((p) => p.code === "front-matter.syntax");
      const fails = frontMatterYaml(post.text).fails;
      return post.analysis.model && reported !== fails ? [`${post.name}: reported ${String(reported)}, yaml fails ${String(fails)}`] : [];
    });
    expectNone(failures, "disagree with the yaml library");
  });

  test("posts that are not cards, and index pages that borrow a card tag, get no problems", () => {
    const others = posts.filter((p) => !looksLikeCard(p.text));
    assert.ok(others.some((p) => p.name === "2000-01-01-Metrics.md"), "the Metrics index page is among them");
    expectNone(others.filter((p) => p.analysis.model || p.analysis.problems.length > 0).map((p) => `${p.name}: ${p.analysis.problems.map((x) => x.code).join(", ")}`), "that are not cards were checked");
  });

  test("every post that looks like a card is analyzed as its kind of card", () => {
    expectNone(posts.filter((p) => looksLikeCard(p.text) && !p.analysis.model).map((p) => p.name), "were not recognised");
  });

  test("with CRLF line endings every post gets the same problems on the same lines", () => {
    const failures = posts.flatMap((post) => {
      const lf = problemLines(post.analysis);
      const crlf = problemLines(analyzeCard(toCrlf(post.text), { uri: post.analysis.uri }));
      return JSON.stringify(lf) === JSON.stringify(crlf) ? [] : [`${post.name}: LF ${lf.join(", ")}; CRLF ${crlf.join(", ")}`];
    });
    expectNone(failures, "differ with CRLF");
  });

  test("every fix offered, applied alone, loses nothing and leaves text that analyzes", () => {
    let applied = 0;
    const failures: string[] = [];
    for (const post of cards()) {
      for (const problem of post.analysis.problems) {
        for (const fix of offeredFixes(post.analysis, problem)) {
          try {
            analyzeCard(applyChecked(post.text, fix.edits, fix.replaces), { uri: post.analysis.uri });
            applied++;
          } catch (e) {
            failures.push(`${post.name}: ${problem.code} "${fix.title}": ${e instanceof Error ? e.message.split("\n")[0]! : String(e)}`);
          }
        }
      }
    }
    expectNone(failures, "have a bad fix");
    assert.ok(applied > 0);
  });
});
