import type { SpanEdit } from "../rules/problem";

/** The single edit that turns `before` into `after`, spanning only what differs (none when equal). */
export function minimalEdit(before: string, after: string): SpanEdit[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [{ span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) }];
}
