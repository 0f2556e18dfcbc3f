/**
 * The cards the extension-host tests and the screenshots start from, as text: the project's own Codex
 * card and the slips a person makes in it. Pure, so that both the suite (inside VS Code) and the
 * screenshot script (outside) use it.
 */
export { CODEX, HUB_MODEL } from "./codex";

/** `text` with each line that is a key of `changes` replaced by its value, or dropped for null. */
export function replaceLines(text: string, changes: Readonly<Record<string, string | null>>): string {
  const unused = new Set(Object.keys(changes));
  const lines = text.split("\n").flatMap((line) => {
    if (!(line in changes)) return [line];
    unused.delete(line);
    const by = changes[line];
    return by === null || by === undefined ? [] : [by];
  });
  if (unused.size > 0) throw new Error(`not lines of the card: ${[...unused].join(" | ")}`);
  return lines.join("\n");
}

/** The lines of `text`, split where the level-1 field `head` and the lines indented under it start and end. */
function splitAtSection(text: string, head: string): { before: string[]; section: string[]; after: string[] } {
  const lines = text.split("\n");
  const start = lines.indexOf(head);
  if (start < 0) throw new Error(`not a line of the card: ${head}`);
  const end = lines.findIndex((line, i) => i > start && !line.startsWith(" "));
  return { before: lines.slice(0, start), section: lines.slice(start, end), after: lines.slice(end) };
}

/** `text` without the level-1 field `head` and the lines indented under it. */
export function withoutSection(text: string, head: string): string {
  const { before, after } = splitAtSection(text, head);
  return [...before, ...after].join("\n");
}

/** `text` with the level-1 field `head` and the lines indented under it moved to the end. */
export function sectionToEnd(text: string, head: string): string {
  const { before, section, after } = splitAtSection(text, head);
  // The text's final newline stays last.
  return [...before, ...after.slice(0, -1), ...section, ...after.slice(-1)].join("\n");
}
