import type { DriftColumnResult } from '../../../shared/analyses/drift/drift-result.ts';
import type { Predicate } from '../../engine/predicate-types.ts';

/**
 * The cohort filter that selects one bin of a drift column: quantile bin i is (e_{i-1}, e_i]
 * with open ends, a category is `column = value`, the missing pseudo-bin (index null) is
 * `column = NULL`. Null when the bin cannot be written as predicates: the pooled "(other)"
 * (no NOT IN in the filter language) and invalid values (NaN is not comparable).
 */
export function binCohort(
  column: Pick<DriftColumnResult, 'name' | 'bins'>,
  index: number | null,
  label?: string | number,
): Predicate[] | null {
  const { name, bins } = column;
  if (index === null)
    return label === '(missing)' ? [{ column: name, op: '=', value: null }] : null;
  if (bins === null) return null;
  if (bins.mode === 'categorical') {
    const categories = bins.categories ?? [];
    const value = categories[index];
    // The pooled rest is always the last bin.
    const pooled = bins.pooled > 0 && index === categories.length - 1;
    return value === undefined || pooled ? null : [{ column: name, op: '=', value }];
  }
  const edges = bins.edges ?? [];
  if (index < 0 || index > edges.length) return null;
  const lower = edges[index - 1];
  const upper = edges[index];
  const out: Predicate[] = [];
  if (lower !== undefined) out.push({ column: name, op: '>', value: lower });
  if (upper !== undefined) out.push({ column: name, op: '<=', value: upper });
  // A constant reference has one bin without edges: it is the whole column, not a cohort.
  return out.length > 0 ? out : null;
}

/**
 * The active cohort narrowed to a bin: predicates on the bin's column are replaced (a new bin of
 * the same column is a new choice, not an empty intersection), the others kept.
 */
export function narrowCohort(
  cohort: readonly Predicate[],
  column: string,
  bin: readonly Predicate[],
): Predicate[] {
  return [...cohort.filter((p) => p.column !== column), ...bin];
}
