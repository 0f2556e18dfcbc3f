/**
 * What both suite entries share (suite/index.ts in Node, web/index.ts in the web worker): activating
 * the extension before the first test, and running mocha to a count that fails the run.
 */
import type { Runner } from "mocha";
import * as vscode from "vscode";

/** The options of both entries' mocha. */
export const MOCHA_OPTIONS = {
  ui: "bdd",
  // The spec reporter prints each test's name and result; both runners forward it line by line.
  reporter: "spec",
  // Every wait in the tests has its own, shorter guard that says what it waited for; this one only
  // catches a test that hangs elsewhere.
  timeout: 60_000,
} as const;

/** The manifest's `publisher.name`. */
export const EXTENSION_ID = "model-cards.model-cards";

/** Activation resolves once the language client has started, so every provider is registered before the first test asks. */
export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this VS Code`);
  await extension.activate();
}

/** Runs the suite and fails (rejects) when a test failed; the spec reporter prints each test, this the totals. */
export async function runCounting(run: (done: (failures: number) => void) => Runner): Promise<void> {
  let passes = 0;
  const failures = await new Promise<number>((resolve) => run(resolve).on("pass", () => passes++));
  // The plain closing line CI reads for the totals.
  console.log(`${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
