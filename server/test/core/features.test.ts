import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InsertTextFormat, type CompletionItem, type MarkupContent, type TextEdit } from "vscode-languageserver-types";
import type { Analysis } from "../../src/core/analysis";
import { complete } from "../../src/core/features/completion";
import { hover } from "../../src/core/features/hover";
import { applyEdits } from "../../src/core/rules/problem";
import { cardSchema, type FieldSpec, type Help, type OptionSpec } from "../../src/core/schema";
import { analyzeCard, LINE_ENDINGS, readFixture, type CardOptions } from "./helpers";

const FRONT_MATTER = "---\ntitle: TinyCoder\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [models]\n---\n";
const PAPER = "- 📙Paper: [TinyCoder](https://arxiv.org/abs/2101.00001)\n";
const TODAY = new Date(2024, 4, 6, 15, 30);

/** A document with `|` where the cursor is: the analysis of the text without it, and the cursor's offset. */
function at(textWithCursor: string, options: CardOptions = {}): { analysis: Analysis; offset: number; text: string } {
  const offset = textWithCursor.indexOf("|");
  assert.ok(offset >= 0, "no | cursor in the text");
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { analysis: analyzeCard(text, options), offset, text };
}

function completeAt(textWithCursor: string, options: CardOptions = {}): { items: CompletionItem[]; accept: (item: CompletionItem) => string } {
  const { analysis, offset, text } = at(textWithCursor, options);
  const accept = (item: CompletionItem): string => {
    const edit = item.textEdit as TextEdit;
    return applyEdits(text, [{ span: analysis.positions.span(edit.range), newText: edit.newText }]);
  };
  return { items: complete(analysis, offset, TODAY), accept };
}

const labels = (items: readonly CompletionItem[]): string[] => items.map((i) => i.label);
const newText = (item: CompletionItem): string => (item.textEdit as TextEdit).newText;
const byLabel = (items: readonly CompletionItem[], label: string): CompletionItem => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no completion ${label} among ${labels(items).join(", ")}`);
  return found;
};

/** Tab-stop numbers in the order they appear (`${1:/}`, `${2|/,✅,❌|}`). */
const tabStops = (snippet: string): number[] => [...snippet.matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));

const hoverText = (textWithCursor: string): string | undefined => {
  const { analysis, offset } = at(textWithCursor);
  return (hover(analysis, offset)?.contents as MarkupContent | undefined)?.value;
};

describe("completion of fields", () => {
  test("on an empty top-level line: the missing top-level fields only, as snippets with tab stops", () => {
    const { items } = completeAt(`${FRONT_MATTER}${PAPER}- 🔑Public: ✅\n- 🍉Tokenizer\n  + Details\n    * x\n|`);
    const missing = cardSchema.kinds[0]!.fields.filter((f) => !["paper", "public", "tokenizer"].includes(f.id));
    assert.deepEqual(labels(items), missing.map((f) => `${f.emoji ?? ""}${f.label}`));
    for (const item of items) {
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
      const [head, ...children] = newText(item).split("\n");
      assert.ok(head!.startsWith(`- ${item.label}`), head);
      for (const line of children) assert.match(line, /^( {2}\+| {4}\*) /, `${item.label}: ${line}`);
      const stops = tabStops(newText(item));
      assert.deepEqual(stops, stops.map((_, i) => i + 1), `${item.label}: tab stops numbered in order`);
    }
    assert.equal(newText(byLabel(items, "📚Publisher")), "- 📚Publisher: ${1:/}");
    assert.match(newText(byLabel(items, "🧪Hyperparameters")), /^- 🧪Hyperparameters \(TinyCoder \$\{1:Size\}\)\n {2}\+ optimizer: \$\{2:\/\}\n {4}\* betas: \$\{3:\/\}/);
  });

  test("under a section: its missing children, at the child marker and indent", () => {
    const { items } = completeAt(`${FRONT_MATTER}${PAPER}- 🗂️Data pre-processing\n  + Data Resource\n    * source files\n  |\n`);
    assert.deepEqual(labels(items), ["De-duplication", "Filter Strategies"]);
    assert.equal(newText(byLabel(items, "De-duplication")), "  + De-duplication: ${1|/,✅,❌|}");
    assert.equal(newText(byLabel(items, "Filter Strategies")), "  + Filter Strategies\n    * ${1:/}");
  });

  test("after typing a marker under a section: the same children, replacing what was typed", () => {
    const { items, accept } = completeAt(`${FRONT_MATTER}${PAPER}- 🗂️Data pre-processing\n  + Data Resource\n    * source files\n  + De|\n`);
    assert.deepEqual(labels(items), ["De-duplication", "Filter Strategies"]);
    assert.match(accept(byLabel(items, "De-duplication")), /\n {2}\+ De-duplication: \$\{1\|\/,✅,❌\|\}\n$/);
  });

  test("under a choice group: the options not listed yet, as unchecked task items", () => {
    const { items, accept } = completeAt(`${FRONT_MATTER}${PAPER}- 🌐Architecture\n  + [x] Decoder-Only\n  |\n`);
    assert.deepEqual(labels(items), ["Encoder-Decoder"]);
    assert.equal(newText(items[0]!), "  + [ ] Encoder-Decoder");
    assert.match(accept(items[0]!), /\n {2}\+ \[x\] Decoder-Only\n {2}\+ \[ \] Encoder-Decoder\n$/);
  });

  test("under a bullet that is not a field: nothing", () => {
    assert.deepEqual(completeAt(`${FRONT_MATTER}${PAPER}- Contributions\n  |\n`).items, []);
  });
});

describe("completion of values", () => {
  test("after `🔑Public: `: ✅ and ❌, accepted after the space", () => {
    const { items, accept } = completeAt(`${FRONT_MATTER}${PAPER}- 🔑Public: |\n`);
    assert.deepEqual(labels(items), ["✅", "❌"]);
    assert.match(accept(byLabel(items, "✅")), /\n- 🔑Public: ✅\n$/);
  });

  for (const eol of LINE_ENDINGS) {
    test(`after \`🔑Public:\` with no space, the value gets a leading space (${eol.name})`, () => {
      const { items, accept } = completeAt(eol.convert(`${FRONT_MATTER}${PAPER}- 🔑Public:|\n`));
      assert.deepEqual(items.map(newText), [" ✅", " ❌"]);
      assert.ok(accept(items[0]!).endsWith(eol.convert("\n- 🔑Public: ✅\n")));
    });
  }

  test("a partly typed value is replaced", () => {
    const { items, accept } = completeAt(`${FRONT_MATTER}${PAPER}- 🧪Hyperparameters (T 1B)\n  + precision floating point: \`bf|\n`);
    assert.ok(labels(items).includes("`bf16`"));
    assert.match(accept(byLabel(items, "`bf16`")), /\n {2}\+ precision floating point: `bf16`\n$/);
  });
});

