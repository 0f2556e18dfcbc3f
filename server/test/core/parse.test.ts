import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { analyze } from "../../src/core/analysis";
import { indentOf, markerOf, type ListItem } from "../../src/core/parse/body";
import { itemAtLine, parseDocument, type ParsedDocument } from "../../src/core/parse/document";
import { namesSection, parseHeadings } from "../../src/core/parse/markdownSections";
import type { Span } from "../../src/core/text/span";

const slice = (doc: ParsedDocument, span: Span | undefined): string | undefined => (span ? doc.text.slice(span.start, span.end) : undefined);
const heads = (doc: ParsedDocument): string[] => doc.items.map((i) => slice(doc, i.head)!);
const item = (doc: ParsedDocument, head: string): ListItem => {
  const found = doc.items.find((i) => slice(doc, i.head) === head);
  assert.ok(found, `no item ${head}`);
  return found;
};

describe("parseDocument on odd documents", () => {
  test("empty text", () => {
    const doc = parseDocument("");
    assert.equal(doc.frontMatter, undefined);
    assert.equal(doc.bodyLine, 0);
    assert.deepEqual(doc.items, []);
    assert.equal(doc.eol, "\n");
  });

  test("only front matter, without a final line break", () => {
    const doc = parseDocument("---\ntitle: x\ntags: [models]\n---");
    assert.equal(doc.frontMatter?.closed, true);
    assert.deepEqual(doc.frontMatter.entries.map((e) => [e.key, e.value]), [["title", "x"], ["tags", ["models"]]]);
    assert.equal(doc.bodyLine, 4);
    assert.deepEqual(doc.items, []);
  });

  test("empty front matter", () => {
    const doc = parseDocument("---\n---\n- a\n");
    assert.deepEqual(doc.frontMatter?.entries, []);
    assert.deepEqual(doc.frontMatter.errors, []);
    assert.deepEqual(heads(doc), ["a"]);
  });

  test("no front matter: a `---` later on is a thematic break, not front matter", () => {
    const doc = parseDocument("- 📙Paper: x\n\n---\ntitle: y\n---\n");
    assert.equal(doc.frontMatter, undefined);
    assert.deepEqual(heads(doc), ["📙Paper"]);
  });

  test("a BOM before `---` still opens front matter; offsets count the BOM", () => {
    const text = "\ufeff---\ntitle: x\n---\n- 📙Paper: y\n";
    const doc = parseDocument(text);
    const fm = doc.frontMatter!;
    const title = fm.entries[0]!;
    assert.equal(title.key, "title");
    assert.deepEqual(title.keySpan, { start: 5, end: 10 });
    assert.equal(slice(doc, title.keySpan), "title");
    assert.equal(fm.span.start, 1);
    assert.equal(item(doc, "📙Paper").line, 3);
  });

  test("a BOM before a bullet: the first line is still a bullet", () => {
    const doc = parseDocument("\ufeff- 📙Paper: y\n");
    assert.deepEqual(heads(doc), ["📙Paper"]);
    assert.deepEqual(markerOf(doc.items[0]!), { start: 1, end: 2 });
  });

  test("CRLF: spans stop before the CR", () => {
    const doc = parseDocument("---\r\ntitle: x\r\n---\r\n- 📚Publisher: `arxiv`\r\n  + a\r\n");
    assert.equal(doc.eol, "\r\n");
    assert.equal(doc.frontMatter?.entries[0]?.value, "x");
    assert.equal(slice(doc, doc.items[0]!.value), "`arxiv`");
    assert.equal(slice(doc, doc.items[0]!.lineSpan), "- 📚Publisher: `arxiv`");
    assert.equal(doc.items[1]!.parent, doc.items[0]);
  });

  test("tabs indent to the next multiple of 4 columns", () => {
    const doc = parseDocument("- A\n\t+ B\n\t\t* C\n  \t* D\n");
    assert.deepEqual(doc.items.map((i) => [slice(doc, i.head), i.indentWidth, i.depth]), [["A", 0, 1], ["B", 4, 2], ["C", 8, 3], ["D", 4, 2]]);
    assert.equal(item(doc, "D").parent, item(doc, "A"));
  });

  test("unclosed front matter is an error on the opening line and the rest is front matter", () => {
    const text = "---\ntitle: x\ntags: [models]\n\n- 📙Paper: y\n";
    const doc = parseDocument(text);
    const fm = doc.frontMatter!;
    assert.equal(fm.closed, false);
    assert.equal(fm.errors.length, 1);
    assert.deepEqual(fm.errors[0]!.span, { start: 0, end: 3 });
    assert.equal(doc.bodyLine, doc.lines.length);
    assert.deepEqual(doc.items, []);
  });

  test("a YAML syntax error has its span inside the front matter", () => {
    const text = "---\ntitle: TinyEval: a sequel\ntags: [models]\n---\n- a\n";
    const fm = parseDocument(text).frontMatter!;
    assert.ok(fm.errors.length > 0);
    for (const error of fm.errors) {
      assert.ok(error.span.start >= fm.content.start && error.span.end <= fm.content.end, JSON.stringify(error));
      assert.match(error.message, /^YAML: /);
    }
    assert.ok(fm.errors.some((e) => e.span.start >= text.indexOf("title") && e.span.start < text.indexOf("tags")), "the error points at the title line");
    assert.deepEqual(fm.entries, []);
  });

  test("an unclosed flow list is a YAML error inside the front matter (at worst on its closing line)", () => {
    const fm = parseDocument("---\ntags: [models\n---\n- a\n").frontMatter!;
    assert.ok(fm.errors.length > 0);
    for (const error of fm.errors) assert.ok(error.span.start >= fm.content.start && error.span.end <= fm.span.end, JSON.stringify(error));
  });

  test("front matter that is not a mapping is an error", () => {
    const fm = parseDocument("---\n- a\n- b\n---\n").frontMatter!;
    assert.equal(fm.errors.length, 1);
    assert.match(fm.errors[0]!.message, /mapping/);
  });

  test("a duplicate key is an error", () => {
    assert.ok(parseDocument("---\ntags: [models]\ntags: [benchmarks]\n---\n").frontMatter!.errors.length > 0);
  });

  test("an alias bomb (billion laughs) is an error, not a hang", () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const fm = parseDocument(`---\n${levels.join("\n")}\ntags: [models]\n---\n- a\n`).frontMatter!;
    assert.equal(fm.errors.length, 1);
    assert.match(fm.errors[0]!.message, /alias/i);
    assert.deepEqual(fm.entries, []);
  });

  test("a 5 MB card parses, every bullet counted, and analyzes", () => {
    const sources = 100_000;
    const lines = ["---", "title: Big", "tags: [models]", "---", "- 🗂️Data pre-processing", "  + Data Resource"];
    for (let i = 0; i < sources; i++) lines.push(`    * source ${String(i).padStart(6, "0")}: files from a public code host, deduplicated`);
    const text = lines.join("\n");
    assert.ok(text.length >= 5_000_000, `${text.length} characters`);
    const doc = parseDocument(text);
    assert.equal(doc.items.length, sources + 2);
    const resource = doc.items[1]!;
    assert.equal(resource.children.length, sources);
    assert.equal(resource.subtreeLastLine, doc.lines.length - 1);
    assert.equal(doc.items[0]!.subtreeEnd, text.length);
    const codes = new Set(analyze("file:///big.md", text, { forcedCard: false, today: new Date() }).problems.map((p) => p.code));
    assert.deepEqual([...codes].sort(), ["field.missing", "front-matter.missing-key", "section.missing"], "the whole card is checked too, and none of its bullets is a problem");
  });

  test("bullets inside fenced code are not items", () => {
    const doc = parseDocument(["- A", "```markdown", "- fenced", "  + [x] fenced", "```", "- B", "~~~", "- tilde", "```", "- still tilde", "~~~", "- C"].join("\n"));
    assert.deepEqual(heads(doc), ["A", "B", "C"]);
  });

  test("a fence closes only on a fence at least as long as the one that opened it", () => {
    const doc = parseDocument(["- A", "````markdown", "```yaml", "- still fenced", "```", "````", "- B"].join("\n"));
    assert.deepEqual(heads(doc), ["A", "B"]);
  });

  test("an unclosed fence hides everything after it", () => {
    assert.deepEqual(heads(parseDocument("- A\n```\n- B\n- C\n")), ["A"]);
  });
});

