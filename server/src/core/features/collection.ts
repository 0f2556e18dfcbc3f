import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { completeness } from "./completeness";
import { hubCardName } from "./hub/table";

/** One card of the workspace as the Model Cards view lists it. */
export interface CardSummary {
  readonly uri: string;
  /** The kind's tag (`models`, `hub-model`) and name (`model card`). */
  readonly kind: string;
  readonly kindName: string;
  /** The front matter's title, or the file's name when it has none; a Hub card's name (`pretty_name`, …, its repository folder). */
  readonly title: string;
  /** Required fields present, of all required fields (`28/31`). */
  readonly present: number;
  readonly total: number;
  /** What present and total count: "fields", or a Hub card's "parts". */
  readonly unit: string;
  /** Problems as the editor shows them (at the user's severities), by severity. */
  readonly errors: number;
  readonly warnings: number;
  /** Information and hints. */
  readonly notes: number;
}

/** A post's front matter title, or its file's name when it has none. */
function postTitle(analysis: Analysis): string {
  const title = analysis.parsed.frontMatter?.entries.find((e) => e.key === "title")?.value;
  return typeof title === "string" && title.trim() !== "" ? title : decodeURIComponent(analysis.uri.slice(analysis.uri.lastIndexOf("/") + 1));
}

/** A summary's problem counts: the one part of it that the text alone does not decide (settings, baseline and date do too). */
export type ProblemCounts = Pick<CardSummary, "errors" | "warnings" | "notes">;

export function problemCounts(diagnostics: readonly Diagnostic[]): ProblemCounts {
  const count = (severity: DiagnosticSeverity): number => diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === severity).length;
  return {
    errors: count(DiagnosticSeverity.Error),
    warnings: count(DiagnosticSeverity.Warning),
    notes: count(DiagnosticSeverity.Information) + count(DiagnosticSeverity.Hint),
  };
}

/** The card's line in the collection; `diagnostics` are the ones published for it. */
export function cardSummary(analysis: Analysis, diagnostics: readonly Diagnostic[]): CardSummary | undefined {
  const complete = completeness(analysis);
  const kind = analysis.hub?.kind.id ?? analysis.model?.kind.tag;
  if (!complete || kind === undefined) return undefined;
  return {
    uri: analysis.uri,
    kind,
    kindName: complete.kind,
    title: analysis.hub ? hubCardName(analysis.hub, analysis.uri) : postTitle(analysis),
    present: complete.present,
    total: complete.total,
    unit: complete.unit,
    ...problemCounts(diagnostics),
  };
}
