// The Codex card for the web worker's suite, which cannot read the fixtures: bundled as text.
import codex from "../../../../server/test/fixtures/codex.md";

/** Complete and clean: the tests break it and watch it heal. */
export const CODEX: string = codex;
