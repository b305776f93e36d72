import { useEffect, useMemo, useState } from 'react';
import type { CalibrationResult } from '../../../shared/analyses/calibration/calibration-result.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { CALIBRATION_VIEW, requestKey } from '../../engine/session.ts';
import type { CalibrationRequest } from '../../engine/worker-protocol.ts';
import { calibrationRequestOf } from './calibration-request.ts';
import { calibrationSides, type CalibrationSides } from './calibration-sides.ts';

/** The calibration analysis as the view sees it. */
export interface CalibrationState {
  /** The log and its reference; null with nothing open. */
  sides: CalibrationSides | null;
  request: CalibrationRequest | null;
  result: CalibrationResult | undefined;
  /** The request's job ended without a result (failed or cancelled). */
  ended: boolean;
  /** Runs the request again after a failure or a cancel. */
  retry(): void;
}

/**
 * The calibration result for the open datasets, the active cohort and the view's choices:
 * requested when missing (the session caches it by request), with what is missing when it
 * cannot be asked for.
 */
export function useCalibration(): CalibrationState {
  const { session } = useApp();
  const datasets = useAppState((s) => s.datasets);
  const overrides = useAppState((s) => s.overrides);
  const cohort = useAppState((s) => s.cohort);
  const calibrationChoices = useAppState((s) => s.calibrationChoices);
  const sides = useMemo(() => calibrationSides(datasets), [datasets]);
  const request = useMemo(
    () => calibrationRequestOf({ datasets, overrides, cohort, calibrationChoices }),
    [datasets, overrides, cohort, calibrationChoices],
  );
  const key = request === null ? null : requestKey(request);
  const entry = useAppState((s) =>
    key === null ? undefined : s.viewResults[CALIBRATION_VIEW]?.[key],
  );
  const result = entry?.result as CalibrationResult | undefined;
  // The request whose job ended without a result: offer to run it again.
  const [endedKey, setEndedKey] = useState<string | null>(null);

  const run = (r: CalibrationRequest) => {
    setEndedKey(null);
    void session.calibration(r).then(() => setEndedKey(requestKey(r)));
  };
  const missing = request !== null && entry === undefined;
  useEffect(() => {
    if (request !== null && missing) run(request);
    // `key` stands for the request: the same key is the same request.
  }, [key, missing]);

  return {
    sides,
    request,
    result,
    ended: key !== null && endedKey === key && result === undefined,
    retry: () => {
      if (request !== null) run(request);
    },
  };
}
