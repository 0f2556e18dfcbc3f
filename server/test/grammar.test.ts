// The injection grammar leans on how VS Code's markdown grammar opens list items and paragraphs,
// so it is tested against that very grammar (tm-grammars ships VS Code's markdown-basics copy),
// tokenised by the same engine VS Code uses.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { before, describe, test } from "node:test";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, Registry, parseRawGrammar, type IToken } from "vscode-textmate";

const INJECTION_SCOPE = "markdown.model-cards.injection";

const GRAMMAR_FILES: Record<string, string> = {
  "text.html.markdown": require.resolve("tm-grammars/grammars/markdown.json"),
  // Without YAML the markdown grammar drops its front-matter rule and reads front matter as markdown.
  "source.yaml": require.resolve("tm-grammars/grammars/yaml.json"),
  [INJECTION_SCOPE]: path.join(__dirname, "../../syntaxes/model-cards.injection.tmLanguage.json"),
};

const SCOPE = {
  emoji: "keyword.other.emoji.model-cards",
  label: "support.type.property-name.model-cards",
  separator: "punctuation.separator.key-value.model-cards",
  checked: "constant.language.checkbox.checked.model-cards",
  unchecked: "punctuation.definition.checkbox.unchecked.model-cards",
  yes: "constant.language.boolean.true.model-cards",
  no: "constant.language.boolean.false.model-cards",
  notReported: "comment.other.not-reported.model-cards",
  numeric: "constant.numeric.model-cards",
} as const;
const CARD_SCOPES = new Set<string>(Object.values(SCOPE));

const DOCUMENT = [
  "---",
  "title: Example",
  "tags: [models]",
  "authors:",
  "  - name: Ada",
  "---",
  "",
  "Intro: a prose line with ✅, ❌, `7B`, [x] and a / here.",
  "",
  "- 📙Paper: [A Paper](https://example.com/paper.pdf)",
  "- 📚Publisher: **Arxiv**",
  "- 🔑Public: ❌",
  "- 🌐Architecture",
  "  + [ ] Encoder-Decoder",
  "  + [x] Decoder-Only",
  "  * [X] Mixture-of-Experts",
  "- 🗂️Data pre-processing",
  "  + De-duplication: ✅",
  "- 🧪Hyperparameters (Example 7B)",
  "  + learning rate: `1e-4`",
  "  + context window: `4,096`",
  "  + precision floating point: /",
  "    * /",
  "- 🏃‍♀️Training",
  "  + trained tokens/steps: 100B tokens",
  "  + model initialization: `GPT3`",
  "- Problem Description's Natural Language: `English`",
  "- a remark, with a comma: not a field",
  "- https://example.com",
  "- item",
  "  continued: ✅ `7B` /",
  "",
  "  second paragraph: ✅",
  "",
  "1. Numbered: ✅",
  "",
  "```markdown",
  "- 🔑Public: ✅",
  "```",
];

const tokensByLine = new Map<string, IToken[]>();

before(async () => {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(new Uint8Array(wasm).buffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      return Promise.resolve(file === undefined ? null : parseRawGrammar(readFileSync(file, "utf8"), file));
    },
    getInjections: (scopeName) => (scopeName === "text.html.markdown" ? [INJECTION_SCOPE] : undefined),
  });
  const markdown = await registry.loadGrammar("text.html.markdown");
  assert.ok(markdown);
  let state = INITIAL;
  for (const line of DOCUMENT) {
    const result = markdown.tokenizeLine(line, state);
    state = result.ruleStack;
    if (!tokensByLine.has(line)) tokensByLine.set(line, result.tokens);
  }
});

function tokensOf(line: string): IToken[] {
  const tokens = tokensByLine.get(line);
  assert.ok(tokens, `line not in the test document: ${line}`);
  return tokens;
}

/** Scopes of the token that spans exactly `fragment`: a scope leaking onto neighbours fails too. */
function scopesOf(line: string, fragment: string): string[] {
  const start = line.indexOf(fragment);
  assert.notEqual(start, -1, `"${fragment}" not in "${line}"`);
  const tokens = tokensOf(line);
  const token = tokens.find((t) => t.startIndex === start && t.endIndex === start + fragment.length);
  const found = tokens.map((t) => JSON.stringify(line.slice(t.startIndex, t.endIndex))).join(" ");
  assert.ok(token, `no token is exactly "${fragment}" in "${line}"; tokens: ${found}`);
  return token.scopes;
}

describe("model card injection grammar", () => {
  const expected: [line: string, fragment: string, scope: string][] = [
    ["- 🔑Public: ❌", "🔑", SCOPE.emoji],
    ["- 🔑Public: ❌", "Public", SCOPE.label],
    ["- 🔑Public: ❌", ":", SCOPE.separator],
    ["- 🔑Public: ❌", "❌", SCOPE.no],
    ["  + De-duplication: ✅", "De-duplication", SCOPE.label],
    ["  + De-duplication: ✅", "✅", SCOPE.yes],
    ["- 🌐Architecture", "🌐", SCOPE.emoji],
    ["- 🌐Architecture", "Architecture", SCOPE.label],
    ["- 🗂️Data pre-processing", "🗂️", SCOPE.emoji],
    ["- 🏃‍♀️Training", "🏃‍♀️", SCOPE.emoji],
    ["- 🏃‍♀️Training", "Training", SCOPE.label],
    ["- 🧪Hyperparameters (Example 7B)", "Hyperparameters (Example 7B)", SCOPE.label],
    ["  + trained tokens/steps: 100B tokens", "trained tokens/steps", SCOPE.label],
    ["- Problem Description's Natural Language: `English`", "Problem Description's Natural Language", SCOPE.label],
    ["  + [ ] Encoder-Decoder", "[ ]", SCOPE.unchecked],
    ["  + [x] Decoder-Only", "[x]", SCOPE.checked],
    ["  * [X] Mixture-of-Experts", "[X]", SCOPE.checked],
    ["  + learning rate: `1e-4`", "learning rate", SCOPE.label],
    ["  + learning rate: `1e-4`", "`1e-4`", SCOPE.numeric],
    ["  + context window: `4,096`", "`4,096`", SCOPE.numeric],
    ["  + precision floating point: /", "/", SCOPE.notReported],
    ["    * /", "/", SCOPE.notReported],
    // Markdown's own inline scopes must survive on field lines.
    ["- 📙Paper: [A Paper](https://example.com/paper.pdf)", "A Paper", "string.other.link.title.markdown"],
    ["- 📚Publisher: **Arxiv**", "Arxiv", "markup.bold.markdown"],
    ["  + model initialization: `GPT3`", "GPT3", "markup.inline.raw.string.markdown"],
  ];
  for (const [line, fragment, scope] of expected) {
    test(`${JSON.stringify(fragment)} in ${JSON.stringify(line)} is ${scope}`, () => {
      assert.ok(scopesOf(line, fragment).includes(scope));
    });
  }

  const uncoloured = [
    "Intro: a prose line with ✅, ❌, `7B`, [x] and a / here.",
    "title: Example",
    "  - name: Ada",
    "- a remark, with a comma: not a field",
    "- https://example.com",
    "  continued: ✅ `7B` /",
    "  second paragraph: ✅",
    "1. Numbered: ✅",
    "- 🔑Public: ✅",
  ];
  for (const line of uncoloured) {
    test(`${JSON.stringify(line)} gets no card scopes`, () => {
      const leaked = tokensOf(line).flatMap((t) => t.scopes).filter((s) => CARD_SCOPES.has(s));
      assert.deepEqual(leaked, []);
    });
  }
});
