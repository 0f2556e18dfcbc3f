import { sectionText } from "../../rules/hub/sections";
import { vocabulary } from "../../schema/hub/vocabularies";
import type { HubKindSpec, VocabularyId } from "../../schema/hub";
import type { Snippet } from "../snippets";

const choice = (n: number, id: VocabularyId, first: string): string => `\${${n}|${[first, ...vocabulary(id).map((o) => o.label).filter((l) => l !== first)].join(",")}|}`;
const escape = (text: string): string => text.replace(/[$}\\]/g, "\\$&");

/**
 * A Hub card as a snippet: the metadata the Hub reads most (license and task as choices from the
 * same vocabularies the checks use), then the template's recommended sections with their guidance.
 */
export function hubSnippet(kind: HubKindSpec): Snippet {
  const model = kind.id === "hub-model";
  const metadata = model
    ? ["---", `license: ${choice(2, "license", "apache-2.0")}`, "language:", "- ${3:en}", "library_name: ${4:transformers}", `pipeline_tag: ${choice(5, "task", "text-generation")}`, "base_model: ${6:owner/base-model}", "---"]
    : ["---", "pretty_name: ${1:Dataset Name}", `license: ${choice(2, "license", "cc-by-4.0")}`, "language:", "- ${3:en}", `task_categories:`, `- ${choice(4, "task", "text-classification")}`, `size_categories:`, `- ${choice(5, "sizeCategory", "n<1K")}`, "---"];
  // Tab stop 1 is the name, as in the Jekyll cards' snippets, so New Card fills it in.
  const title = model ? "# Model Card for ${1:Model Name}" : "# Dataset Card for ${1}";
  const sections = kind.sections.filter((s) => s.recommended).flatMap((s) => escape(sectionText(s, "\n")).split("\n").slice(0, -1));
  return { prefix: kind.snippet.prefix, description: kind.snippet.description, body: [...metadata, "", title, "", "$0", "", ...sections] };
}
