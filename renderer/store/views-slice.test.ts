import { describe, expect, it } from 'vitest';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs } from './test-fixtures.ts';

const keyA = JSON.stringify({ view: 'dataset', datasets: ['ref'] });
const keyB = JSON.stringify({ view: 'dataset', datasets: ['cur'] });

describe('views slice', () => {
  it('sets the active view', () => {
    const store = createAppStore();
    expect(store.getState().activeView).toBeNull();
    store.getState().setActiveView('dataset');
    expect(store.getState().activeView).toBe('dataset');
  });

  it('caches results per view and cache key', () => {
    const store = createAppStore();
    const { setViewResult } = store.getState();
    setViewResult('dataset', keyA, { rows: 10 }, ['ref']);
    setViewResult('dataset', keyB, { rows: 12 }, ['cur']);
    setViewResult('drift', keyA, { psi: 0.25 }, ['ref', 'cur']);
    setViewResult('dataset', keyA, { rows: 11 }, ['ref']);
    expect(store.getState().viewResults).toEqual({
      dataset: {
        [keyA]: { result: { rows: 11 }, datasetIds: ['ref'] },
        [keyB]: { result: { rows: 12 }, datasetIds: ['cur'] },
      },
      drift: { [keyA]: { result: { psi: 0.25 }, datasetIds: ['ref', 'cur'] } },
    });
  });

  it("clears one view's results, or all", () => {
    const store = createAppStore();
    store.getState().setViewResult('dataset', keyA, 1, ['ref']);
    store.getState().setViewResult('drift', keyA, 2, ['ref']);
    store.getState().clearViewResults('dataset');
    expect(Object.keys(store.getState().viewResults)).toEqual(['drift']);
    store.getState().clearViewResults();
    expect(store.getState().viewResults).toEqual({});
  });

  it('writes only its own keys', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    store.getState().setViewResult('dataset', keyA, 1, ['ref']);
    store.getState().clearViewResults('dataset');
    expect(changedKeys(before, store.getState())).toEqual(['viewResults']);
    const beforeActive = dataRefs(store.getState());
    store.getState().setActiveView('drift');
    expect(changedKeys(beforeActive, store.getState())).toEqual(['activeView']);
  });
});
