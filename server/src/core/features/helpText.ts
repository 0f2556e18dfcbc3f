import type { MarkupContent } from "vscode-languageserver-types";
import { displayName, type FieldSpec, type FrontMatterKeySpec, type Help, type OptionSpec } from "../schema";

function render(title: string, help: Help, extra?: string): MarkupContent {
  const parts = [`**${title}**`, help.description];
  if (extra) parts.push(extra);
  if (help.format) parts.push(`**Format:** ${help.format}`);
  if (help.example) parts.push(`**Example:**\n\n\`\`\`markdown\n${help.example}\n\`\`\``);
  return { kind: "markdown", value: parts.join("\n\n") };
}

const valueDescription = (spec: FieldSpec): string | undefined => {
  const options = spec.children?.kind === "choice" ? spec.children.options : spec.value?.kind === "enum" ? spec.value.options : undefined;
  if (spec.children?.kind === "choice") return `${spec.children.selection === "single" ? "Check one of" : "Check all that apply of"}: ${options!.map((o) => o.label).join(", ")}.`;
  if (options) return `Known values: ${options.map((o) => `\`${o.label}\``).join(", ")}.`;
  if (spec.labelSuffix) return `After the label: ${spec.labelSuffix.help}.`;
  return undefined;
};

export function fieldHelp(spec: FieldSpec): MarkupContent {
  return render(displayName(spec), spec.help, valueDescription(spec));
}

export function optionHelp(option: OptionSpec, of?: FieldSpec): MarkupContent {
  return render(option.label, option.help, of ? `An option of ${displayName(of)}.` : undefined);
}

export function frontMatterHelp(key: FrontMatterKeySpec): MarkupContent {
  return render(`${key.key}${key.required ? "" : " (optional)"}`, key.help, key.suggestions ? `Common values: ${key.suggestions.map((s) => `\`${s}\``).join(", ")}.` : undefined);
}
