import type { CohortValue } from '../../../shared/analyses/performance/performance-cohorts.ts';
import type { PerformanceByInfo } from '../../../shared/analyses/performance/performance-result.ts';

/** One cohort column's value for people: a category, a numeric bin `(a, b]`, or missing. */
export function cohortValueText(value: CohortValue | undefined): string {
  if (value === null || value === undefined) return '(missing)';
  return String(value);
}

/**
 * A cohort in words, column by column: "region = APAC and device = android"; a numeric bin reads
 * "amount in (12.5, 40]", a null "region is missing".
 */
export function cohortWords(
  by: readonly Pick<PerformanceByInfo, 'name' | 'mode'>[],
  cohort: Record<string, CohortValue>,
): string {
  return by
    .map(({ name, mode }) => {
      const value = cohort[name];
      if (value === null || value === undefined) return `${name} is missing`;
      if (value === '(invalid)') return `${name} is not a number`;
      return mode === 'quantile' ? `${name} in ${String(value)}` : `${name} = ${String(value)}`;
    })
    .join(' and ');
}

/** A cohort's key among its table's cohorts: its values in `by` order. */
export function cohortKey(
  by: readonly Pick<PerformanceByInfo, 'name'>[],
  cohort: Record<string, CohortValue>,
): string {
  return JSON.stringify(by.map((b) => cohort[b.name] ?? null));
}
