import type { CohortValue } from '../../shared/analyses/performance/performance-cohorts.ts';
import { describeColumn, describePredicates } from '../../shared/sql/predicate.ts';

/**
 * A cohort in words: `region = 'APAC' AND amount in (10, 20]`. Values read as `--where` text;
 * a numeric column's equal-mass bin by its rounded label.
 */
export function cohortName(
  cohort: Record<string, CohortValue>,
  by: readonly { name: string; mode: 'quantile' | 'value' }[],
): string {
  return by
    .map(({ name, mode }) => {
      const value = cohort[name] ?? null;
      return mode === 'quantile' && value !== null
        ? `${describeColumn(name)} in ${String(value)}`
        : describePredicates([{ column: name, op: '=', value }]);
    })
    .join(' AND ');
}
