import type { CodeAction, CompletionItem, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Position, Range, TextEdit } from "vscode-languageserver-types";
import { analyze, isCard, type Analysis, type AnalyzeOptions } from "./analysis";
import { toggleAction, toggleCheckboxes } from "./features/checkboxes";
import { codeActions, wantedKind } from "./features/codeActions";
import { completeness, fillMissingEdits, type Completeness } from "./features/completeness";
import { hubFillEdits } from "./features/hub/completeness";
import { complete } from "./features/completion";
import { diagnostics, reportedProblems, type Reported } from "./features/diagnostics";
import { exportCard, type JsonObject } from "./features/export";
import { FIX_ALL_KIND, fixAll, type FixAllResult, type FixScope } from "./features/fixAll";
import { format } from "./features/format";
import { hover } from "./features/hover";
import { documentLinks, documentSymbols, foldingRanges } from "./features/outline";
import type { ValueCounts } from "./features/workspace";
import { scopeOf, type Scope } from "./project/configs";
import type { CardKindSpec } from "./schema";
import { beyondBaseline, type CodeCounts } from "./suppress/baseline";
import { minimalEdit } from "./text/diff";
import { DEFAULT_SETTINGS, type Settings } from "./settings";

const DEFAULT_SCOPE = scopeOf(DEFAULT_SETTINGS);

/** The minimal document the service needs; `TextDocument` from vscode-languageserver-textdocument fits. */
export interface CardTextDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/**
 * How many documents keep their analysis: the one being worked on. An analysis holds the card's
 * lines, bullets, model and problems with their fixes, several times the text, and each one kept
 * survives the young collections that run while other documents are checked: with a workspace's
 * tabs opening, even a few kept grew V8's new space to its largest and the server's memory by a
 * fifth (the bench's memory row). Another document is analysed again when asked (a usual card
 * takes well under a millisecond).
 */
export const KEPT_ANALYSES = 1;

/**
 * The facade editors and the CLI use: one analysis per document version, computed lazily and kept
 * for the document used last until it changes or closes, so completion and hover on a large card
 * being edited never re-parse it.
 */
export class CardService {
  private readonly cache = new Map<string, { version: number; text: string; analysis: Analysis }>();
  private scopeFor: (uri: string) => Scope = () => DEFAULT_SCOPE;
  private maxCheckedLength: number | undefined;
  private recorded: (uri: string) => CodeCounts | undefined = () => undefined;

  /** `now` is the one clock of every check, fix and completion (tests pin it). */
  constructor(private readonly now: () => Date = () => new Date()) {}

  /** What `analyze` needs for the file; `previous` is its last analysis, whose unchanged parts are reused. */
  private options(uri: string, previous?: Analysis): AnalyzeOptions {
    const scope = this.scopeFor(uri);
    return { forcedCard: scope.isForcedCard(uri), kinds: scope.kinds, today: this.now(), maxCheckedLength: this.maxCheckedLength, previous };
  }

  /** Cards longer than this are not checked but reported as too large (an editor's limit; the CLI sets none). */
  limitCheckedLength(length: number): void {
    this.maxCheckedLength = length;
    this.cache.clear();
  }

  private settings(uri: string): Settings {
    return this.scopeFor(uri).settings;
  }

  /** The same settings and card kinds for every file (a `--config` file, or a test's). */
  configure(settings: Settings, kinds?: readonly CardKindSpec[]): void {
    const scope = scopeOf(settings, kinds);
    this.useScopes(() => scope);
  }

  /** What applies to each file, as the project's config files say (`ProjectConfigs.scopeFor`). */
  useScopes(scopeFor: (uri: string) => Scope): void {
    this.scopeFor = scopeFor;
    this.reset();
  }

  /** Drops every cached analysis: what applies to the files changed (a config file was edited). */
  reset(): void {
    this.cache.clear();
  }

  /** The baseline in force: the problems a document had when it was recorded are not reported again. */
  useBaseline(recorded: (uri: string) => CodeCounts | undefined): void {
    this.recorded = recorded;
  }

  /** The card kinds in force for a file (its config may extend the built-in ones). */
  cardKinds(uri: string): readonly CardKindSpec[] {
    return this.scopeFor(uri).kinds;
  }

  analysis(document: CardTextDocument): Analysis {
    const text = document.getText();
    const cached = this.cache.get(document.uri);
    // Keyed on the text too: a client may repeat a version number (or reopen a file at version 1),
    // and stale diagnostics are worse than a re-parse. The same string compares in constant time.
    const entry = cached?.version === document.version && cached.text === text ? cached : { version: document.version, text, analysis: analyze(document.uri, text, this.options(document.uri, cached?.analysis)) };
    // Kept in the order of use, so the first is the one used longest ago.
    this.cache.delete(document.uri);
    this.cache.set(document.uri, entry);
    if (this.cache.size > KEPT_ANALYSES) this.cache.delete(this.cache.keys().next().value!);
    return entry.analysis;
  }

