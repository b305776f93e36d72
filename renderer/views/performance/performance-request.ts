import type { PerformanceRequest } from '../../engine/worker-protocol.ts';
import type { AppState } from '../../store/store.ts';
import { resolvedCohortColumns } from './cohort-columns.ts';
import { metricOf, performanceTask, primaryFor } from './performance-metrics.ts';
import { performanceSides, sideTables } from './performance-sides.ts';

/**
 * The performance request for the open datasets and the views' choices, or null without a log:
 * the log and its reference (performanceSides), the cohort columns (chosen or default), the
 * window, the active cohort, and for binary logs the shown metric as the primary when it can be.
 */
export function performanceRequestOf(
  state: Pick<AppState, 'datasets' | 'overrides' | 'cohort' | 'performanceChoices'>,
): PerformanceRequest | null {
  const sides = performanceSides(state.datasets);
  if (sides === null) return null;
  const { log, reference } = sides;
  const choices = state.performanceChoices;
  const task = performanceTask(log.schema.task);
  const request: PerformanceRequest = {
    ...sideTables(sides, state.overrides),
    by: resolvedCohortColumns(choices.by, log.schema, reference?.schema ?? null),
    window: choices.window,
    where: state.cohort,
  };
  if (task === 'binary') request.primary = primaryFor(metricOf(task, choices.metric).name);
  return request;
}