describe("checkboxes", () => {
  const cases: readonly { line: string; inner?: string; state?: string; content: string }[] = [
    { line: "- [ ] option", inner: " ", state: "unchecked", content: "option" },
    { line: "- [x] option", inner: "x", state: "checked", content: "option" },
    { line: "- [X] option", inner: "X", state: "checked", content: "option" },
    { line: "- [] option", inner: "", state: "malformed", content: "option" },
    { line: "- [ x] option", inner: " x", state: "malformed", content: "option" },
    { line: "- [v] option", inner: "v", state: "malformed", content: "option" },
    { line: "- [✓] option", inner: "✓", state: "malformed", content: "option" },
    { line: "- [x]", inner: "x", state: "checked", content: "" },
    { line: "- [a](b)", content: "[a](b)" },
    { line: "- [x](https://example.org)", content: "[x](https://example.org)" },
    { line: "- [1] footnote", content: "[1] footnote" },
    // Text right after `]` is no task item to GitHub, but it is one mistyped: malformed, so the fix can add the space.
    { line: "- [xx]option", inner: "xx", state: "malformed", content: "option" },
    { line: "- [x]Decoder-Only", inner: "x", state: "malformed", content: "Decoder-Only" },
  ];
  for (const c of cases) {
    test(c.line, () => {
      const doc = parseDocument(c.line);
      const it = doc.items[0]!;
      assert.equal(it.checkbox?.inner, c.inner);
      assert.equal(it.checkbox?.state, c.state);
      if (it.checkbox) assert.deepEqual(it.checkbox.span, { start: 2, end: 4 + c.inner!.length });
      assert.equal(slice(doc, it.content), c.content);
    });
  }
});

