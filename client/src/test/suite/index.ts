/**
 * The entry both runners hand to VS Code as `extensionTestsPath`: VS Code calls `run()` inside the
 * extension host, and a rejection is what makes the run fail.
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import * as vscode from "vscode";

/** The manifest's `publisher.name`. */
const EXTENSION_ID = "model-cards.model-cards";

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: "bdd",
    // MODEL_CARDS_E2E_GREP=<words> runs only the tests whose names contain them, while working on them.
    ...(process.env.MODEL_CARDS_E2E_GREP ? { grep: process.env.MODEL_CARDS_E2E_GREP } : {}),
    // The spec reporter prints each test's name and result; both runners forward it line by line.
    reporter: "spec",
    // Every wait in the tests has its own, shorter guard that says what it waited for; this one only
    // catches a test that hangs elsewhere.
    timeout: 60_000,
    rootHooks: {
      // Activation resolves once the language client has started, so every provider is registered
      // before the first test asks for completions or hovers.
      async beforeAll() {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this VS Code`);
        await extension.activate();
      },
    },
  });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith(".test.js")).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  let passes = 0;
  const failures = await new Promise<number>((resolve) => mocha.run(resolve).on("pass", () => passes++));
  // The plain closing line CI reads for the totals.
  console.log(`${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
