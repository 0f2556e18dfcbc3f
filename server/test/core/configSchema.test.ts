/**
 * The `schema:` key of `.modelcards.yaml`: a workspace extends the card schema with data, and every
 * feature (checks, completion, hover) follows, while the built-in schema stays as it was.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseConfig, type Config } from "../../src/core/config";
import { complete } from "../../src/core/features/completion";
import { hover } from "../../src/core/features/hover";
import { cardSchema } from "../../src/core/schema";
import { analyzeCard } from "./helpers";

const FRONT = (tag = "models"): string => `---\ntitle: TinyCoder\nauthor: coder\ndate: 2021-07-07 00:00:00 +0800\ncategories: [arxiv]\ntags: [${tag}]\n---\n`;
const ARCH = FRONT() + "- 📙Paper: /\n- 🌐Architecture\n  + [ ] Encoder-Decoder\n  + [ ] Decoder-Only\n  + [x] Encoder-Denoiser-Decoder\n";

const codes = (text: string, config?: Config): string[] => analyzeCard(text, config ? { kinds: config.kinds } : {}).problems.map((p) => p.code);
const at = (text: string, config: Config): { code: string; text: string; message: string }[] => config.problems.map((p) => ({ code: p.code, text: text.slice(p.span.start, p.span.end), message: p.message }));

describe("schema additions in .modelcards.yaml", () => {
  test("an option added to a choice group is no longer unknown, and hover explains it", () => {
    assert.ok(codes(ARCH).includes("choice.unknown-option"));
    const config = parseConfig("schema:\n  options:\n    architecture:\n      - label: Encoder-Denoiser-Decoder\n        description: A denoising stage between encoder and decoder (CodeFusion).\n");
    assert.deepEqual(config.problems, []);
    assert.ok(!codes(ARCH, config).includes("choice.unknown-option"));
    const analysis = analyzeCard(ARCH, { kinds: config.kinds });
    const h = hover(analysis, ARCH.indexOf("Denoiser"));
    assert.match(JSON.stringify(h?.contents), /denoising stage/);
  });

  test("the built-in schema is left as it was", () => {
    parseConfig("schema:\n  options:\n    architecture: [Encoder-Denoiser-Decoder]\n  optional: [tokenizer]\n");
    const architecture = cardSchema.kinds[0]!.fields.find((f) => f.id === "architecture")!;
    assert.equal(architecture.children?.kind === "choice" && architecture.children.options.length, 2);
    assert.ok(codes(ARCH).includes("choice.unknown-option"));
  });

  test("options added to known values are offered in completion", () => {
    const config = parseConfig("schema:\n  options:\n    hyperparameters.precision: [fp4]\n");
    const text = FRONT() + "- 🧪Hyperparameters (T 1B)\n  + precision floating point: `fp4`\n";
    assert.ok(!codes(text, config).includes("value.unknown"));
    const typed = FRONT() + "- 🧪Hyperparameters (T 1B)\n  + precision floating point: ";
    const labels = complete(analyzeCard(typed, { kinds: config.kinds }), typed.length, new Date()).map((i) => i.label);
    assert.ok(labels.includes("`fp4`"), JSON.stringify(labels));
  });

  test("fields made optional are no longer reported missing", () => {
    const text = FRONT() + "- 📙Paper: /\n";
    const config = parseConfig("schema:\n  optional: [hyperparameters, training, tokenizer]\n");
    const missing = (c?: Config): string[] => analyzeCard(text, c ? { kinds: c.kinds } : {}).problems.filter((p) => p.code === "section.missing").map((p) => p.message);
    assert.ok(missing().some((m) => m.includes("Tokenizer")));
    assert.ok(!missing(config).some((m) => /Tokenizer|Hyperparameters|Training/.test(m)));
  });

  test("a new field is recognised at its place, offered by completion, and not required unless said", () => {
    const config = parseConfig("schema:\n  fields:\n    - kind: models\n      after: modelSize\n      id: huggingface\n      label: Huggingface\n      emoji: 🤗\n      value: link\n      description: The model's page on the Hub.\n");
    assert.deepEqual(config.problems, []);
    const fields = config.kinds[0]!.fields.map((f) => f.id);
    assert.equal(fields[fields.indexOf("modelSize") + 1], "huggingface");
    const text = FRONT() + "- 📙Paper: /\n- 🤗Huggingface: [TinyCoder](https://huggingface.co/x)\n";
    assert.ok(!codes(text, config).includes("field.unknown"));
    assert.ok(codes(text).includes("field.unknown"));
    const empty = FRONT() + "- 📙Paper: /\n";
    const labels = complete(analyzeCard(empty + "- ", { kinds: config.kinds }), (empty + "- ").length, new Date()).map((i) => i.label);
    assert.ok(labels.includes("🤗Huggingface"));
    assert.ok(!analyzeCard(empty, { kinds: config.kinds }).problems.some((p) => p.message.includes("Huggingface")));
  });

  test("a new card kind, with its own fields and choice group, is checked like the built-in ones", () => {
    const config = parseConfig([
      "schema:",
      "  kinds:",
      "    - tag: datasets",
      "      name: dataset card",
      "      fields:",
      "        - { id: url, label: URL, emoji: 🔗, value: link, required: true, description: Where to download it. }",
      "        - id: license",
      "          label: License",
      "          required: true",
      "          description: The data's license.",
      "          children: { choice: single, options: [MIT, CC-BY-4.0] }",
      "",
    ].join("\n"));
    assert.deepEqual(config.problems, []);
    const text = FRONT("datasets") + "- 🔗URL: not a link\n- License\n  + [x] MIT\n  + [x] CC-BY-4.0\n";
    assert.deepEqual(codes(text, config).sort(), ["choice.multiple-checked", "choice.multiple-checked", "value.link"]);
    assert.deepEqual(codes(text), [], "without the config, a datasets post is no card");
  });

  test("mistakes are reported at the line at fault, with suggestions, and the rest still applies", () => {
    const text = [
      "schema:",
      "  options:",
      "    architecure: [X]",
      "    publisher: [Nature]",
      "    paper: [Y]",
      "  optional: [tokeniser]",
      "  fields:",
      "    - { kind: model, id: hf, label: HF, description: d }",
      "    - { kind: models, id: gh, label: GitHub, value: url, description: d }",
      "    - { kind: models, id: ok, label: OK, descripton: d }",
      "  kinds:",
      "    - { tag: models, name: again, fields: [] }",
      "  extra: 1",
      "",
    ].join("\n");
    const config = parseConfig(text);
    assert.deepEqual(at(text, config).map((p) => [p.code, p.text]), [
      ["config.unknown-key", "extra"],
      ["config.value", "models"],
      ["config.unknown-field", "architecure"],
      ["config.value", "paper"],
      ["config.unknown-field", "tokeniser"],
      ["config.value", "model"],
      ["config.value", "url"],
      ["config.unknown-key", "descripton"],
      ["config.value", "{ kind: models, id: ok, label: OK, descripton: d }"],
    ]);
    assert.match(at(text, config)[2]!.message, /Did you mean `architecture`\?/);
    assert.match(at(text, config)[4]!.message, /Did you mean `tokenizer`\?/);
    // The one good addition still applies.
    const publisher = config.kinds[0]!.fields.find((f) => f.id === "publisher")!;
    assert.ok(publisher.value?.kind === "text" && publisher.value.suggestions?.some((o) => o.label === "Nature"));
  });
});