  /** Analyzes text that is not an open document (a file on disk), with the same settings, uncached. */
  analyzeText(uri: string, text: string): Analysis {
    return analyze(uri, text, this.options(uri));
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The document's text with every fix of the scope applied, as `--fix` writes it. */
  fixAll(document: CardTextDocument, scope: FixScope): FixAllResult {
    return fixAll(document.uri, document.getText(), this.options(document.uri), this.settings(document.uri), scope);
  }

  diagnostics(document: CardTextDocument): Diagnostic[] {
    return this.diagnosticsFor(this.analysis(document));
  }

  /** The diagnostics' problems at their severities, for reports outside an editor (the CLI). */
  reported(analysis: Analysis): Reported[] {
    return reportedProblems(analysis, this.settings(analysis.uri));
  }

  /** Diagnostics of an analysis of any text (a file on disk), at the user's severities, beyond the baseline's counts. */
  diagnosticsFor(analysis: Analysis): Diagnostic[] {
    return beyondBaseline(diagnostics(analysis, this.settings(analysis.uri)), this.recorded(analysis.uri));
  }

  /** Completions; `values` are what the workspace's other cards write, offered first. */
  completion(document: CardTextDocument, position: Position, values?: ValueCounts): CompletionItem[] {
    const analysis = this.analysis(document);
    return complete(analysis, analysis.positions.offsetAt(position), this.now(), values);
  }

  hover(document: CardTextDocument, position: Position): Hover | undefined {
    const analysis = this.analysis(document);
    return hover(analysis, analysis.positions.offsetAt(position));
  }

  /**
   * Quick fixes for the problems in the range, then the checkbox toggle when the range has
   * checkboxes; `only` keeps the kinds the editor asked for (a kind covers its sub-kinds).
   */
  codeActions(document: CardTextDocument, range: Range, only?: readonly string[]): CodeAction[] {
    const analysis = this.analysis(document);
    const span = analysis.positions.span(range);
    const toggle = toggleAction(analysis, span);
    const wanted = (kind: string): boolean => wantedKind(only, kind);
    const actions = [...codeActions(analysis, span, this.settings(document.uri)), ...(toggle ? [toggle] : [])].filter((a) => wanted(a.kind ?? ""));
    // Fix-all runs every normalizing fix to a fixed point: worth it only when asked for (on save, or from the Source Action menu).
    if (only && wanted(FIX_ALL_KIND) && isCard(analysis)) {
      const fixed = fixAll(document.uri, analysis.parsed.text, this.options(document.uri), this.settings(document.uri), "normalize");
      const edits = minimalEdit(analysis.parsed.text, fixed.text).map((e) => analysis.positions.edit(e));
      if (edits.length > 0) actions.push({ title: `Fix ${fixed.applied.length} problem(s) of form (markers, indent, emoji, ✅/❌, checkboxes, order)`, kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } });
    }
    return actions;
  }

  documentSymbols(document: CardTextDocument): DocumentSymbol[] {
    return documentSymbols(this.analysis(document));
  }

  foldingRanges(document: CardTextDocument): FoldingRange[] {
    return foldingRanges(this.analysis(document));
  }

  documentLinks(document: CardTextDocument): DocumentLink[] {
    return documentLinks(this.analysis(document));
  }

  /** Formats the whole card, or only the bullet lines in `range`. */
  format(document: CardTextDocument, range?: Range): TextEdit[] {
    const analysis = this.analysis(document);
    return format(analysis, range && analysis.positions.span(range));
  }

  toggleCheckboxes(document: CardTextDocument, lines: readonly number[]): TextEdit[] {
    return toggleCheckboxes(this.analysis(document), lines);
  }

  completeness(document: CardTextDocument): Completeness | undefined {
    return completeness(this.analysis(document));
  }

  exportCard(document: CardTextDocument): JsonObject | undefined {
    return exportCard(this.analysis(document));
  }

  /** Inserts every missing field, or only the one `field` names (a path as `completeness` lists it). */
  fillMissing(document: CardTextDocument, field?: string): TextEdit[] {
    const analysis = this.analysis(document);
    const edits = analysis.hub ? hubFillEdits(analysis.hub, field) : analysis.model ? fillMissingEdits(analysis.model, analysis.missing, field) : [];
    return edits.map((e) => analysis.positions.edit(e));
  }

}
