import { useMemo } from 'react';
import type { CalibrationStrategy } from '../../../shared/analyses/calibration/calibration-spec.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { cohortColumnChoices } from '../performance/cohort-columns.ts';
import type { PerformanceSides } from '../performance/performance-sides.ts';

/** The bin counts offered. */
export const calibrationBinChoices: readonly number[] = [5, 10, 15, 20];

const strategyLabels: Record<CalibrationStrategy, string> = {
  uniform: 'equal width',
  quantile: 'equal mass',
};

/**
 * The Calibration view's choices: how many bins, equal-width or equal-mass, and at most one
 * cohort column (the columns the performance views cut cohorts by).
 */
export function CalibrationControls({
  sides,
  by,
}: {
  sides: PerformanceSides;
  /** The cohort column asked for, if any. */
  by: string | null;
}) {
  const { store } = useApp();
  const choices = useAppState((s) => s.calibrationChoices);
  const { log, reference } = sides;
  const columns = useMemo(
    () => cohortColumnChoices(log.schema, reference?.schema ?? null),
    [log, reference],
  );
  const choose = store.getState().chooseCalibration;
  return (
    <div className="performance-toolbar">
      <label>
        Bins{' '}
        <select value={choices.bins} onChange={(e) => choose({ bins: Number(e.target.value) })}>
          {calibrationBinChoices.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label>
        Binning{' '}
        <select
          value={choices.strategy}
          onChange={(e) => choose({ strategy: e.target.value as CalibrationStrategy })}
        >
          {(['uniform', 'quantile'] as const).map((s) => (
            <option key={s} value={s}>
              {strategyLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Cohorts by{' '}
        <select
          value={by ?? ''}
          onChange={(e) => choose({ by: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">(no column: the log only)</option>
          {columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
              {c.kind === 'numeric' ? ' (binned)' : ''}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
