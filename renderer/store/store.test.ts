import { describe, expect, it } from 'vitest';
import { removeDatasetEverywhere } from './actions.ts';
import { defaultCanaryChoices } from './canary-choices-slice.ts';
import { createAppStore } from './store.ts';
import { makeDataset, stateData } from './test-fixtures.ts';

describe('createAppStore', () => {
  it('starts empty', () => {
    expect(stateData(createAppStore().getState())).toEqual({
      datasets: {},
      overrides: {},
      cohort: [],
      activeView: null,
      viewResults: {},
      jobs: {},
      performanceChoices: { by: null, metric: null, window: 'auto', focus: null },
      calibrationChoices: { bins: 10, strategy: 'uniform', by: null },
      slicesChoices: {
        k: 10,
        maxLevel: 3,
        alpha: 0.95,
        minSupport: null,
        windowUnit: 'auto',
        window: null,
        picked: null,
      },
      canaryChoices: defaultCanaryChoices,
      pins: [],
      notes: '',
      exporting: null,
      evidenceColumn: null,
    });
  });

  it('holds only structured-clone and JSON safe data', () => {
    const store = createAppStore();
    const s = store.getState();
    s.addDataset(makeDataset('ref', ['age', 'y']));
    s.addDataset(makeDataset('log', ['age'], 'log'));
    s.setRole('ref', 'y', 'label');
    s.setKind('ref', 'age', 'numeric');
    s.setCohort([{ column: 'age', op: 'IN', value: [1, null, 'x', true] }]);
    s.setActiveView('dataset');
    s.setViewResult('dataset', '{"d":"ref"}', { rows: 10, edges: [0, 0.5, 1] }, ['ref']);
    const done = s.startJob('load ref');
    s.updateJobProgress(done, { phase: 'reading', done: 5, total: 10, unit: 'bytes' });
    s.finishJob(done);
    const failed = s.startJob('load bad');
    s.failJob(failed, { code: 'not_text', file: 'bad.csv', message: 'bad.csv: binary data' });
    s.cancelJob(s.startJob('load big'));
    s.choosePerformance({ by: ['age'], metric: 'recall', window: 'week', focus: '["a"]' });
    s.chooseCalibration({ bins: 20, strategy: 'quantile', by: 'age' });
    s.chooseSlices({ k: 5, window: '2026-09-21', picked: { from: [], cohort: s.cohort } });
    s.chooseCanary({ baseline: 'v1', canary: 'v2', by: ['age'], picked: null });
    s.setCanaryGuardrails({ critical: ['recall'], tolerances: { auc_absolute: 0.05 } });
    s.pin({ kind: 'slice', name: 'age = 1', predicates: [{ column: 'age', op: '=', value: 1 }] });
    s.setNotes('checked the join');
    s.setExporting('report');
    s.setEvidenceColumn('age');
    removeDatasetEverywhere(store, 'log');

    const data = stateData(store.getState());
    expect(Object.keys(data)).toHaveLength(14);
    expect(structuredClone(data)).toStrictEqual(data);
    expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);
  });

  it('keeps stores independent', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().addDataset(makeDataset('ref', ['x']));
    expect(b.getState().datasets).toEqual({});
  });
});
