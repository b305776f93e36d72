import type { StateCreator } from 'zustand/vanilla';
import {
  DEFAULT_GUARDRAILS,
  guardrailsFrom,
  type CanaryGuardrails,
} from '../../shared/analyses/canary/canary-guardrails.ts';
import type { CanaryDesign } from '../../shared/analyses/canary/canary-result.ts';
import type { WindowUnit } from '../../shared/analyses/windows.ts';
import type { PickedSlice } from './slices-choices-slice.ts';
import type { AppState } from './store.ts';

/** What the Canary view compares and judges by, kept while the user looks at other views. */
export interface CanaryChoices {
  /** The baseline's model version, when one log is split by its model column; null: the first. */
  baseline: string | null;
  /** The canary's model version; null: the first other than the baseline. */
  canary: string | null;
  /** Segment columns; null: the core's default (every categorical feature with 2 to 20 values). */
  by: string[] | null;
  design: CanaryDesign | 'auto';
  /** How the time column is cut into windows for the checks over time. */
  window: WindowUnit | 'auto';
  /** The limits the canary is judged by (a later issue saves them with the workspace). */
  guardrails: CanaryGuardrails;
  /**
   * A segment the user made the active cohort, and the cohort the comparison ran within: while
   * the cohort is still that segment, the view keeps showing the comparison it came from.
   */
  picked: PickedSlice | null;
}

export const defaultCanaryChoices: CanaryChoices = {
  baseline: null,
  canary: null,
  by: null,
  design: 'auto',
  window: 'auto',
  guardrails: DEFAULT_GUARDRAILS,
  picked: null,
};

export interface CanaryChoicesSlice {
  canaryChoices: CanaryChoices;
  /** Changes some choices, keeping the others (guardrails go through setCanaryGuardrails). */
  chooseCanary(choices: Partial<Omit<CanaryChoices, 'guardrails'>>): void;
  /**
   * Sets the guardrails to the defaults with `overrides` merged in ({} resets them), checked by
   * guardrailsFrom: an invalid field throws its FaultlineError and changes nothing.
   */
  setCanaryGuardrails(overrides: unknown): void;
}

/** The canary choices slice; writes only `canaryChoices`. */
export const createCanaryChoicesSlice: StateCreator<AppState, [], [], CanaryChoicesSlice> = (
  set,
) => ({
  canaryChoices: defaultCanaryChoices,
  chooseCanary: (choices) => set((s) => ({ canaryChoices: { ...s.canaryChoices, ...choices } })),
  setCanaryGuardrails: (overrides) => {
    const guardrails = guardrailsFrom(overrides, 'guardrails');
    set((s) => ({ canaryChoices: { ...s.canaryChoices, guardrails } }));
  },
});
