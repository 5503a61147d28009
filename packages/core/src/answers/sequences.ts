/** Comparing sequences: the list, route and caption scorers and landmark coverage share these. */

/** Whether two sequences hold equal items in the same order. */
export function sameSequence<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Whether every item of `part` occurs in `whole`, in the same order (not necessarily adjacent). */
export function isSubsequence<T>(part: readonly T[], whole: readonly T[]): boolean {
  let next = 0;
  for (const item of part) {
    while (next < whole.length && whole[next] !== item) next++;
    if (next === whole.length) return false;
    next++;
  }
  return true;
}

/** The length of the longest common subsequence of two sequences (ROUGE-L and landmark coverage). */
export function longestCommonSubsequence<T>(a: readonly T[], b: readonly T[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  let current = new Array<number>(b.length + 1).fill(0);
  for (const itemA of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = itemA === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
