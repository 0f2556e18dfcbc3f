import { CodeActionKind, type CodeAction, type TextEdit } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { canonicalCheckbox, type ListItem } from "../parse/body";
import { itemAtLine } from "../parse/document";
import type { Span } from "../text/span";
import { locateLine } from "./locate";

/** A rewrite, not a fix: it shows in the light bulb and the refactor menu, never in "fix all". */
export const TOGGLE_KIND = `${CodeActionKind.RefactorRewrite}.toggleCheckbox`;

/**
 * Toggles the checkboxes on the given lines, whatever their marker or spacing. Checking an option
 * of a single-choice group unchecks the others; when several options of one such group are checked
 * at once, the last one wins, so the group always ends valid.
 */
export function toggleCheckboxes(analysis: Analysis, lines: readonly number[]): TextEdit[] {
  const { parsed, positions } = analysis;
  const desired = new Map<ListItem, boolean>();
  for (const line of new Set(lines)) {
    const item = itemAtLine(parsed, line);
    if (!item?.checkbox) continue;
    const checked = canonicalCheckbox(item.checkbox) === "[x]";
    desired.set(item, !checked);
    const group = locateLine(analysis, line).option?.group;
    if (checked || group?.spec.children?.kind !== "choice" || group.spec.children.selection !== "single") continue;
    for (const other of group.options) if (other.item !== item) desired.set(other.item, false);
  }
  const edits: TextEdit[] = [];
  for (const [item, checked] of desired) {
    const box = item.checkbox;
    if (!box) continue;
    const newText = checked ? "[x]" : "[ ]";
    const current = parsed.text.slice(box.span.start, box.span.end);
    // `[x]Label` needs its space to become a task item at all.
    const fixed = box.spaced ? newText : `${newText} `;
    if (current !== newText || !box.spaced) edits.push({ range: positions.range(box.span), newText: fixed });
  }
  return edits.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** The code action on checkbox lines: the same toggle as the command, offered in the light bulb. */
export function toggleAction(analysis: Analysis, span: Span): CodeAction | undefined {
  const { positions } = analysis;
  const first = positions.lineIndexAt(span.start);
  const last = positions.lineIndexAt(span.end);
  const lines = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const edits = toggleCheckboxes(analysis, lines);
  if (edits.length === 0) return undefined;
  return { title: "Toggle checkbox", kind: TOGGLE_KIND, edit: { changes: { [analysis.uri]: edits } } };
}
