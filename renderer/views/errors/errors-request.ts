import type { ErrorsSort } from '../../../shared/analyses/errors/errors-spec.ts';
import type { ErrorDetailRequest, ErrorsRequest } from '../../engine/worker-protocol.ts';
import type { AppState } from '../../store/store.ts';
import { performanceGaps } from '../performance/performance-gaps.ts';
import {
  performanceSides,
  sideTables,
  type PerformanceSides,
} from '../performance/performance-sides.ts';

/**
 * What the log lacks to tell right from wrong (a label, a prediction or score), in words; empty
 * when it has it. Only the log counts: the reference lends its feature values, not its roles.
 */
export function errorsGaps(sides: PerformanceSides): string[] {
  return performanceGaps({ log: sides.log, reference: null });
}

/**
 * The Errors grid's listing for the open datasets, or null without a log or with a gap: the log
 * and reference as the performance views judge them (performanceSides), the active cohort and
 * the sort.
 */
export function errorsRequestOf(
  state: Pick<AppState, 'datasets' | 'overrides' | 'cohort'>,
  sort: ErrorsSort,
): ErrorsRequest | null {
  const sides = performanceSides(state.datasets);
  if (sides === null || errorsGaps(sides).length > 0) return null;
  return {
    ...sideTables(sides, state.overrides),
    where: state.cohort,
    sort,
  };
}

/** The detail of one row of a listing's log: the filter and sort do not change it. */
export function errorDetailRequestOf(request: ErrorsRequest, row: number): ErrorDetailRequest {
  return { log: request.log, reference: request.reference, row };
}
