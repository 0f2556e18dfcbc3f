import type { CodeAction, CompletionItem, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Position, Range, TextEdit } from "vscode-languageserver-types";
import { analyze, isCard, type Analysis, type AnalyzeOptions } from "./analysis";
import { toggleAction, toggleCheckboxes } from "./features/checkboxes";
import { codeActions } from "./features/codeActions";
import { completeness, type Completeness } from "./features/completeness";
import { complete } from "./features/completion";
import { diagnostics } from "./features/diagnostics";
import { exportCard, type JsonObject } from "./features/export";
import { FIX_ALL_KIND, fixAll, type FixAllResult, type FixScope } from "./features/fixAll";
import { format } from "./features/format";
import { hover } from "./features/hover";
import { documentLinks, documentSymbols, foldingRanges } from "./features/outline";
import type { ValueCounts } from "./features/workspace";
import { fillMissingEdits } from "./rules/structure";
import { cardSchema, type CardKindSpec } from "./schema";
import { minimalEdit } from "./text/diff";
import { cardGlobMatcher, DEFAULT_SETTINGS, type Settings } from "./settings";

/** The minimal document the service needs; `TextDocument` from vscode-languageserver-textdocument fits. */
export interface CardTextDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/**
 * The facade editors and the CLI use: one analysis per document version, computed lazily and kept
 * until the document changes or closes, so completion and hover on a large card never re-parse it.
 */
export class CardService {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private settings: Settings = DEFAULT_SETTINGS;
  private isForcedCard: (uri: string) => boolean = () => false;
  private kinds: readonly CardKindSpec[] = cardSchema.kinds;

  constructor(private readonly now: () => Date = () => new Date()) {}

  private options(uri: string): AnalyzeOptions {
    return { forcedCard: this.isForcedCard(uri), kinds: this.kinds };
  }

  /** The settings and the card kinds in force (a workspace's `.modelcards.yaml` may extend the built-in ones). */
  configure(settings: Settings, kinds: readonly CardKindSpec[] = cardSchema.kinds): void {
    this.kinds = kinds;
    this.settings = settings;
    this.isForcedCard = cardGlobMatcher(settings);
    this.cache.clear();
  }

  analysis(document: CardTextDocument): Analysis {
    const cached = this.cache.get(document.uri);
    if (cached?.version === document.version) return cached.analysis;
    const analysis = this.analyzeText(document.uri, document.getText());
    this.cache.set(document.uri, { version: document.version, analysis });
    return analysis;
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
    return fixAll(document.uri, document.getText(), this.options(document.uri), this.settings, scope);
  }

  diagnostics(document: CardTextDocument): Diagnostic[] {
    return this.diagnosticsFor(this.analysis(document));
  }

  /** Diagnostics of an analysis of any text (a file on disk), at the user's severities. */
  diagnosticsFor(analysis: Analysis): Diagnostic[] {
    return diagnostics(analysis, this.settings);
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
    const wanted = (kind: string): boolean => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
    const actions = [...codeActions(analysis, span, this.settings), ...(toggle ? [toggle] : [])].filter((a) => wanted(a.kind ?? ""));
    // Fix-all runs every normalizing fix to a fixed point: worth it only when asked for (on save, or from the Source Action menu).
    if (only && wanted(FIX_ALL_KIND) && isCard(analysis)) {
      const fixed = fixAll(document.uri, analysis.parsed.text, this.options(document.uri), this.settings, "normalize");
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
    if (!analysis.model) return [];
    return fillMissingEdits(analysis.model, field).map((e) => analysis.positions.edit(e));
  }

}
