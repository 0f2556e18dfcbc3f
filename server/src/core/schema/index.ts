import { benchmarkCard } from "./benchmarkCard";
import { modelCard } from "./modelCard";
import type { CardKindSpec, CardSchema, FieldSpec } from "./types";

export type * from "./types";

/** The one schema every feature reads. */
export const cardSchema: CardSchema = {
  kinds: [modelCard, benchmarkCard],
  notReported: "/",
  booleans: {
    yes: { label: "✅", aliases: ["√", "✓", "✔", "✔️", "☑", "☑️", "yes", "y", "true"], help: { description: "Yes: the property holds.", example: "✅" } },
    no: { label: "❌", aliases: ["×", "✗", "✘", "✖", "✖️", "no", "n", "false"], help: { description: "No: the property does not hold.", example: "❌" } },
  },
  frontMatter: [
    { key: "title", required: true, value: "string", help: { description: "The card's title: the model or benchmark name.", format: "Plain text.", example: "title: Codex" } },
    { key: "author", required: true, value: "string", help: { description: "Who wrote the card.", format: "A user name.", example: "author: coder" }, suggestions: ["coder"] },
    { key: "date", required: true, value: "date", help: { description: "The paper's (or release's) date; Jekyll sorts posts by it and it must match the file name's date.", format: "`YYYY-MM-DD HH:MM:SS +ZZZZ`.", example: "date: 2021-07-07 00:00:00 +0800" } },
    { key: "categories", required: true, value: "list", help: { description: "Where the work appeared, as a one-item list.", format: "A YAML flow list.", example: "categories: [arxiv]" }, suggestions: ["arxiv", "huggingface", "github", "NeurIPS", "ICLR", "ICML", "ACL", "EMNLP", "other"] },
    { key: "tags", required: true, value: "list", help: { description: "The kind of card: `models` marks a model card, `benchmarks` a benchmark card.", format: "A YAML flow list.", example: "tags: [models]" }, suggestions: ["models", "benchmarks"] },
    { key: "math", required: false, value: "boolean", help: { description: "Whether the page renders LaTeX maths (Jekyll Chirpy theme).", format: "`true` or `false`.", example: "math: true" } },
    { key: "pin", required: false, value: "boolean", help: { description: "Whether the post is pinned to the top of the home page (Jekyll Chirpy theme).", format: "`true` or `false`.", example: "pin: false" } },
  ],
};

/** A field as the card writes it and messages name it: emoji and label, `🍉Tokenizer`. */
export const displayName = (spec: FieldSpec): string => `${spec.emoji ?? ""}${spec.label}`;

/** `/` amid whitespace and backticks, tested in place rather than on a copy: it runs on every value of every card. */
const NOT_REPORTED = /^[\s`]*\/[\s`]*$/;

/** True for a value that says "not reported": `/`, backticked or not. */
export const isNotReported = (text: string): boolean => NOT_REPORTED.test(text);

/** Joins the display names of a field's ancestors and its own: `🍉Tokenizer › Details`. */
export const PATH_SEPARATOR = " › ";


/** Child fields of a field, or of the card itself when `field` is undefined. */
export function childFields(kind: CardKindSpec, field: FieldSpec | undefined): readonly FieldSpec[] {
  if (!field) return kind.fields;
  return field.children?.kind === "fields" ? field.children.fields : [];
}
