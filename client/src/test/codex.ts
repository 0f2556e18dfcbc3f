// The project's Codex card and Hub model card, read from the fixtures where Node runs the suite or the screenshots; the
// web worker's suite bundles it instead (web/codex.ts, which esbuild.mjs puts in this module's place).
import { readFileSync } from "node:fs";
import * as path from "node:path";

// Three levels below the repository both as source (client/src/test) and as the suite's bundles (client/out/test).
/** Complete and clean: the tests break it and watch it heal. */
export const CODEX = readFileSync(path.resolve(__dirname, "../../../server/test/fixtures/codex.md"), "utf8");

/** A complete and clean Hugging Face Hub model card, the Hub tests' starting point. */
export const HUB_MODEL = readFileSync(path.resolve(__dirname, "../../../server/test/fixtures/hub/model.md"), "utf8");
