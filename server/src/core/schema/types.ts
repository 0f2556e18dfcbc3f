/**
 * The card schema is data: every feature (diagnostics, completion, hover, snippets, quick fixes)
 * reads these definitions, so adding a field or an option never means touching feature code.
 */

/** What the reader needs to write a field or option correctly. Rendered as markdown in hovers and completions. */
export interface Help {
  /** What it means, one or two sentences. */
  readonly description: string;
  /** The expected format of the value, if the field has one. */
  readonly format?: string;
  /** A complete example line or value, as it would appear in a card. */
  readonly example?: string;
}

/** An option of a choice group, or a known value of a field. */
export interface OptionSpec {
  readonly label: string;
  /** Other spellings that mean this option (matched case-insensitively, not flagged). */
  readonly aliases?: readonly string[];
  readonly help: Help;
}

/** The value written after `Label: ` on the field's own line. */
export type ValueSpec =
  | { readonly kind: "link" }
  | { readonly kind: "boolean"; /** a note may follow, e.g. `✅ (Promise)` */ readonly note?: boolean }
  | { readonly kind: "number" }
  | { readonly kind: "sizes" }
  | { readonly kind: "text"; /** suggested in completion; anything else is still accepted */ readonly suggestions?: readonly OptionSpec[] }
  | { readonly kind: "enum"; /** the value must be one of these (after backticks and case are ignored) */ readonly options: readonly OptionSpec[] };

/** What is nested under a field: child fields, a checkbox choice group, or free bullet items. */
export type ChildrenSpec =
  | { readonly kind: "fields"; readonly fields: readonly FieldSpec[] }
  | { readonly kind: "choice"; readonly selection: "single" | "multiple"; readonly options: readonly OptionSpec[] }
  | { readonly kind: "items"; readonly item: "text" | "sizes" };


export interface FieldSpec {
  /** Stable id used in settings and tests, e.g. `tokenizer.technology`. */
  readonly id: string;
  /** The label as written in a card, without emoji: `Author Affiliation`. */
  readonly label: string;
  /** Other label spellings recognised as this field without a warning. */
  readonly aliases?: readonly string[];
  /** The canonical emoji, exactly as the template writes it; undefined when the label has none. */
  readonly emoji?: string;
  /** Missing required fields are reported; optional ones are only offered in completion. */
  readonly required: boolean;
  /** A suffix written after the label, e.g. `(Codex 12B)` after `Hyperparameters`. */
  readonly labelSuffix?: { readonly placeholder: string; readonly help: string };
  /** The inline value after `: `; undefined when the field is only a heading for its children. */
  readonly value?: ValueSpec;
  readonly children?: ChildrenSpec;
  readonly help: Help;
}

/** A front matter key, with what a valid value looks like. */
export interface FrontMatterKeySpec {
  readonly key: string;
  readonly required: boolean;
  readonly value: "string" | "date" | "list" | "boolean";
  readonly help: Help;
  /** Known values, offered in completion (for lists: the items). */
  readonly suggestions?: readonly string[];
}

export interface CardKindSpec {
  /** The `tags` entry that marks a post as this kind of card, e.g. `models`. */
  readonly tag: string;
  /** Human name: "model card". */
  readonly name: string;
  /** Snippet prefix and name. */
  readonly snippet: { readonly prefix: string; readonly description: string };
  readonly fields: readonly FieldSpec[];
  /**
   * The field ids the Compare Cards view shows at first (every field can be shown): what readers of
   * a collection compare. A kind without them shows its first fields.
   */
  readonly columns?: readonly string[];
}

export interface CardSchema {
  readonly kinds: readonly CardKindSpec[];
  readonly frontMatter: readonly FrontMatterKeySpec[];
  /** Values that mean "not reported" in any inline field (the corpus writes `/`). */
  readonly notReported: string;
  readonly booleans: { readonly yes: OptionSpec; readonly no: OptionSpec };
}
