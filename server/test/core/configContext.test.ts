/**
 * Where the cursor is in `.modelcards.yaml`, as a table of text with a `|` for the cursor → the
 * path, the position and the word. Text being typed is rarely valid YAML, so the cases are mostly
 * half-written lines.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { configContext } from "../../src/core/config/context";

const CASES: readonly [text: string, path: string[], at: "key" | "value" | "item", word: string, siblings?: string[]][] = [
  ["sev|", [], "key", "sev"],
  ["severity:\n  list.m|", ["severity"], "key", "list.m"],
  ["severity:\n  list.marker: o|ff", ["severity", "list.marker"], "value", "off"],
  ["severity:\r\n  list.marker: off\r\n  |\r\n  value.link: hint\r\n", ["severity"], "key", "", ["list.marker", "value.link"]],
  ["severity:\n  list.marker: off\n|", [], "key", "", ["severity"]],
  ["schema:\n  optional: [tokenizer, hyp|", ["schema", "optional", "[]"], "value", "hyp"],
  ["schema:\n  optional:\n    - hyp|", ["schema", "optional", "[]"], "item", "hyp"],
  ["schema:\n  fields:\n    - kind: models\n      # a comment\n\n      |", ["schema", "fields", "[]"], "key", "", ["kind"]],
  ["schema:\n  fields:\n  - kind: models\n    id: |", ["schema", "fields", "[]", "id"], "value", ""],
  ["schema:\n  fields:\n    - { kind: models, |", ["schema", "fields", "[]"], "item", "", ["kind"]],
  ["schema:\n  fields:\n    - { kind: \"mo|", ["schema", "fields", "[]", "kind"], "value", "mo"],
  ["schema:\n  kinds:\n    - tag: datasets\n      fields:\n        - id: url\n          children: { choice: si|", ["schema", "kinds", "[]", "fields", "[]", "children", "choice"], "value", "si"],
];

describe("the cursor's place in .modelcards.yaml", () => {
  for (const [withCursor, path, at, word, siblings] of CASES) {
    test(JSON.stringify(withCursor), () => {
      const offset = withCursor.indexOf("|");
      const context = configContext(withCursor.replace("|", ""), offset);
      assert.ok(context);
      assert.deepEqual({ path: context.path, at: context.at, word: context.word.text }, { path, at, word });
      if (siblings) assert.deepEqual([...context.siblings].sort(), siblings.sort());
    });
  }

  test("in a comment, or before a line's key, there is nothing to complete", () => {
    assert.equal(configContext("severity: # lev", 15), undefined);
    assert.equal(configContext("severity:\n  list.marker: off", 11), undefined);
  });
});