describe("item spans", () => {
  test("every span of `  + learning rate: `1e-4`` is exact", () => {
    const doc = parseDocument("  + learning rate: `1e-4`   ");
    const it = doc.items[0]!;
    assert.deepEqual(
      { indent: indentOf(it), marker: markerOf(it), head: it.head, colon: it.colon, value: it.value, content: it.content, lineSpan: it.lineSpan },
      { indent: { start: 0, end: 2 }, marker: { start: 2, end: 3 }, head: { start: 4, end: 17 }, colon: 17, value: { start: 19, end: 25 }, content: { start: 4, end: 25 }, lineSpan: { start: 0, end: 28, next: 28 } },
    );
    assert.equal(it.markerChar, "+");
    assert.equal(it.checkbox, undefined);
    assert.equal(slice(doc, it.head), "learning rate");
    assert.equal(slice(doc, it.value), "`1e-4`");
  });

  test("a checkbox item: checkbox, then head", () => {
    const doc = parseDocument("    * [x] Cosine");
    const it = doc.items[0]!;
    assert.deepEqual(it.checkbox?.span, { start: 6, end: 9 });
    assert.deepEqual(it.head, { start: 10, end: 16 });
    assert.equal(it.colon, undefined);
    assert.equal(it.value, undefined);
  });

  test("the separator is the first colon followed by a space or the end, else the first that starts no URL", () => {
    const doc = parseDocument("- 📙Paper: [A: B](https://x.org/a:b)\n- 🔑Public:\n- 🔗URL:https://x.org\n- 🔑Public:✅\n- see https://x.org\n");
    assert.equal(slice(doc, doc.items[0]!.head), "📙Paper");
    assert.equal(slice(doc, doc.items[0]!.value), "[A: B](https://x.org/a:b)");
    assert.equal(slice(doc, doc.items[1]!.value), "");
    assert.equal(doc.items[1]!.value!.start, doc.items[1]!.lineSpan.end);
    assert.equal(slice(doc, doc.items[2]!.value), "https://x.org");
    assert.equal(slice(doc, doc.items[3]!.value), "✅");
    assert.equal(doc.items[4]!.colon, undefined);
  });

  test("a bare marker is an item with empty content", () => {
    const doc = parseDocument("- 📙Paper: x\n-\n  + \n");
    assert.deepEqual(doc.items.map((i) => slice(doc, i.content)), ["📙Paper: x", "", ""]);
  });

  test("`-text` without a space is not a bullet", () => {
    assert.deepEqual(parseDocument("-not a bullet\n*emphasis*\n").items, []);
  });
});

