import type { Predicate } from '../engine/predicate-types.ts';
import { describePredicates } from '../format/predicates.ts';

/**
 * A view root's `data-result-cohort`: the cohort its shown result was computed within (`all rows`
 * without a filter), or undefined while no result is shown. A new filter's result is then told
 * from the old one in the DOM (the e2e re-slice timings wait for it).
 */
export function resultCohort(where: readonly Predicate[], shown: boolean): string | undefined {
  if (!shown) return undefined;
  return where.length === 0 ? 'all rows' : describePredicates(where);
}
