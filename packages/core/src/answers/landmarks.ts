/** Scores of the markers a route answer names, against the reference route's markers; no map needed. */
import { longestCommonSubsequence } from './sequences.js';

/**
 * Ordered landmark coverage: the longest common subsequence of the named markers and the
 * reference markers, divided by the reference markers plus the named markers outside that
 * subsequence. With no wrong or extra markers it is the paper's coverage (the share of the
 * reference markers named in the right order); each wrong or extra marker counts against it as
 * a missed one would. 0 when the reference has no markers.
 */
export function landmarkCoverage(named: readonly string[], reference: readonly string[]): number {
  if (reference.length === 0) return 0;
  const common = longestCommonSubsequence(named, reference);
  return common / (reference.length + named.length - common);
}

/**
 * The paper's released road-map metric, reimplemented for comparability, defects included: every
 * letter–digit or digit–letter pair anywhere in the response (`[A-Za-z][0-9]|[0-9][A-Za-z]`,
 * so "10am" gives `0a`), without repeats, counted when it is a reference marker (exact case),
 * divided by the number of reference markers. Order is ignored and wrong or extra markers cost
 * nothing. 0 when the reference has no markers (the release skips those items but still
 * divides by all of them). It reads the raw response on purpose, not through `readRoute`.
 */
export function paperMarkerRecall(response: string, reference: readonly string[]): number {
  if (reference.length === 0) return 0;
  const found = new Set([...response.matchAll(/[A-Za-z][0-9]|[0-9][A-Za-z]/g)].map((m) => m[0]));
  let count = 0;
  for (const label of found) if (reference.includes(label)) count++;
  return count / reference.length;
}
