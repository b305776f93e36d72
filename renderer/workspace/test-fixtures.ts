import { createAppStore, type AppState, type AppStore } from '../store/store.ts';
import { makeDataset } from '../store/test-fixtures.ts';

/** When the test workspaces are saved. */
export const savedAt = '2026-03-02T09:15:00.000Z';
/** Made-up SHA-256s of the files the hand-built datasets were opened from. */
export const trainingSha = 'a1'.repeat(32);
export const productionSha = 'b2'.repeat(32);
export const canarySha = 'c3'.repeat(32);
export const julySha = 'e5'.repeat(32);

/** Opens the datasets of an investigation: reference, current (two files) and log, hand-built. */
export function openDatasets(store: AppStore): void {
  const reference = makeDataset('reference', ['amount', 'region'], 'reference', 13_000);
  const current = makeDataset('current', ['amount', 'region'], 'current', 26_000);
  const log = makeDataset('log', ['amount', 'model_version'], 'log', 13_000);
  store.getState().addDataset({
    ...reference,
    name: 'training.parquet',
    loaded: {
      ...reference.loaded,
      format: 'parquet',
      files: [
        { name: 'training.parquet', format: 'parquet', gzip: false, bytes: 500, rows: 13_000 },
      ],
    },
    sources: [{ name: 'training.parquet', size: 500, sha256: trainingSha, fileId: null }],
  });
  store.getState().addDataset({
    ...current,
    name: 'june.csv, july.csv.gz',
    loaded: {
      ...current.loaded,
      format: 'csv',
      files: [
        { name: 'june.csv', format: 'csv', gzip: false, bytes: 900, rows: 12_000 },
        { name: 'july.csv.gz', format: 'csv', gzip: true, bytes: 300, rows: 14_000 },
      ],
    },
    sources: [
      { name: 'june.csv', size: 900, sha256: productionSha, fileId: 'grant_june_000000000' },
      { name: 'july.csv.gz', size: 300, sha256: julySha, fileId: 'grant_july_000000000' },
    ],
  });
  store.getState().addDataset({
    ...log,
    name: 'canary.parquet',
    loaded: {
      ...log.loaded,
      format: 'parquet',
      files: [{ name: 'canary.parquet', format: 'parquet', gzip: false, bytes: 700, rows: 13_000 }],
    },
    sources: [{ name: 'canary.parquet', size: 700, sha256: canarySha, fileId: null }],
  });
}

/** An investigation in every part a workspace keeps. */
export function investigated(): AppStore {
  const store = createAppStore();
  openDatasets(store);
  const s = store.getState();
  s.setRole('current', 'amount', 'score');
  s.setKind('current', 'region', 'categorical');
  s.setRole('log', 'model_version', 'model');
  s.setCohort([
    { column: 'region', op: '=', value: 'APAC' },
    { column: 'amount', op: 'IN', value: [1, 2, null] },
  ]);
  s.chooseCanary({ baseline: 'v1', canary: 'v2', by: ['region'], window: 'week' });
  s.setCanaryGuardrails({ population_psi_max: 0.4, critical: ['recall'] });
  s.choosePerformance({ by: ['region'], metric: 'precision', focus: 'APAC' });
  s.chooseCalibration({ bins: 15, strategy: 'quantile', by: 'region' });
  s.chooseSlices({
    k: 5,
    minSupport: 64,
    picked: { from: [], cohort: [{ column: 'region', op: '=', value: 'APAC' }] },
  });
  s.pin({
    kind: 'cohort',
    name: 'region = APAC',
    predicates: [{ column: 'region', op: '=', value: 'APAC' }],
  });
  s.setNotes('Recall fell in APAC.\nAsked the data team about the new device mix.');
  s.setActiveView('cohorts');
  return store;
}

/** The parts of the state a workspace saves and restores, to compare two stores by. */
export function investigation(state: AppState) {
  return {
    overrides: state.overrides,
    cohort: state.cohort,
    canaryChoices: state.canaryChoices,
    performanceChoices: state.performanceChoices,
    calibrationChoices: state.calibrationChoices,
    slicesChoices: state.slicesChoices,
    pins: state.pins,
    notes: state.notes,
    activeView: state.activeView,
  };
}

/** A new store with the same datasets open, as after the files were opened again. */
export function reopened(): AppStore {
  const store = createAppStore();
  openDatasets(store);
  return store;
}
