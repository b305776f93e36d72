import type { StateCreator } from 'zustand/vanilla';
import {
  DEFAULT_ALPHA,
  DEFAULT_K,
  DEFAULT_MAX_LEVEL,
} from '../../shared/analyses/slices/slices-spec.ts';
import type { WindowUnit } from '../../shared/analyses/windows.ts';
import type { Predicate } from '../engine/predicate-types.ts';
import type { AppState } from './store.ts';

/**
 * A slice the user made the active cohort, and the subset it was found in: while the cohort is
 * still that slice, the Slices view keeps showing the search it came from (with the slice marked)
 * instead of searching within the slice.
 */
export interface PickedSlice {
  /** The active cohort the search ran within. */
  from: Predicate[];
  /** The active cohort the pick set: `from` narrowed to the slice. */
  cohort: Predicate[];
}

/** What the Slices view searches with, kept while the user looks at other views. */
export interface SlicesChoices {
  /** How many slices, best first. */
  k: number;
  /** The most columns in one slice. */
  maxLevel: number;
  /** The weight of a slice's error against its size, in (0, 1]. */
  alpha: number;
  /** The fewest rows in a slice; null: STATS.md's default for the rows searched. */
  minSupport: number | null;
  /** How the log's time is cut into windows for `window`. */
  windowUnit: WindowUnit | 'auto';
  /** The start (ISO date) of the one window searched; null: the whole log. */
  window: string | null;
  picked: PickedSlice | null;
}

export const defaultSlicesChoices: SlicesChoices = {
  k: DEFAULT_K,
  maxLevel: DEFAULT_MAX_LEVEL,
  alpha: DEFAULT_ALPHA,
  minSupport: null,
  windowUnit: 'auto',
  window: null,
  picked: null,
};

export interface SlicesChoicesSlice {
  slicesChoices: SlicesChoices;
  /** Changes some choices, keeping the others. */
  chooseSlices(choices: Partial<SlicesChoices>): void;
}

/** The slices choices slice; writes only `slicesChoices`. */
export const createSlicesChoicesSlice: StateCreator<AppState, [], [], SlicesChoicesSlice> = (
  set,
) => ({
  slicesChoices: defaultSlicesChoices,
  chooseSlices: (choices) => set((s) => ({ slicesChoices: { ...s.slicesChoices, ...choices } })),
});
