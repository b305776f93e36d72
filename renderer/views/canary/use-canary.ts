import { useMemo } from 'react';
import type { CanaryResult } from '../../../shared/analyses/canary/canary-result.ts';
import { useAppState } from '../../app/AppContext.ts';
import { useCachedAnalysis, type CachedAnalysis } from '../../app/use-cached-analysis.ts';
import type { CanaryRequest } from '../../engine/worker-protocol.ts';
import { canaryRequestOf } from './canary-request.ts';
import { canarySides, type CanarySides } from './canary-sides.ts';

/** The canary comparison as the view sees it. */
export interface CanaryState extends CachedAnalysis<CanaryResult> {
  /** What is compared; null when nothing open makes a comparison. */
  sides: CanarySides | null;
  request: CanaryRequest | null;
}

/**
 * The comparison of the open datasets within the active cohort, by the view's choices:
 * requested when missing (the session caches it by request).
 */
export function useCanary(): CanaryState {
  const datasets = useAppState((s) => s.datasets);
  const overrides = useAppState((s) => s.overrides);
  const cohort = useAppState((s) => s.cohort);
  const canaryChoices = useAppState((s) => s.canaryChoices);
  const sides = useMemo(() => canarySides(datasets), [datasets]);
  const request = useMemo(
    () => canaryRequestOf({ datasets, overrides, cohort, canaryChoices }),
    [datasets, overrides, cohort, canaryChoices],
  );
  return { sides, request, ...useCachedAnalysis('canary', request) };
}
