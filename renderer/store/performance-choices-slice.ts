import type { StateCreator } from 'zustand/vanilla';
import type { WindowUnit } from '../../shared/analyses/windows.ts';
import type { AppState } from './store.ts';

/**
 * What the Cohorts and Timeline views show, chosen in either and kept across both (they read one
 * analysis): null means "the default", which the views work out from the open data.
 */
export interface PerformanceChoices {
  /** Cohort columns (zero to two); null: the first low-cardinality categorical feature. */
  by: string[] | null;
  /** The metric shown; null: the task's primary metric (recall for binary logs). */
  metric: string | null;
  window: WindowUnit | 'auto';
  /** The cohort whose timeline is shown, by its key; null: the worst cohort. */
  focus: string | null;
}

export const defaultPerformanceChoices: PerformanceChoices = {
  by: null,
  metric: null,
  window: 'auto',
  focus: null,
};

export interface PerformanceChoicesSlice {
  performanceChoices: PerformanceChoices;
  /** Changes some choices, keeping the others. */
  choosePerformance(choices: Partial<PerformanceChoices>): void;
}

/** The performance choices slice; writes only `performanceChoices`. */
export const createPerformanceChoicesSlice: StateCreator<
  AppState,
  [],
  [],
  PerformanceChoicesSlice
> = (set) => ({
  performanceChoices: defaultPerformanceChoices,
  choosePerformance: (choices) =>
    set((s) => ({
      performanceChoices: {
        ...s.performanceChoices,
        ...choices,
        ...(choices.by ? { by: [...choices.by] } : {}),
      },
    })),
});
