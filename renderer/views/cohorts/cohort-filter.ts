import type { Predicate } from '../../engine/predicate-types.ts';

/**
 * The active cohort narrowed to a cohort of the table: predicates on the cohort's columns are
 * replaced (a new value of the same column is a new choice, not an empty intersection), the
 * others kept.
 */
export function withCohort(
  active: readonly Predicate[],
  cohort: readonly Predicate[],
): Predicate[] {
  const columns = new Set(cohort.map((p) => p.column));
  return [...active.filter((p) => !columns.has(p.column)), ...cohort];
}
