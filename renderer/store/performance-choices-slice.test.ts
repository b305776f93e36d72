import { describe, expect, it } from 'vitest';
import { defaultPerformanceChoices } from './performance-choices-slice.ts';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs } from './test-fixtures.ts';

describe('performance choices slice', () => {
  it('starts with every choice left to the views', () => {
    expect(createAppStore().getState().performanceChoices).toEqual(defaultPerformanceChoices);
  });

  it('changes the named choices only, and only its own key', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    const by = ['region', 'device'];
    store.getState().choosePerformance({ by, metric: 'precision' });
    store.getState().choosePerformance({ window: 'day' });
    expect(store.getState().performanceChoices).toEqual({
      by: ['region', 'device'],
      metric: 'precision',
      window: 'day',
      focus: null,
    });
    expect(changedKeys(before, store.getState())).toEqual(['performanceChoices']);
    // A copy: the caller's array stays theirs.
    by.push('channel');
    expect(store.getState().performanceChoices.by).toEqual(['region', 'device']);
  });
});
