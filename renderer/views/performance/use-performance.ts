import { useMemo } from 'react';
import { useAppState } from '../../app/AppContext.ts';
import { useCachedAnalysis, type CachedAnalysis } from '../../app/use-cached-analysis.ts';
import type { PerformanceRequest } from '../../engine/worker-protocol.ts';
import { performanceGaps } from './performance-gaps.ts';
import { performanceRequestOf } from './performance-request.ts';
import { performanceTable, type PerformanceTable } from './performance-rows.ts';
import { performanceSides, type PerformanceSides } from './performance-sides.ts';

/** The performance analysis as a view sees it. */
export interface PerformanceState extends Pick<CachedAnalysis<unknown>, 'ended' | 'retry'> {
  /** The log and its reference; null with nothing open. */
  sides: PerformanceSides | null;
  /** What the log or reference lacks (a label, a prediction), in words; the request waits. */
  gaps: string[];
  request: PerformanceRequest | null;
  table: PerformanceTable | undefined;
}

/**
 * The performance result for the open datasets, the active cohort and the views' choices:
 * requested when missing (the session caches it by request, so the Cohorts and Timeline views
 * share it), with what is missing when it cannot be asked for.
 */
export function usePerformance(): PerformanceState {
  const datasets = useAppState((s) => s.datasets);
  const overrides = useAppState((s) => s.overrides);
  const cohort = useAppState((s) => s.cohort);
  const performanceChoices = useAppState((s) => s.performanceChoices);
  const sides = useMemo(() => performanceSides(datasets), [datasets]);
  const gaps = useMemo(() => (sides === null ? [] : performanceGaps(sides)), [sides]);
  const request = useMemo(
    () =>
      gaps.length > 0
        ? null
        : performanceRequestOf({ datasets, overrides, cohort, performanceChoices }),
    [gaps, datasets, overrides, cohort, performanceChoices],
  );
  const { result, ended, retry } = useCachedAnalysis('performance', request);
  const table = useMemo(() => (result ? performanceTable(result) : undefined), [result]);
  return { sides, gaps, request, table, ended, retry };
}
