import { useEffect, useMemo, useState } from 'react';
import type { AnyPerformanceResult } from '../../../shared/analyses/performance/performance-task-result.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { PERFORMANCE_VIEW, requestKey } from '../../engine/session.ts';
import type { PerformanceRequest } from '../../engine/worker-protocol.ts';
import { performanceGaps } from './performance-gaps.ts';
import { performanceRequestOf } from './performance-request.ts';
import { performanceTable, type PerformanceTable } from './performance-rows.ts';
import { performanceSides, type PerformanceSides } from './performance-sides.ts';

/** The performance analysis as a view sees it. */
export interface PerformanceState {
  /** The log and its reference; null with nothing open. */
  sides: PerformanceSides | null;
  /** What the log or reference lacks (a label, a prediction), in words; the request waits. */
  gaps: string[];
  request: PerformanceRequest | null;
  table: PerformanceTable | undefined;
  /** The request's job ended without a result (failed or cancelled). */
  ended: boolean;
  /** Runs the request again after a failure or a cancel. */
  retry(): void;
}

/**
 * The performance result for the open datasets, the active cohort and the views' choices:
 * requested when missing (the session caches it by request, so the Cohorts and Timeline views
 * share it), with what is missing when it cannot be asked for.
 */
export function usePerformance(): PerformanceState {
  const { session } = useApp();
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
  const key = request === null ? null : requestKey(request);
  const entry = useAppState((s) =>
    key === null ? undefined : s.viewResults[PERFORMANCE_VIEW]?.[key],
  );
  const result = entry?.result as AnyPerformanceResult | undefined;
  const table = useMemo(() => (result ? performanceTable(result) : undefined), [result]);
  // The request whose job ended without a result: offer to run it again.
  const [endedKey, setEndedKey] = useState<string | null>(null);

  const run = (r: PerformanceRequest) => {
    setEndedKey(null);
    void session.performance(r).then(() => setEndedKey(requestKey(r)));
  };
  const missing = request !== null && entry === undefined;
  useEffect(() => {
    if (request !== null && missing) run(request);
    // `key` stands for the request: the same key is the same request.
  }, [key, missing]);

  return {
    sides,
    gaps,
    request,
    table,
    ended: key !== null && endedKey === key && table === undefined,
    retry: () => {
      if (request !== null) run(request);
    },
  };
}
