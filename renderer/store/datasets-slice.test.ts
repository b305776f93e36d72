import { describe, expect, it } from 'vitest';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs, makeDataset } from './test-fixtures.ts';

describe('datasets slice', () => {
  it('adds datasets keyed by id and removes one', () => {
    const store = createAppStore();
    const { addDataset, removeDataset } = store.getState();
    addDataset(makeDataset('ref', ['age', 'score']));
    addDataset(makeDataset('cur', ['age'], 'current'));
    expect(Object.keys(store.getState().datasets)).toEqual(['ref', 'cur']);
    expect(store.getState().datasets.cur?.side).toBe('current');
    expect(store.getState().datasets.ref?.loaded.columns.map((c) => c.name)).toEqual([
      'age',
      'score',
    ]);
    removeDataset('ref');
    expect(Object.keys(store.getState().datasets)).toEqual(['cur']);
  });

  it('replaces a dataset added again under the same id', () => {
    const store = createAppStore();
    store.getState().addDataset(makeDataset('ref', ['a'], 'reference', 5));
    store.getState().addDataset(makeDataset('ref', ['a'], 'reference', 7));
    expect(Object.keys(store.getState().datasets)).toEqual(['ref']);
    expect(store.getState().datasets.ref?.loaded.rows).toBe(7);
  });

  it('writes only the datasets key', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    store.getState().addDataset(makeDataset('ref', ['a']));
    expect(changedKeys(before, store.getState())).toEqual(['datasets']);
    const beforeRemove = dataRefs(store.getState());
    store.getState().removeDataset('ref');
    expect(changedKeys(beforeRemove, store.getState())).toEqual(['datasets']);
  });
});
