/**
 * The project config file, `.modelcards.yaml`, as tables of text → settings and problems. Problems
 * are compared with the text they point at, so a span that drifts fails as clearly as a wrong code.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseConfig, type ConfigCode } from "../../src/core/config";
import type { Settings } from "../../src/core/settings";

interface Case {
  readonly name: string;
  readonly text: string;
  readonly settings?: Settings;
  /** `code at "the text the span covers": message fragment`, in order. */
  readonly problems?: readonly [ConfigCode, string, RegExp][];
}

const DEFAULTS: Settings = { severity: {}, cardGlobs: [] };

const CASES: readonly Case[] = [
  { name: "an empty file is the defaults", text: "", settings: DEFAULTS },
  { name: "comments only are the defaults", text: "# nothing yet\n", settings: DEFAULTS },
  {
    name: "severities and globs are read",
    text: "severity:\n  list.marker: off\n  field.missing: information\ncardGlobs:\n  - _drafts/*.md\n  - \"notes/**/*.md\"\n",
    settings: { severity: { "list.marker": "off", "field.missing": "information" }, cardGlobs: ["_drafts/*.md", "notes/**/*.md"] },
  },
  { name: "flow style works too", text: "severity: {value.link: hint}\ncardGlobs: [a.md]\n", settings: { severity: { "value.link": "hint" }, cardGlobs: ["a.md"] } },
  { name: "a key with nothing after it is not set", text: "severity:\ncardGlobs:\n", settings: DEFAULTS },
  {
    name: "a misspelt key is reported with a suggestion and ignored",
    text: "severty:\n  list.marker: off\n",
    settings: DEFAULTS,
    problems: [["config.unknown-key", "severty", /Unknown key `severty`\. Did you mean `severity`\?/]],
  },
  {
    name: "a misspelt code is reported with a suggestion, the other codes still apply",
    text: "severity:\n  list.markr: off\n  value.link: error\n",
    settings: { severity: { "value.link": "error" }, cardGlobs: [] },
    problems: [["config.unknown-code", "list.markr", /Did you mean `list\.marker`\?/]],
  },
  {
    name: "a code that is nothing like one points to the README",
    text: "severity:\n  spelling: off\n",
    problems: [["config.unknown-code", "spelling", /listed in the README/]],
  },
  {
    name: "a bad level names the levels and the likely one",
    text: "severity:\n  list.marker: warnig\n  field.missing: 3\n  value.link:\n",
    problems: [
      ["config.value", "warnig", /`warnig` is not a level\. Did you mean `warning`\? Levels: `error`, `warning`, `information`, `hint`, `off`\./],
      ["config.value", "3", /Expected a level, a string\./],
      ["config.value", "value.link", /`value\.link` has no level\./],
    ],
  },
  {
    name: "values of the wrong shape",
    text: "severity: [list.marker]\ncardGlobs: \"*.md\"\n",
    problems: [
      ["config.value", "[list.marker]", /`severity` maps codes to levels/],
      ["config.value", "\"*.md\"", /`cardGlobs` is a list of globs/],
    ],
  },
  {
    name: "globs that are empty or not strings",
    text: "cardGlobs:\n  - \"\"\n  - 7\n  - ok/*.md\n",
    settings: { severity: {}, cardGlobs: ["ok/*.md"] },
    problems: [
      ["config.value", "\"\"", /An empty glob matches nothing/],
      ["config.value", "7", /Expected a glob, a string\./],
    ],
  },
  { name: "an alias instead of a value", text: "x: &lvl off\nseverity:\n  list.marker: *lvl\n", problems: [["config.unknown-key", "x", /Unknown key `x`/], ["config.value", "*lvl", /not an alias/]] },
  { name: "YAML that does not parse", text: "severity: [\n", problems: [["config.syntax", "", /^YAML: /]] },
  { name: "a list instead of a mapping", text: "- severity\n", problems: [["config.syntax", "- severity\n", /a mapping of keys to values: `severity`, `cardGlobs`/]] },
  { name: "a duplicate key", text: "cardGlobs: [a]\ncardGlobs: [b]\n", problems: [["config.syntax", "c", /YAML: Map keys must be unique/]] },
  { name: "nesting deep enough to crash the yaml library is refused unparsed", text: "? ".repeat(5000), problems: [["config.syntax", "?", /nested more than 100 levels deep/]] },
];

describe("config file", () => {
  for (const c of CASES) {
    test(c.name, () => {
      const config = parseConfig(c.text);
      if (c.settings) assert.deepEqual(config.settings, c.settings);
      const found = config.problems.map((p) => ({ code: p.code, at: c.text.slice(p.span.start, p.span.end), message: p.message }));
      const expected = c.problems ?? [];
      assert.equal(found.length, expected.length, `problems: ${JSON.stringify(found, null, 1)}`);
      expected.forEach(([code, at, message], i) => {
        assert.equal(found[i]!.code, code);
        if (code !== "config.syntax" || at !== "") assert.equal(found[i]!.at, at);
        assert.match(found[i]!.message, message);
      });
    });
  }
});
