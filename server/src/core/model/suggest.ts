import { distance } from "fastest-levenshtein";
import { normalizeLabel } from "./labels";

/**
 * The closest candidate to a misspelt word, or undefined when none is close enough to be a typo
 * rather than a different word (at most a third of its length, and at most 4 edits).
 */
export function didYouMean(text: string, candidates: readonly string[]): string | undefined {
  const best = closestNormalized(normalizeLabel(text), candidates.map(normalizeLabel));
  return best && candidates[best.index];
}

/**
 * `didYouMean` for a word and candidates already normalised (a schema's labels, normalised once):
 * the index of the closest candidate and how many edits away it is.
 */
export function closestNormalized(needle: string, candidates: readonly string[]): { readonly index: number; readonly distance: number } | undefined {
  if (needle === "") return undefined;
  const limit = Math.min(4, Math.max(1, Math.floor(needle.length / 3)));
  let best = -1;
  let bestDistance = Infinity;
  let bestPrefix = 0;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    // Words that differ in length by more than the limit differ by more edits: they can never be the answer.
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    const d = distance(needle, candidate);
    // On a tie, the candidate that starts like the word wins: `bp16` is a slip for `bf16`, not `fp16`.
    const prefix = commonPrefix(needle, candidate);
    if (d < bestDistance || (d === bestDistance && prefix > bestPrefix)) {
      best = i;
      bestDistance = d;
      bestPrefix = prefix;
    }
  }
  return bestDistance <= limit ? { index: best, distance: bestDistance } : undefined;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
