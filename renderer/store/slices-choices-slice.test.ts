import { describe, expect, it } from 'vitest';
import { defaultSlicesChoices } from './slices-choices-slice.ts';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs } from './test-fixtures.ts';

describe('slices choices slice', () => {
  it("starts with the core's defaults: 10 slices, 3 columns, alpha 0.95, the whole log", () => {
    expect(createAppStore().getState().slicesChoices).toEqual(defaultSlicesChoices);
    expect(defaultSlicesChoices).toEqual({
      k: 10,
      maxLevel: 3,
      alpha: 0.95,
      minSupport: null,
      windowUnit: 'auto',
      window: null,
      picked: null,
    });
  });

  it('changes the named choices only, and only its own key', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    store.getState().chooseSlices({ k: 20 });
    store.getState().chooseSlices({ minSupport: 64, window: '2026-09-21' });
    expect(store.getState().slicesChoices).toMatchObject({
      k: 20,
      maxLevel: 3,
      minSupport: 64,
      window: '2026-09-21',
    });
    expect(changedKeys(before, store.getState())).toEqual(['slicesChoices']);
  });
});
