/**
 * What a string in Hub metadata must name: a license id, a language code, a task, a library, a Hub
 * repository, a dataset card's choice. Each vocabulary has its code and severity, per what the Hub
 * does with a value it does not know: refuse the push (error) or keep it unlinked (warning).
 */
import { didYouMean } from "../../model/suggest";
import type { MetaScalar } from "../../parse/hubMetadata";
import { findValue, RETIRED_TASKS, vocabulary, WITHDRAWN_LANGUAGES } from "../../schema/hub/vocabularies";
import type { HubKeySpec, HubValue, VocabularyId } from "../../schema/hub";
import type { Span } from "../../text/span";
import type { Code } from "../codes";
import type { Fix } from "../problem";
import { dropItemEdit } from "./edits";
import type { HubRuleContext } from "./rule";

/** The span of a scalar's text without its quotes, so a replacement keeps them. */
function inner(ctx: HubRuleContext, node: MetaScalar): Span {
  const { text } = ctx.model.doc;
  const q = text.charAt(node.span.start);
  return node.quoted && (q === '"' || q === "'") ? { start: node.span.start + 1, end: node.span.end - 1 } : node.span;
}

const replace = (ctx: HubRuleContext, node: MetaScalar, to: string, title: string, normalizes = false): Fix => {
  const span = inner(ctx, node);
  // The value it replaces is named, so the nothing-lost guard lets that go and nothing else.
  return { title, edits: [{ span, newText: to }], preferred: true, replaces: [ctx.model.doc.text.slice(span.start, span.end)], ...(normalizes && { normalizes }) };
};

/** A value the vocabulary has in another case or spelling: `MIT` → `mit`, `apache2` → `apache-2.0`. */
function suggestion(id: VocabularyId, value: string): string | undefined {
  const labels = vocabulary(id).map((o) => o.label);
  const lower = value.toLowerCase();
  // `apache2`, `Apache 2.0`, `GPLv3`: the same id once versions and separators are written alike.
  const loose = (text: string): string => text.toLowerCase().replace(/\.0\b/g, "").replace(/v(?=\d)/g, "").replace(/[-. ]/g, "");
  return labels.find((l) => l.toLowerCase() === lower) ?? labels.find((l) => loose(l) === loose(value)) ?? didYouMean(value, labels);
}

const UNKNOWN: Readonly<Record<VocabularyId, { code: Code; what: string; consequence: string }>> = {
  license: { code: "hub.license", what: "a license id the Hub knows", consequence: "The Hub refuses it; use one of its ids, or `other` with `license_name` and `license_link`." },
  language: { code: "hub.language-unknown", what: "an ISO 639 language code", consequence: "The Hub does not know its name." },
  task: { code: "hub.task", what: "one of the Hub's task ids", consequence: "The Hub does not list it under a task." },
  subtask: { code: "hub.task", what: "one of the Hub's task ids", consequence: "The Hub does not list it under a task." },
  library: { code: "hub.library", what: "a library the Hub knows", consequence: "The Hub shows no code snippet and counts no downloads for it." },
  sizeCategory: { code: "hub.value", what: "a size category (`n<1K` … `n>1T`)", consequence: "The Hub cannot filter by it." },
  annotationsCreator: { code: "hub.value", what: "a known annotations creator", consequence: "The Hub cannot filter by it." },
  languageCreator: { code: "hub.value", what: "a known language creator", consequence: "The Hub cannot filter by it." },
  multilinguality: { code: "hub.value", what: "`monolingual`, `multilingual`, `translation` or `other`", consequence: "The Hub cannot filter by it." },
  baseModelRelation: { code: "hub.value", what: "`adapter`, `merge`, `quantized` or `finetune`", consequence: "The Hub ignores it." },
};

/** A BCP-47 tag with a region or script (`en-US`, `zh_Hans`): its language subtag. */
const BCP47 = /^([A-Za-z]{2,3})[-_][A-Za-z0-9]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

function checkLanguage(ctx: HubRuleContext, node: MetaScalar, value: string, path: string): boolean {
  const withdrawn = WITHDRAWN_LANGUAGES[value];
  if (withdrawn) {
    ctx.report("hub.legacy", inner(ctx, node), `\`${value}\` is a withdrawn ISO 639 code; the current one is \`${withdrawn}\`.`, replace(ctx, node, withdrawn, `Change to \`${withdrawn}\``, true));
    return true;
  }
  const tag = BCP47.exec(value);
  if (tag) {
    const primary = tag[1]!.toLowerCase();
    ctx.report("hub.language", inner(ctx, node), `\`${path}\` takes ISO 639 codes, and the Hub refuses \`${value}\`: write \`${primary}\`, with the full tag in \`language_details\`.`, ...moveTagFix(ctx, node, value, primary));
    return true;
  }
  if (/^[a-z]{2,3}$/i.test(value) && value !== value.toLowerCase()) {
    ctx.report("hub.language", inner(ctx, node), `Language codes are lower case: the Hub refuses \`${value}\`.`, replace(ctx, node, value.toLowerCase(), `Change to \`${value.toLowerCase()}\``, true));
    return true;
  }
  if (!/^[a-z]{2,3}$/.test(value)) {
    const guess = suggestion("language", value);
    ctx.report("hub.language", inner(ctx, node), `\`${path}\` takes ISO 639 codes such as \`en\` (or \`multilingual\`, \`code\`); the Hub refuses \`${value}\`.`, ...(guess ? [replace(ctx, node, guess, `Change to \`${guess}\``)] : []));
    return true;
  }
  return false;
}

