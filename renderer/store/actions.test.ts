import { describe, expect, it } from 'vitest';
import { removeDatasetEverywhere } from './actions.ts';
import { createAppStore } from './store.ts';
import { makeDataset } from './test-fixtures.ts';

function storeWithTwoDatasets() {
  const store = createAppStore();
  const s = store.getState();
  s.addDataset(makeDataset('ref', ['age', 'region', 'train_only']));
  s.addDataset(makeDataset('cur', ['age', 'region', 'latency_ms'], 'current'));
  s.setRole('ref', 'age', 'feature');
  s.setKind('cur', 'region', 'categorical');
  s.setViewResult('dataset', '{"d":"ref"}', { rows: 10 }, ['ref']);
  s.setViewResult('dataset', '{"d":"cur"}', { rows: 10 }, ['cur']);
  s.setViewResult('drift', '{"pair":["ref","cur"]}', { psi: 0.1 }, ['ref', 'cur']);
  s.setActiveView('drift');
  s.setCohort([
    { column: 'region', op: '=', value: 'EU' },
    { column: 'train_only', op: '>', value: 0 },
    { column: 'latency_ms', op: '<', value: 200 },
  ]);
  return store;
}

describe('removeDatasetEverywhere', () => {
  it('drops the dataset, its overrides and every result computed from it', () => {
    const store = storeWithTwoDatasets();
    removeDatasetEverywhere(store, 'ref');
    const s = store.getState();
    expect(Object.keys(s.datasets)).toEqual(['cur']);
    expect(s.overrides).toEqual({ cur: { kinds: { region: 'categorical' } } });
    expect(s.viewResults).toEqual({
      dataset: { '{"d":"cur"}': { result: { rows: 10 }, datasetIds: ['cur'] } },
    });
    expect(s.activeView).toBe('drift');
  });

  it('drops cohort predicates on columns no remaining dataset has', () => {
    const store = storeWithTwoDatasets();
    removeDatasetEverywhere(store, 'ref');
    expect(store.getState().cohort).toEqual([
      { column: 'region', op: '=', value: 'EU' },
      { column: 'latency_ms', op: '<', value: 200 },
    ]);
    removeDatasetEverywhere(store, 'cur');
    expect(store.getState().cohort).toEqual([]);
    expect(store.getState().datasets).toEqual({});
    expect(store.getState().viewResults).toEqual({});
  });

  it('changes the state once, so no subscriber sees a half-removed dataset', () => {
    const store = storeWithTwoDatasets();
    const seen: string[][] = [];
    store.subscribe((s) => seen.push(Object.keys(s.overrides)));
    removeDatasetEverywhere(store, 'ref');
    expect(seen).toEqual([['cur']]);
  });

  it('does nothing for an unknown id', () => {
    const store = storeWithTwoDatasets();
    const before = store.getState();
    removeDatasetEverywhere(store, 'nope');
    expect(store.getState()).toBe(before);
  });
});
