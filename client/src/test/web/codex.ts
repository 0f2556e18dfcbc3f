// The Codex card and the Hub model card for the web worker's suite, which cannot read the fixtures: bundled as text.
import codex from "../../../../server/test/fixtures/codex.md";
import hubModel from "../../../../server/test/fixtures/hub/model.md";

/** Complete and clean: the tests break it and watch it heal. */
export const CODEX: string = codex;

/** A complete and clean Hugging Face Hub model card, the Hub tests' starting point. */
export const HUB_MODEL: string = hubModel;
