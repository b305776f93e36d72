import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/store.ts';
import { fraudColumns, openLog } from '../performance/test-fixtures.ts';
import { canarySides, chosenVersions, comparedWords, modelVersions } from './canary-sides.ts';
import { modelColumn } from './test-fixtures.ts';

describe('canarySides', () => {
  it('splits a log by its model column, versions in version order', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference', [...fraudColumns(), modelColumn('v1')]));
    store.getState().addDataset(openLog('current', [...fraudColumns(), modelColumn('v1')]));
    store.getState().addDataset(openLog('log', [...fraudColumns(), modelColumn('v2', 'v1')]));
    const sides = canarySides(store.getState().datasets);
    expect(sides).toMatchObject({ kind: 'model_column', column: 'model_version' });
    expect(sides?.kind === 'model_column' && sides.log.id).toBe('log');
    expect(sides?.kind === 'model_column' && sides.versions).toEqual(['v1', 'v2']);
    const log = openLog('log', [...fraudColumns(), modelColumn('v10', 'v9', 'v2')]);
    expect(modelVersions(log)?.versions).toEqual(['v2', 'v9', 'v10']);
  });

  it('takes the current data, then the reference, when the log has one version or none', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('log', [...fraudColumns(), modelColumn('v1')]));
    store.getState().addDataset(openLog('reference', [...fraudColumns(), modelColumn('a', 'b')]));
    expect(canarySides(store.getState().datasets)).toMatchObject({
      kind: 'model_column',
      log: { id: 'reference' },
    });
    store.getState().addDataset(openLog('current', [...fraudColumns(), modelColumn('a', 'b')]));
    expect(canarySides(store.getState().datasets)).toMatchObject({ log: { id: 'current' } });
  });

  it('compares the current data with the reference without two versions, else nothing', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('current'));
    expect(canarySides(store.getState().datasets)).toBeNull();
    store.getState().addDataset(openLog('reference'));
    const sides = canarySides(store.getState().datasets);
    expect(sides).toMatchObject({
      kind: 'files',
      baseline: { id: 'reference' },
      canary: { id: 'current' },
    });
    if (sides === null) throw new Error('no sides');
    expect(comparedWords(sides, { baseline: null, canary: null })).toBe(
      'the current data (current.csv) as the canary against the reference (reference.csv) as the baseline',
    );
  });

  it('keeps chosen versions the column has, else the first two; never one against itself', () => {
    const versions = ['v1', 'v2', 'v3'];
    expect(chosenVersions(versions, { baseline: null, canary: null })).toEqual({
      baseline: 'v1',
      canary: 'v2',
    });
    expect(chosenVersions(versions, { baseline: 'v3', canary: 'v1' })).toEqual({
      baseline: 'v3',
      canary: 'v1',
    });
    expect(chosenVersions(versions, { baseline: 'v2', canary: 'v2' })).toEqual({
      baseline: 'v2',
      canary: 'v1',
    });
    expect(chosenVersions(versions, { baseline: 'v7', canary: 'v3' })).toEqual({
      baseline: 'v1',
      canary: 'v3',
    });
    const log = openLog('log', [...fraudColumns(), modelColumn('v2', 'v1')]);
    const sides = { kind: 'model_column' as const, log, column: 'model_version', versions };
    expect(comparedWords(sides, { baseline: 'v3', canary: null })).toBe(
      'model_version v1 (the canary) against v3 (the baseline), in the log (log.csv)',
    );
  });
});
