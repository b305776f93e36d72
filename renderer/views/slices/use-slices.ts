import { useMemo } from 'react';
import type { SlicesResult } from '../../../shared/analyses/slices/slices-result.ts';
import { useAppState } from '../../app/AppContext.ts';
import { useCachedAnalysis, type CachedAnalysis } from '../../app/use-cached-analysis.ts';
import type { SlicesRequest } from '../../engine/worker-protocol.ts';
import { slicesRequestOf, slicesWindowOf, type SlicesWindowChoice } from './slices-request.ts';
import { slicesSides, type SlicesSides } from './slices-sides.ts';

/** The weak-slice search as the view sees it. */
export interface SlicesState extends CachedAnalysis<SlicesResult> {
  /** The log and its reference; null with nothing open. */
  sides: SlicesSides | null;
  /** What the log lacks for a search, in words; the request waits while there is any. */
  gaps: string[];
  request: SlicesRequest | null;
  /** The log's windows and the one searched. */
  windows: SlicesWindowChoice;
}

/**
 * The slices of the open log within the active cohort and the view's choices: requested when
 * missing (the session caches them by request), with what is missing when it cannot be asked for.
 */
export function useSlices(): SlicesState {
  const datasets = useAppState((s) => s.datasets);
  const overrides = useAppState((s) => s.overrides);
  const cohort = useAppState((s) => s.cohort);
  const slicesChoices = useAppState((s) => s.slicesChoices);
  const sides = useMemo(() => slicesSides(datasets), [datasets]);
  const request = useMemo(
    () => slicesRequestOf({ datasets, overrides, cohort, slicesChoices }),
    [datasets, overrides, cohort, slicesChoices],
  );
  const windows = useMemo(
    () => (sides === null ? { windows: [], window: null } : slicesWindowOf(sides, slicesChoices)),
    [sides, slicesChoices],
  );
  return {
    sides,
    gaps: sides?.gaps ?? [],
    request,
    windows,
    ...useCachedAnalysis('slices', request),
  };
}
