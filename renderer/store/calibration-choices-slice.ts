import type { StateCreator } from 'zustand/vanilla';
import type { CalibrationStrategy } from '../../shared/analyses/calibration/calibration-spec.ts';
import { DEFAULT_CALIBRATION_BINS } from '../../shared/stats/calibration-bins.ts';
import type { AppState } from './store.ts';

/** What the Calibration view shows, kept while the user looks at other views. */
export interface CalibrationChoices {
  /** B, the number of score bins. */
  bins: number;
  /** Equal-width (`uniform`) or equal-mass (`quantile`) bins. */
  strategy: CalibrationStrategy;
  /** The cohort column for a curve per cohort; null: the log's curve only. */
  by: string | null;
}

export const defaultCalibrationChoices: CalibrationChoices = {
  bins: DEFAULT_CALIBRATION_BINS,
  strategy: 'uniform',
  by: null,
};

export interface CalibrationChoicesSlice {
  calibrationChoices: CalibrationChoices;
  /** Changes some choices, keeping the others. */
  chooseCalibration(choices: Partial<CalibrationChoices>): void;
}

/** The calibration choices slice; writes only `calibrationChoices`. */
export const createCalibrationChoicesSlice: StateCreator<
  AppState,
  [],
  [],
  CalibrationChoicesSlice
> = (set) => ({
  calibrationChoices: defaultCalibrationChoices,
  chooseCalibration: (choices) =>
    set((s) => ({ calibrationChoices: { ...s.calibrationChoices, ...choices } })),
});
