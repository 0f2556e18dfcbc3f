import type { Hover, MarkupContent } from "vscode-languageserver-types";
import type { Analysis } from "../../analysis";
import type { HubModel } from "../../model/hub";
import { nodeAt } from "../../parse/hubMetadata";
import { namesSection } from "../../parse/markdownSections";
import { keyAtPath, stringValueOf } from "../../schema/hub/lookup";
import { findValue } from "../../schema/hub/vocabularies";
import type { HubKeySpec } from "../../schema/hub";
import { contains } from "../../text/span";

export function keyHelp(spec: HubKeySpec): MarkupContent {
  const parts = [`**${spec.key}**${spec.required ? " (required)" : ""}`, spec.help.description];
  if (spec.replacedBy) parts.push(`Replaced by \`${spec.replacedBy}\`.`);
  if (spec.help.example) parts.push(`**Example:**\n\n\`\`\`yaml\n${spec.help.example}\n\`\`\``);
  return { kind: "markdown", value: parts.join("\n\n") };
}

/** Hover on a Hub card: a metadata key, a known value (license, task, library, language), or a template section's heading. */
export function hubHover(analysis: Analysis, hub: HubModel, offset: number): Hover | undefined {
  const { positions } = analysis;
  const root = hub.metadata.root;
  const fm = hub.doc.frontMatter;
  if (root && fm && offset <= fm.span.end) {
    const { path, node, key } = nodeAt(root, offset);
    const spec = keyAtPath(hub.kind, path);
    if (!spec) return undefined;
    if (key) return { contents: keyHelp(spec), range: positions.range(key.keySpan) };
    const vocabulary = stringValueOf(spec.value)?.vocabulary;
    if (!node || node.kind !== "scalar" || typeof node.value !== "string" || !vocabulary) return undefined;
    const option = findValue(vocabulary, node.value);
    return option ? { contents: { kind: "markdown", value: `**${option.label}**\n\n${option.help.description}\n\nA value of \`${spec.key}\`.` }, range: positions.range(node.span) } : undefined;
  }
  const heading = hub.headings.find((h) => contains(h.span, offset));
  const section = heading && [...hub.kind.sections, ...hub.kind.sections.flatMap((s) => s.children ?? [])].find((s) => namesSection(heading, s));
  if (!heading || !section) return undefined;
  return { contents: { kind: "markdown", value: `**${section.title}**${section.recommended ? "" : " (optional)"}\n\n${section.guidance}\n\nA section of the Hub's ${hub.kind.name} template.` }, range: positions.range(heading.titleSpan) };
}
