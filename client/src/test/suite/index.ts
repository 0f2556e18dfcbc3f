/**
 * The entry both runners hand to VS Code as `extensionTestsPath`: VS Code calls `run()` inside the
 * extension host, and a rejection is what makes the run fail.
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { activateExtension, MOCHA_OPTIONS, runCounting } from "./runMocha";

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ...MOCHA_OPTIONS,
    // MODEL_CARDS_E2E_GREP=<words> runs only the tests whose names contain them, while working on them.
    ...(process.env.MODEL_CARDS_E2E_GREP ? { grep: process.env.MODEL_CARDS_E2E_GREP } : {}),
    rootHooks: { beforeAll: activateExtension },
  });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith(".test.js")).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await runCounting((done) => mocha.run(done));
}
