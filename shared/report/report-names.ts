// Cohorts, slices and pins as people read them, in the `--where` syntax so a name can be pasted
// back into `faultline … --where`.
import type { CohortValue } from '../analyses/performance/performance-cohorts.ts';
import type { SliceTerm } from '../analyses/slices/slices-result.ts';
import { describeColumn, describePredicates, type Predicate } from '../sql/predicate.ts';

/** A pin without a name: its predicates as `--where` text (`all rows` when none). */
export function pinName(predicates: readonly Predicate[]): string {
  return predicates.length === 0 ? 'all rows' : describePredicates(predicates);
}

/**
 * A cohort: `region = 'APAC' AND device = 'ios'`; a numeric bin by its label,
 * `amount in (10, 20]`.
 */
export function cohortLabel(
  cohort: Record<string, CohortValue>,
  predicates: readonly Predicate[] | null,
): string {
  const parts = Object.entries(cohort).map(([column, value]) => {
    const equal = predicates?.some((p) => p.column === column && p.op === '=') ?? false;
    return equal || value === null || typeof value === 'boolean'
      ? describePredicates([{ column, op: '=', value }])
      : `${describeColumn(column)} in ${String(value)}`;
  });
  return parts.length === 0 ? 'all rows' : parts.join(' AND ');
}

/** A slice by its terms' own text (`region = APAC AND amount in (8.3, 15.38]`). */
export function sliceLabel(terms: readonly SliceTerm[]): string {
  return terms.map((t) => t.text).join(' AND ');
}
