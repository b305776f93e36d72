import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDRAILS } from '../../shared/analyses/canary/canary-guardrails.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { defaultCanaryChoices } from './canary-choices-slice.ts';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs } from './test-fixtures.ts';

describe('canary choices slice', () => {
  it("starts with the core's defaults: its segments, auto design and window, STATS.md's guardrails", () => {
    expect(createAppStore().getState().canaryChoices).toEqual(defaultCanaryChoices);
    expect(defaultCanaryChoices).toEqual({
      baseline: null,
      canary: null,
      by: null,
      design: 'auto',
      window: 'auto',
      guardrails: {
        tolerances: { proportion_relative: 0.03, auc_absolute: 0.02, latency_p99_relative: 0.1 },
        ceilings: { latency_p99_ms_max: 500, success_rate_min: 0.99 },
        critical: ['recall', 'precision', 'latency_p99_ceiling', 'success_rate_floor'],
        population_psi_max: 0.2,
      },
      picked: null,
    });
  });

  it('changes the named choices only, and only its own key', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    store.getState().chooseCanary({ baseline: 'v2', canary: 'v1' });
    store.getState().chooseCanary({ by: ['region'], window: 'week' });
    expect(store.getState().canaryChoices).toMatchObject({
      baseline: 'v2',
      canary: 'v1',
      by: ['region'],
      design: 'auto',
      window: 'week',
    });
    expect(changedKeys(before, store.getState())).toEqual(['canaryChoices']);
  });

  it('merges guardrails into the defaults, and {} resets them', () => {
    const store = createAppStore();
    store.getState().setCanaryGuardrails({
      tolerances: { proportion_relative: 1 },
      critical: ['precision'],
    });
    expect(store.getState().canaryChoices.guardrails).toEqual({
      ...DEFAULT_GUARDRAILS,
      tolerances: { ...DEFAULT_GUARDRAILS.tolerances, proportion_relative: 1 },
      critical: ['precision'],
    });
    store.getState().setCanaryGuardrails({});
    expect(store.getState().canaryChoices.guardrails).toEqual(DEFAULT_GUARDRAILS);
  });

  it('refuses invalid guardrails, naming the field, and keeps the ones it had', () => {
    const store = createAppStore();
    store.getState().setCanaryGuardrails({ ceilings: { latency_p99_ms_max: 800 } });
    const kept = store.getState().canaryChoices;
    const set = (overrides: unknown) => () => store.getState().setCanaryGuardrails(overrides);
    expect(set({ tolerances: { auc_absolute: -0.1 } })).toThrow(FaultlineError);
    expect(set({ ceilings: { success_rate_min: 1.5 } })).toThrow(/ceilings\.success_rate_min/);
    expect(set({ critical: ['speed'] })).toThrow(/critical\.0/);
    expect(store.getState().canaryChoices).toBe(kept);
  });
});
