/**
 * `mocha` for the suite in the web worker extension host, which cannot load node_modules: mocha's
 * browser build, set up here (before any test module runs), and the functions the tests import from
 * "mocha", which its setup puts on the global scope. esbuild.mjs aliases "mocha" to this module in
 * the web suite's bundle.
 */
import type Mocha from "mocha";
import "../../../../node_modules/mocha/mocha.js";
import { MOCHA_OPTIONS } from "../suite/runMocha";

type Interface = Pick<typeof Mocha, "describe" | "test" | "it" | "before" | "after" | "beforeEach" | "afterEach">;

interface BrowserMocha {
  setup(options: typeof MOCHA_OPTIONS): void;
  run(done: (failures: number) => void): Mocha.Runner;
}

const scope = globalThis as unknown as { mocha: BrowserMocha } & Interface;
scope.mocha.setup(MOCHA_OPTIONS);

export const mocha = scope.mocha;
export const { describe, it, before, after, beforeEach, afterEach } = scope;
// The BDD interface names it `it` only; Node's mocha module also exports it as `test`, as the tests import it.
export const test = scope.it;
