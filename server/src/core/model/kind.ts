import type { ParsedDocument } from "../parse/document";
import { cardSchema, type CardKindSpec } from "../schema";
import { matchField } from "./card";

/** The `tags` of the front matter as a list of strings (Jekyll accepts a list or one string). */
export function frontMatterTags(doc: ParsedDocument): string[] {
  const fm = doc.frontMatter;
  if (fm && fm.errors.length > 0) {
    // The YAML does not parse, but a card with a typo elsewhere in its front matter is still a card:
    // read the tags as text (flow or block list, quoted or not) so the author sees the syntax error.
    const block = /^tags:(.*(?:\r?\n[ \t]*-.*)*)/m.exec(doc.text.slice(fm.content.start, fm.content.end));
    return block ? block[1]!.split(/[\s,[\]"'-]+/).filter((t) => t !== "") : [];
  }
  const tags = doc.frontMatter?.entries.find((e) => e.key === "tags")?.value;
  if (Array.isArray(tags)) return tags.map((t) => String(t));
  if (typeof tags === "string") return tags.split(/[\s,]+/).filter((t) => t !== "");
  return [];
}

/** The card kind the front matter declares through its tags. */
export function declaredKind(doc: ParsedDocument, kinds: readonly CardKindSpec[]): CardKindSpec | undefined {
  const tags = frontMatterTags(doc);
  return kinds.find((k) => tags.includes(k.tag));
}

/**
 * For a file a setting says is a card but whose tags do not say which kind: the kind whose
 * top-level labels the body uses most (model cards when it is a tie, as the more common kind).
 */
export function guessKind(doc: ParsedDocument, kinds: readonly CardKindSpec[]): CardKindSpec {
  let best = kinds[0] ?? cardSchema.kinds[0]!;
  let bestScore = -1;
  for (const kind of kinds) {
    const score = doc.roots.filter((item) => matchField(doc.text, item, kind.fields)).length;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}
