import type { CodeAction, CompletionItem, Diagnostic, Hover, Position, Range } from "vscode-languageserver-types";
import { analyze, type Analysis } from "./analysis";
import { codeActions } from "./features/codeActions";
import { complete } from "./features/completion";
import { diagnostics } from "./features/diagnostics";
import { hover } from "./features/hover";
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

  constructor(private readonly now: () => Date = () => new Date()) {}

  configure(settings: Settings): void {
    this.settings = settings;
    this.isForcedCard = cardGlobMatcher(settings);
    this.cache.clear();
  }

  analysis(document: CardTextDocument): Analysis {
    const cached = this.cache.get(document.uri);
    if (cached?.version === document.version) return cached.analysis;
    const analysis = analyze(document.uri, document.getText(), { forcedCard: this.isForcedCard(document.uri) });
    this.cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  diagnostics(document: CardTextDocument): Diagnostic[] {
    return diagnostics(this.analysis(document), this.settings);
  }

  completion(document: CardTextDocument, position: Position): CompletionItem[] {
    const analysis = this.analysis(document);
    return complete(analysis, analysis.positions.offsetAt(position), this.now());
  }

  hover(document: CardTextDocument, position: Position): Hover | undefined {
    const analysis = this.analysis(document);
    return hover(analysis, analysis.positions.offsetAt(position));
  }

  codeActions(document: CardTextDocument, range: Range): CodeAction[] {
    const analysis = this.analysis(document);
    return codeActions(analysis, analysis.positions.span(range), this.settings);
  }
}
