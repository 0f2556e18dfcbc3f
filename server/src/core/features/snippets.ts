import { renderField, snippetHoles } from "../model/skeleton";
import { cardSchema, type CardKindSpec } from "../schema";
import { HUB_KINDS } from "../schema/hub";
import { hubSnippet } from "./hub/snippets";

/** A VS Code snippet: what `snippets/model-cards.code-snippets` holds for each card kind. */
export interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

/**
 * The whole card as a snippet, from the same schema and renderer as the quick fixes: front matter
 * dated today by the editor, then every field with a tab stop, ✅/❌ and known values as choices.
 */
export function cardSnippet(kind: CardKindSpec): Snippet {
  const categories = cardSchema.frontMatter.find((k) => k.key === "categories")?.suggestions ?? [];
  const frontMatter = [
    "---",
    `title: \${1:${kind.tag === "models" ? "Model" : "Benchmark"} Name}`,
    "author: ${2:coder}",
    "date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE $CURRENT_HOUR:$CURRENT_MINUTE:$CURRENT_SECOND $CURRENT_TIMEZONE_OFFSET",
    `categories: [\${3|${categories.join(",")}|}]`,
    `tags: [${kind.tag}]`,
    "---",
    "",
  ];
  // Tab stop 1 (the title) is mirrored into `🧪Hyperparameters (Title Size)`.
  const holes = snippetHoles("${1}", 4);
  return { prefix: kind.snippet.prefix, description: kind.snippet.description, body: [...frontMatter, ...kind.fields.flatMap((f) => renderField(f, 1, holes)), "$0"] };
}

export function allSnippets(): Record<string, Snippet> {
  return Object.fromEntries([
    ...cardSchema.kinds.map((k) => [`${k.name[0]!.toUpperCase()}${k.name.slice(1)}`, cardSnippet(k)] as const),
    ...HUB_KINDS.map((k) => [k.name, hubSnippet(k)] as const),
  ]);
}
