/**
 * Writing `.modelcards.yaml` in an editor: completion and hover for its keys and for the names it
 * refers to (diagnostic codes, levels, field ids, card kinds, value kinds), read from the file's
 * shape, and quick fixes that take a did-you-mean. Pure: text and LSP positions in, LSP out.
 */
import { CodeActionKind, CompletionItemKind, type CodeAction, type CompletionItem, type Hover, type Position, type Range } from "vscode-languageserver-types";
import { wantedKind } from "../features/codeActions";
import { configProblems, toLspDiagnostic } from "../features/diagnostics";
import { splitLines } from "../text/lines";
import { Positions } from "../text/positions";
import { overlaps } from "../text/span";
import { CONFIG_SHAPE, parseConfig } from ".";
import { configContext, type ConfigContext } from "./context";
import { alternatives, shapeAt, type Named, type Shape } from "./shape";

/** What can be written where the cursor is: keys of a mapping, or names of a domain. */
interface Offer {
  readonly named: Named;
  /** Keys are completed with their `: `; values as they are. */
  readonly isKey: boolean;
}

/** The keys and values the shapes at the cursor take. */
function offers(context: ConfigContext): Offer[] {
  const shape = shapeAt(CONFIG_SHAPE, context.path);
  if (!shape) return [];
  const keys = context.at !== "value";
  const values = context.at !== "key";
  return alternatives(shape).flatMap((s): Offer[] => {
    if (s.kind === "map" && keys) return Object.entries(s.keys).map(([name, key]) => ({ named: { name, description: key.description, detail: typeName(key.shape) }, isKey: true }));
    if (s.kind === "record" && keys) return s.key.values().map((named) => ({ named, isKey: true }));
    if (s.kind === "string" && s.domain && values) return s.domain.values().map((named) => ({ named, isKey: false }));
    if (s.kind === "boolean" && values) return ["true", "false"].map((name) => ({ named: { name, description: `\`${name}\`` }, isKey: false }));
    return [];
  });
}

/** What a key's value is, in a word, for the completion list. */
function typeName(shape: Shape): string {
  switch (shape.kind) {
    case "map":
    case "record":
      return "mapping";
    case "list":
      return "list";
    case "boolean":
      return "true or false";
    case "string":
      return shape.domain ? shape.domain.what : "text";
    case "oneOf":
      return shape.shapes.map(typeName).join(" or ");
  }
}

export function configCompletion(text: string, position: Position): CompletionItem[] {
  const positions = new Positions(splitLines(text));
  const context = configContext(text, positions.offsetAt(position));
  if (!context) return [];
  // The word is replaced from its start to the cursor, so a partly typed key is completed, not doubled.
  const range: Range = { start: positions.positionAt(context.word.span.start), end: position };
  return offers(context)
    .filter((o) => !(o.isKey && context.siblings.includes(o.named.name)))
    .map((o, i) => ({
      label: o.named.name,
      kind: o.isKey ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
      ...(o.named.detail === undefined ? {} : { detail: o.named.detail }),
      documentation: { kind: "markdown", value: o.named.description },
      // Keep the shape's order (template order, the README's code order) rather than the alphabet.
      sortText: String(i).padStart(4, "0"),
      textEdit: { range, newText: o.isKey ? `${o.named.name}: ` : o.named.name },
    }));
}

export function configHover(text: string, position: Position): Hover | undefined {
  const positions = new Positions(splitLines(text));
  const found = configContext(text, positions.offsetAt(position));
  if (!found || found.word.text === "") return undefined;
  // What a word is depends on what stands before it, so the context is taken at its end; after
  // `- `, a word followed by `:` is a key, otherwise the item's value.
  const context = configContext(text, found.word.span.end) ?? found;
  const isKey = context.at === "key" || (context.at === "item" && text.slice(context.word.span.end).trimStart().startsWith(":"));
  const offer = offers(context).find((o) => o.named.name === context.word.text && o.isKey === isKey);
  if (!offer) return undefined;
  const { name, detail, description } = offer.named;
  return { contents: { kind: "markdown", value: `**${name}**${detail === undefined ? "" : ` — ${detail}`}\n\n${description}` }, range: positions.range(context.word.span) };
}

/** Quick fixes for the config's problems in the range: each did-you-mean, written in place. */
export function configCodeActions(uri: string, text: string, range: Range, only?: readonly string[]): CodeAction[] {
  if (!wantedKind(only, CodeActionKind.QuickFix)) return [];
  const positions = new Positions(splitLines(text));
  const span = positions.span(range);
  return parseConfig(text).problems.flatMap((problem) => {
    if (!overlaps(problem.span, span)) return [];
    const diagnostics = configProblems(text, [problem]).map(toLspDiagnostic);
    return problem.fixes.map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      isPreferred: fix.preferred ?? false,
      edit: { changes: { [uri]: fix.edits.map((e) => positions.edit(e)) } },
    }));
  });
}
