// McNemar's test without continuity correction: the paired (shadow) test of STATS.md for
// accuracy, recall and success rate, = statsmodels mcnemar(table, exact=False, correction=False).
import { chiSquareSf } from './distributions.ts';

export interface McNemarResult {
  /** (b - c)² / (b + c), chi-square with 1 dof; null when there is no discordant pair. */
  statistic: number | null;
  p: number | null;
}

/**
 * McNemar from the discordant counts: b = baseline only correct, c = canary only correct
 * (Comparing two models, shadow design).
 */
export function mcnemar(b: number, c: number): McNemarResult {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new RangeError(`mcnemar: need non-negative integer counts, got b = ${b}, c = ${c}`);
  }
  // Every pair agrees: the models can not be told apart (statsmodels divides 0 by 0 here).
  if (b + c === 0) return { statistic: null, p: null };
  const statistic = ((b - c) * (b - c)) / (b + c);
  return { statistic, p: chiSquareSf(statistic, 1) };
}
