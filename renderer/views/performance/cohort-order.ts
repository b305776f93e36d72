import type { CohortValue } from '../../../shared/analyses/performance/performance-cohorts.ts';
import type { PerformanceByInfo } from '../../../shared/analyses/performance/performance-result.ts';
import { cohortValueText } from './cohort-words.ts';

/** Where a numeric bin `(a, b]` starts; anything else (missing, invalid) after every bin. */
function binStart(text: string): number {
  const match = /^\((-inf|-?[\d.e+-]+),/.exec(text);
  if (match === null) return Number.POSITIVE_INFINITY;
  return match[1] === '-inf' ? Number.NEGATIVE_INFINITY : Number(match[1]);
}

/**
 * Two values of one cohort column in reading order: numeric bins by where they start, numbers
 * as numbers, text by name; missing and invalid values last.
 */
export function compareCohortValues(
  a: CohortValue | undefined,
  b: CohortValue | undefined,
  mode: PerformanceByInfo['mode'],
): number {
  const at = cohortValueText(a);
  const bt = cohortValueText(b);
  const last = (v: CohortValue | undefined, text: string) =>
    v === null || v === undefined || text === '(invalid)' ? 1 : 0;
  const byLast = last(a, at) - last(b, bt);
  if (byLast !== 0) return byLast;
  if (mode === 'quantile') {
    const [x, y] = [binStart(at), binStart(bt)];
    return (x === y ? 0 : x - y) || at.localeCompare(bt);
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return at.localeCompare(bt);
}

/** Two cohorts in reading order, column by column. */
export function compareCohorts(
  by: readonly Pick<PerformanceByInfo, 'name' | 'mode'>[],
  a: Record<string, CohortValue>,
  b: Record<string, CohortValue>,
): number {
  for (const { name, mode } of by) {
    const order = compareCohortValues(a[name], b[name], mode);
    if (order !== 0) return order;
  }
  return 0;
}