describe("the bullet tree", () => {
  const text = [
    "- A", //         0
    "  + B", //       1
    "    * C", //     2
    "      more C", // 3  continuation of C
    "", //            4
    "    * D", //     5
    "  + E", //       6
    "    continues E", // 7
    "- F", //         8
    "Paragraph", //   9
    "  + G", //       10
  ].join("\n");
  const doc = parseDocument(text);

  test("depth, parent and children follow indentation", () => {
    assert.deepEqual(doc.items.map((i) => [slice(doc, i.head), i.depth, i.parent ? slice(doc, i.parent.head) : undefined]), [
      ["A", 1, undefined], ["B", 2, "A"], ["C", 3, "B"], ["D", 3, "B"], ["E", 2, "A"], ["F", 1, undefined], ["G", 1, undefined],
    ]);
    assert.deepEqual(item(doc, "A").children.map((c) => slice(doc, c.head)), ["B", "E"]);
    assert.deepEqual(item(doc, "B").children.map((c) => slice(doc, c.head)), ["C", "D"]);
    assert.deepEqual(doc.roots.map((r) => slice(doc, r.head)), ["A", "F", "G"]);
  });

  test("subtreeEnd covers children and indented continuation lines, not blank lines after", () => {
    const endOf = (line: number): number => doc.lines[line]!.end;
    assert.deepEqual([item(doc, "C").subtreeLastLine, item(doc, "C").subtreeEnd], [3, endOf(3)]);
    assert.deepEqual([item(doc, "B").subtreeLastLine, item(doc, "B").subtreeEnd], [5, endOf(5)]);
    assert.deepEqual([item(doc, "E").subtreeLastLine, item(doc, "E").subtreeEnd], [7, endOf(7)]);
    assert.deepEqual([item(doc, "A").subtreeLastLine, item(doc, "A").subtreeEnd], [7, endOf(7)]);
    assert.equal(item(doc, "F").subtreeLastLine, 8, "a paragraph at column 0 ends the list");
  });

  test("itemAtLine finds items by line and nothing on other lines", () => {
    assert.equal(itemAtLine(doc, 5), item(doc, "D"));
    assert.equal(itemAtLine(doc, 10), item(doc, "G"));
    for (const line of [3, 4, 7, 9, 11, -1]) assert.equal(itemAtLine(doc, line), undefined);
  });

  test("a bullet one space off its level is its sibling's sibling, not its child", () => {
    const under = parseDocument("- 🧪Hyperparameters\n + optimizer: AdamW\n  + batch size: `1M`\n");
    assert.equal(under.items[2]!.parent, under.items[0]);
    const over = parseDocument("- 🧪Hyperparameters\n  + optimizer: AdamW\n   + batch size: `1M`\n");
    assert.equal(over.items[2]!.parent, over.items[0]);
  });

  test("a bullet with the next level's marker nests even when indented a space too few", () => {
    const doc = parseDocument("- 🧪Hyperparameters\n   + optimizer: AdamW\n    * betas: 0.9, 0.95\n");
    assert.equal(doc.items[2]!.parent, doc.items[1]);
  });
});

