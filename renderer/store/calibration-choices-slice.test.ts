import { describe, expect, it } from 'vitest';
import { defaultCalibrationChoices } from './calibration-choices-slice.ts';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs } from './test-fixtures.ts';

describe('calibration choices slice', () => {
  it('starts with 10 equal-width bins and no cohort column', () => {
    expect(createAppStore().getState().calibrationChoices).toEqual(defaultCalibrationChoices);
    expect(defaultCalibrationChoices).toEqual({ bins: 10, strategy: 'uniform', by: null });
  });

  it('changes the named choices only, and only its own key', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    store.getState().chooseCalibration({ strategy: 'quantile' });
    store.getState().chooseCalibration({ by: 'region', bins: 20 });
    expect(store.getState().calibrationChoices).toEqual({
      bins: 20,
      strategy: 'quantile',
      by: 'region',
    });
    expect(changedKeys(before, store.getState())).toEqual(['calibrationChoices']);
  });
});
