// The server's pause before checking an edit: benchmarks set it to 0, a typo must not turn it off.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_VALIDATE_DELAY_MS, VALIDATE_DELAY_ENV, validateDelayMs } from "../src/lsp/validateDelay";

test("the pause before checking an edit comes from the environment, else the default", () => {
  const cases: [string | undefined, number][] = [
    [undefined, DEFAULT_VALIDATE_DELAY_MS],
    ["", DEFAULT_VALIDATE_DELAY_MS],
    ["0", 0],
    [" 250 ", 250],
    ["-5", DEFAULT_VALIDATE_DELAY_MS],
    ["1.5", DEFAULT_VALIDATE_DELAY_MS],
    ["fast", DEFAULT_VALIDATE_DELAY_MS],
  ];
  for (const [value, expected] of cases) assert.equal(validateDelayMs({ [VALIDATE_DELAY_ENV]: value }), expected, JSON.stringify(value));
});
