import { distance } from "fastest-levenshtein";
import { normalizeLabel } from "./labels";

/**
 * The closest candidate to a misspelt word, or undefined when none is close enough to be a typo
 * rather than a different word (at most a third of its length, and at most 4 edits).
 */
export function didYouMean(text: string, candidates: readonly string[]): string | undefined {
  const needle = normalizeLabel(text);
  if (needle === "") return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestPrefix = 0;
  for (const candidate of candidates) {
    const normalized = normalizeLabel(candidate);
    const d = distance(needle, normalized);
    // On a tie, the candidate that starts like the word wins: `bp16` is a slip for `bf16`, not `fp16`.
    const prefix = commonPrefix(needle, normalized);
    if (d < bestDistance || (d === bestDistance && prefix > bestPrefix)) {
      best = candidate;
      bestDistance = d;
      bestPrefix = prefix;
    }
  }
  const limit = Math.min(4, Math.max(1, Math.floor(needle.length / 3)));
  return bestDistance <= limit ? best : undefined;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
