import { useMemo } from 'react';
import type { CalibrationResult } from '../../../shared/analyses/calibration/calibration-result.ts';
import { useAppState } from '../../app/AppContext.ts';
import { useCachedAnalysis, type CachedAnalysis } from '../../app/use-cached-analysis.ts';
import type { CalibrationRequest } from '../../engine/worker-protocol.ts';
import { calibrationRequestOf } from './calibration-request.ts';
import { calibrationSides, type CalibrationSides } from './calibration-sides.ts';

/** The calibration analysis as the view sees it. */
export interface CalibrationState extends CachedAnalysis<CalibrationResult> {
  /** The log and its reference; null with nothing open. */
  sides: CalibrationSides | null;
  /** What the log lacks for calibration, in words; the request waits while there is any. */
  gaps: string[];
  request: CalibrationRequest | null;
}

/**
 * The calibration result for the open datasets, the active cohort and the view's choices:
 * requested when missing (the session caches it by request), with what is missing when it
 * cannot be asked for.
 */
export function useCalibration(): CalibrationState {
  const datasets = useAppState((s) => s.datasets);
  const overrides = useAppState((s) => s.overrides);
  const cohort = useAppState((s) => s.cohort);
  const calibrationChoices = useAppState((s) => s.calibrationChoices);
  const sides = useMemo(() => calibrationSides(datasets), [datasets]);
  const request = useMemo(
    () => calibrationRequestOf({ datasets, overrides, cohort, calibrationChoices }),
    [datasets, overrides, cohort, calibrationChoices],
  );
  return {
    sides,
    gaps: sides?.gaps ?? [],
    request,
    ...useCachedAnalysis('calibration', request),
  };
}