describe("completion in the front matter", () => {
  test("on an empty line: the keys not written yet", () => {
    const { items } = completeAt(`---\ntitle: TinyCoder\n|\ntags: [models]\n---\n${PAPER}`);
    assert.deepEqual(labels(items), ["author", "date", "categories", "math", "pin"]);
    assert.deepEqual(items.map(newText), ["author: ", "date: ", "categories: ", "math: ", "pin: "]);
  });

  test("`date: ` offers today as YYYY-MM-DD 00:00:00 +ZZZZ", () => {
    const { items } = completeAt(`---\ntitle: TinyCoder\ndate: |\ntags: [models]\n---\n${PAPER}`);
    assert.equal(items.length, 1);
    assert.match(newText(items[0]!), /^2024-05-06 00:00:00 [+-]\d{4}$/);
  });

  test("`tags: ` offers [models] and [benchmarks]", () => {
    const { items } = completeAt(`---\ntitle: TinyCoder\ntags: |\n---\n${PAPER}`, { forcedCard: true });
    assert.deepEqual(items.map(newText), ["[models]", "[benchmarks]"]);
  });

  test("on the delimiters: nothing", () => {
    assert.deepEqual(completeAt(`---|\ntitle: TinyCoder\ntags: [models]\n---\n${PAPER}`).items, []);
    assert.deepEqual(completeAt(`---\ntitle: TinyCoder\ntags: [models]\n---|\n${PAPER}`).items, []);
  });
});

describe("hover", () => {
  test("on a field label: the field's help, over emoji and label", () => {
    const { analysis, offset } = at(`${FRONT_MATTER}- 📙Pa|per: [T](https://example.org/t)\n`);
    const result = hover(analysis, offset);
    assert.match((result?.contents as MarkupContent).value, /^\*\*📙Paper\*\*\n\nThe paper/);
    assert.deepEqual(result?.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 9 } });
  });

  test("on an option of a choice group: the option's help", () => {
    assert.match(hoverText(`${FRONT_MATTER}${PAPER}- 🌐Architecture\n  + [x] Decoder-O|nly\n`) ?? "", /^\*\*Decoder-Only\*\*\n\nA single autoregressive decoder/);
  });

  test("on ✅: what yes means", () => {
    assert.match(hoverText(`${FRONT_MATTER}${PAPER}- 🔑Public: |✅ (on request)\n`) ?? "", /^\*\*✅\*\*\n\nYes/);
  });

  test("on a front matter key: the key's help", () => {
    assert.match(hoverText(`---\nti|tle: TinyCoder\ntags: [models]\n---\n${PAPER}`) ?? "", /^\*\*title\*\*/);
  });

  test("on free text, an unknown option or a front matter value: nothing", () => {
    assert.equal(hoverText(`${FRONT_MATTER}- 📙Paper: [Tiny|Coder](https://example.org/t)\n`), undefined);
    assert.equal(hoverText(`${FRONT_MATTER}${PAPER}- 🌐Architecture\n  + [x] Mixture|-of-Experts\n`), undefined);
    assert.equal(hoverText(`---\ntitle: Tiny|Coder\ntags: [models]\n---\n${PAPER}`), undefined);
  });
});

