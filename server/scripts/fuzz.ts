/**
 * `npm run fuzz -- --runs N [--seed S]`: the fix fuzzer of the test suite, longer. Prints the
 * figures (cards, words lost, runs that were not idempotent) and exits 1 when any is not zero.
 */
import { parseArgs } from "node:util";
import { describeFigures, fuzz, MODES } from "../test/fuzz/fuzzer";

const { values } = parseArgs({ options: { runs: { type: "string", default: "2000" }, seed: { type: "string", default: "1" } } });
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs <= 0 || !Number.isInteger(seed)) {
  process.stderr.write("usage: npm run fuzz -- [--runs N] [--seed S]   (whole numbers, N > 0)\n");
  process.exit(2);
}
const started = performance.now();
const figures = fuzz(runs, seed);
process.stdout.write(`${describeFigures(figures, (performance.now() - started) / 1000)}\n`);
process.exitCode = MODES.some((m) => figures.wordsLost[m] > 0 || figures.notIdempotent[m] > 0) ? 1 : 0;
