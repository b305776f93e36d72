import type { StateCreator } from 'zustand/vanilla';
// Type-only: the store holds predicates as data; only the engine side turns them into SQL.
import type { Predicate } from '../engine/predicate-types.ts';
import type { AppState } from './store.ts';

/** The active cohort filter as predicates (ANDed), never SQL text; empty means every row. */
export interface CohortSlice {
  cohort: Predicate[];
  /** Replaces the whole filter. */
  setCohort(predicates: readonly Predicate[]): void;
  /** Removes the filter. */
  clearCohort(): void;
}

/** The cohort slice; writes only `cohort`. */
export const createCohortSlice: StateCreator<AppState, [], [], CohortSlice> = (set) => ({
  cohort: [],
  // Copied so a caller that later mutates its array (or an IN list) cannot change the store.
  setCohort: (predicates) =>
    set({
      cohort: predicates.map((p) => ({
        ...p,
        value: Array.isArray(p.value) ? [...p.value] : p.value,
      })),
    }),
  clearCohort: () => set({ cohort: [] }),
});