describe("markdown that is not a card", () => {
  const cases = [
    { name: "no front matter", text: "# Notes\n\n- 📙Paper: [x](https://example.org)\n- 🔑Public: √\n|" },
    { name: "another tag", text: "---\ntitle: Notes\ntags: [papers]\n---\n- 🔑Public: √\n- |" },
    { name: "an index page tagged benchmarks", text: "---\ntitle: Metrics\ntags: [benchmarks]\n---\n\n1. [pass@k](https://example.org)\n- |" },
  ];
  for (const c of cases) {
    test(`${c.name}: no problems, no completion, no hover`, () => {
      const { analysis, offset } = at(c.text);
      assert.equal(analysis.model, undefined);
      assert.deepEqual(analysis.problems, []);
      assert.deepEqual(complete(analysis, offset, TODAY), []);
      for (let o = 0; o <= analysis.parsed.text.length; o++) assert.equal(hover(analysis, o), undefined);
    });
  }
});

describe("help text in the schema", () => {
  const described = (what: string, help: Help): void => {
    assert.ok(help.description.trim().length > 10, `${what} has a description`);
  };
  const optionsOf = (field: FieldSpec): readonly OptionSpec[] => {
    const children = field.children;
    const value = field.value;
    return [
      ...(children?.kind === "choice" ? children.options : []),
      ...(value?.kind === "enum" ? value.options : value?.kind === "text" ? value.suggestions ?? [] : []),
    ];
  };
  const allFields = (fields: readonly FieldSpec[]): FieldSpec[] =>
    fields.flatMap((f) => [f, ...(f.children?.kind === "fields" ? allFields(f.children.fields) : [])]);

  test("every field and option has a description; fields with values have a format and an example", () => {
    for (const kind of cardSchema.kinds) {
      for (const field of allFields(kind.fields)) {
        described(field.id, field.help);
        if (field.value) {
          assert.ok(field.help.format?.trim(), `${field.id} has a format`);
          assert.ok(field.help.example?.trim(), `${field.id} has an example`);
        }
        for (const option of optionsOf(field)) described(`${field.id} option ${option.label}`, option.help);
      }
    }
    described("✅", cardSchema.booleans.yes.help);
    described("❌", cardSchema.booleans.no.help);
    for (const key of cardSchema.frontMatter) {
      described(key.key, key.help);
      assert.ok(key.help.example?.startsWith(`${key.key}: `), `${key.key}'s example is a line of front matter`);
    }
  });

  test("every field's example is a line the checker accepts", () => {
    for (const kind of cardSchema.kinds) {
      const clean = readFixture(kind.tag === "models" ? "model-clean.md" : "benchmark-clean.md");
      for (const field of allFields(kind.fields)) {
        const example = field.help.example;
        if (!field.value || !example) continue;
        const line = clean.split("\n").find((l) => l.trimStart().slice(2).startsWith(`${field.emoji ?? ""}${field.label}:`));
        assert.ok(line, `${field.id} is in the clean ${kind.tag} fixture`);
        const bullet = line.slice(0, line.length - line.trimStart().length + 2);
        const withExample = clean.replace(line, bullet + example.replace(/^[-+*] /, ""));
        const problems = analyzeCard(withExample, { uri: "file:///site/_posts/x.md" }).problems;
        assert.deepEqual(problems.map((p) => `${p.code}: ${p.message}`), [], `${field.id}'s example ${example}`);
      }
    }
  });
});

void describe("value completion with the workspace's values", () => {
  const cursor = readFixture("../codex.md").replace("  + precision floating point: /", "  + precision floating point: |");
  const ranked = (counts: readonly { text: string; count: number }[]): CompletionItem[] => {
    const { analysis, offset } = at(cursor);
    const values = new Map([["hyperparameters.precision", counts]]);
    return complete(analysis, offset, TODAY, values).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  };

  test("an enum offers its known values first, the most used at the top, and never a value the checker flags", () => {
    const items = ranked([{ text: "`bp16`", count: 9 }, { text: "`fp16`; `bf16`", count: 3 }, { text: "`bf16`", count: 2 }, { text: "`fp32`", count: 1 }, { text: "`bf16`; `fp99`", count: 4 }]);
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [
      ["`bf16`", "used in 2 cards"],
      ["`fp32`", "used in 1 card"],
      ["`fp16`", undefined],
      ["`tf32`", undefined],
      ["`fp8`", undefined],
      ["`fp16`; `bf16`", "used in 3 cards"],
    ]);
  });
});