/** `en-US` → `en` here, and `en-US` added to `language_details` (created after `language` when missing). */
function moveTagFix(ctx: HubRuleContext, node: MetaScalar, tag: string, primary: string): Fix[] {
  const root = ctx.model.metadata.root!;
  const language = root.pairs.find((p) => p.key === "language");
  const details = root.pairs.find((p) => p.key === "language_details");
  if (!language || language.value.kind === "map") return [];
  const { eol } = ctx.model.doc;
  // With the language already listed, the item only moves: it leaves the list for language_details.
  const listed = language.value.kind === "seq" && language.value.items.some((i) => i !== node && i.kind === "scalar" && i.value === primary);
  const drop = listed ? dropItemEdit(ctx, node) : undefined;
  if (listed && !drop) return [];
  const lineEnd = (offset: number): number => ctx.model.doc.lines[ctx.positions.lineIndexAt(offset)]!.next;
  let add;
  if (!details) add = { span: { start: lineEnd(language.value.span.end - 1), end: lineEnd(language.value.span.end - 1) }, newText: `language_details:${eol}- ${tag}${eol}` };
  else if (details.value.kind === "seq" && !details.value.flow && details.value.items.length > 0) add = { span: { start: lineEnd(details.value.span.end - 1), end: lineEnd(details.value.span.end - 1) }, newText: `${" ".repeat(details.value.items[0]!.span.start - ctx.model.doc.lines[ctx.positions.lineIndexAt(details.value.items[0]!.span.start)]!.start - 2)}- ${tag}${eol}` };
  else return [];
  // Not preferred: it removes the author's line, which `--fix` and fix-on-save never do unasked.
  if (drop) return [{ title: `Move \`${tag}\` to language_details`, edits: [drop, add] }];
  return [{ title: `Write \`${primary}\` and move \`${tag}\` to language_details`, edits: [{ span: inner(ctx, node), newText: primary }, add], preferred: true }];
}

/** A Hub repository id: `owner/name`, or a canonical id without owner (`gpt2`, `squad`). */
const HUB_ID = /^[A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)?$/;
const LOCAL_PATH = /^(?:[/~.]|[A-Za-z]:[\\/])|\\|\/.*\//;

function checkHubId(ctx: HubRuleContext, node: MetaScalar, value: string, repo: "model" | "dataset", path: string): void {
  if (HUB_ID.test(value)) return;
  const local = LOCAL_PATH.test(value);
  if (repo === "model") {
    ctx.report("hub.base-model", inner(ctx, node), local ? `\`${path}\` is a local path; the Hub refuses it. Write the Hub id of the model, \`owner/name\`.` : `\`${path}\` must be a Hub model id \`owner/name\`; the Hub refuses \`${value}\`.`);
  } else {
    ctx.report("hub.repo-id", inner(ctx, node), `\`${value}\` is not a Hub dataset id (\`owner/name\`), so the Hub does not link it.`);
  }
}

/** Checks a string value against its key's vocabulary or id form. */
export function checkString(ctx: HubRuleContext, node: MetaScalar, value: string, spec: Extract<HubValue, { kind: "string" }>, key: HubKeySpec, path: string): void {
  if (spec.oldForm) {
    ctx.report("hub.legacy", node.span, spec.oldForm);
    return;
  }
  if (spec.hubId) checkHubId(ctx, node, value, spec.hubId, path);
  const id = spec.vocabulary;
  if (!id || findValue(id, value)) return;
  if (id === "language" && checkLanguage(ctx, node, value, path)) return;
  if (id === "task") {
    const retired = RETIRED_TASKS[value];
    if (retired) {
      ctx.report("hub.legacy", inner(ctx, node), `The Hub retired the task \`${value}\`; write \`${retired}\`.`, replace(ctx, node, retired, `Change to \`${retired}\``));
      return;
    }
  }
  // pipeline_tag picks the widget: the Hub refuses a tag it does not have, where other task lists only go unlinked.
  const { code, what, consequence } = key.key === "pipeline_tag" ? { code: "hub.pipeline-tag" as const, what: "one of the Hub's tasks", consequence: "The Hub refuses it." } : UNKNOWN[id];
  const byName = id === "task" ? vocabulary("task").find((o) => o.help.description.toLowerCase().startsWith(`${value.toLowerCase()}:`))?.label : undefined;
  const guess = byName ?? suggestion(id, value);
  const message = `\`${path}\` should be ${what}; \`${value}\` is not.${guess ? ` Did you mean \`${guess}\`?` : ""} ${consequence}`;
  // Only a change of case rewrites nothing the author meant: that one may run on save.
  const fixes = guess ? [replace(ctx, node, guess, `Change to \`${guess}\``, guess.toLowerCase() === value.toLowerCase())] : [];
  ctx.report(code, inner(ctx, node), message, ...fixes);
}