describe("the front matter of an earlier version", () => {
  const v1 = "---\nlicense: mit\ntags:\n- a\n---\n\n# Card\n\nText.\n";
  const metadataKeys = (doc: ParsedDocument): string[] | undefined => doc.frontMatter?.metadata?.root?.pairs.map((p) => p.key);

  test("is reused while only the body changes, with its Hub metadata", () => {
    const earlier = parseDocument(v1, { frontMatter: "hub" });
    const typed = parseDocument(v1.replace("Text.", "More text."), { frontMatter: "hub", earlier });
    assert.equal(typed.frontMatter, earlier.frontMatter);
    assert.deepEqual(metadataKeys(typed), ["license", "tags"]);
  });

  test("is read again when the front matter changes, even to the same length", () => {
    const earlier = parseDocument(v1, { frontMatter: "hub" });
    const edited = parseDocument(v1.replace("mit", "MIT"), { frontMatter: "hub", earlier });
    assert.notEqual(edited.frontMatter, earlier.frontMatter);
    assert.equal(edited.frontMatter?.metadata?.root?.pairs[0]?.value.kind === "scalar" && edited.frontMatter.metadata.root.pairs[0].value.value, "MIT");
    const closedLater = parseDocument(v1.replace("---\n\n#", "x: 1\n---\n\n#"), { frontMatter: "hub", earlier });
    assert.deepEqual(metadataKeys(closedLater), ["license", "tags", "x"]);
  });

  test("is read again when the Hub metadata is wanted and was not read", () => {
    const earlier = parseDocument(v1);
    assert.equal(earlier.frontMatter?.metadata, undefined);
    assert.deepEqual(metadataKeys(parseDocument(v1, { frontMatter: "hub", earlier })), ["license", "tags"]);
  });

  test("read only when it names a card kind's tag; read again when the reading changes", () => {
    const naming = { naming: ["models", "benchmarks"] };
    const page = "---\nlayout: page\ntags: [about]\n---\n\nText.\n";
    const unread = parseDocument(page, { frontMatter: naming });
    assert.deepEqual(unread.frontMatter?.entries, []);
    assert.deepEqual(parseDocument(page, { earlier: unread }).frontMatter?.entries.map((e) => e.key), ["layout", "tags"]);
    assert.deepEqual(parseDocument(page.replace("[about]", "[about, models]"), { frontMatter: naming, earlier: unread }).frontMatter?.entries.map((e) => e.value), ["page", ["about", "models"]]);
    // A value spelt with escapes may be a tag, so front matter with a backslash is read.
    assert.deepEqual(parseDocument('---\ntags: ["m\\x6fdels"]\n---\n', { frontMatter: naming }).frontMatter?.entries.map((e) => [e.key, e.value]), [["tags", ["models"]]]);
  });

  test("a duplicate key is an error of the front matter but not of the Hub metadata, from one read", () => {
    const fm = parseDocument("---\nlicense: mit\nlicense: mit\n---\n", { frontMatter: "hub" }).frontMatter!;
    assert.match(fm.errors[0]!.message, /unique/);
    assert.deepEqual(fm.metadata?.errors, []);
    assert.deepEqual(fm.metadata.root?.pairs.map((p) => p.key), ["license", "license"]);
  });
});

describe("markdown headings", () => {
  test("each section ends before the next heading of its level or higher, the last ones at the end", () => {
    const text = ["# A", "## B", "### C", "text", "## D", "# E", "## F", "text"].join("\n");
    const doc = parseDocument(text);
    const headings = parseHeadings(text, doc.lines, 0);
    assert.deepEqual(headings.map((h) => [h.title, h.endLine]), [["A", 4], ["B", 3], ["C", 3], ["D", 4], ["E", 7], ["F", 7]]);
    assert.deepEqual(headings.map((h) => h.end), [text.indexOf("# E"), text.indexOf("## D"), text.indexOf("## D"), text.indexOf("# E"), text.length, text.length]);
  });

  test("template sections are named by title or alias, in any case and spacing", () => {
    const text = "##  Bias,   risks and LIMITATIONS [optional]\n";
    const [heading] = parseHeadings(text, parseDocument(text).lines, 0);
    assert.ok(heading);
    assert.ok(namesSection(heading, { title: "Bias, Risks and Limitations" }));
    assert.ok(namesSection(heading, { title: "Risks", aliases: ["bias, risks and limitations"] }));
    assert.ok(!namesSection(heading, { title: "Bias" }));
  });
});
