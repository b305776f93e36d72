import { describe, expect, it } from 'vitest';
import type { SchemaColumn } from '../../../shared/schema/dataset-schema.ts';
import { createAppStore } from '../../store/store.ts';
import { performanceGaps } from './performance-gaps.ts';
import { performanceRequestOf } from './performance-request.ts';
import { performanceSides } from './performance-sides.ts';
import { fraudColumns, openLog, schemaColumn } from './test-fixtures.ts';

describe('performanceSides', () => {
  it('judges the current data against the reference, or one dataset alone', () => {
    const store = createAppStore();
    expect(performanceSides(store.getState().datasets)).toBeNull();
    store.getState().addDataset(openLog('reference'));
    expect(performanceSides(store.getState().datasets)).toMatchObject({
      log: { id: 'reference' },
      reference: null,
    });
    store.getState().addDataset(openLog('current'));
    expect(performanceSides(store.getState().datasets)).toMatchObject({
      log: { id: 'current' },
      reference: { id: 'reference' },
    });
    store.getState().removeDataset('reference');
    store.getState().addDataset(openLog('log'));
    expect(performanceSides(store.getState().datasets)).toMatchObject({
      log: { id: 'current' },
      reference: null,
    });
  });
});

describe('performanceRequestOf', () => {
  it('asks for the default column, the window, the cohort and the metric as primary', () => {
    const store = createAppStore();
    expect(performanceRequestOf(store.getState())).toBeNull();
    store.getState().addDataset(openLog('reference'));
    store.getState().addDataset(openLog('current'));
    store.getState().setRole('current', 'region', 'feature');
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    expect(performanceRequestOf(store.getState())).toEqual({
      log: { table: 't_current', overrides: { roles: { region: 'feature' } } },
      reference: { table: 't_reference', overrides: {} },
      by: ['region'],
      window: 'auto',
      where: [{ column: 'region', op: '=', value: 'APAC' }],
      primary: 'recall',
    });
    store.getState().choosePerformance({ by: [], metric: 'fpr', window: 'day' });
    expect(performanceRequestOf(store.getState())).toMatchObject({
      by: [],
      window: 'day',
      primary: 'fpr',
    });
    // A metric that cannot be a primary keeps the analysis on recall: one cached result for both.
    store.getState().choosePerformance({ metric: 'auc' });
    expect(performanceRequestOf(store.getState())?.primary).toBe('recall');
  });

  it('asks no primary of a multiclass log', () => {
    const store = createAppStore();
    const log = openLog('log');
    store.getState().addDataset({ ...log, schema: { ...log.schema, task: 'multiclass' } });
    const request = performanceRequestOf(store.getState());
    expect(request).toMatchObject({ reference: null, by: ['region'] });
    expect(request).not.toHaveProperty('primary');
  });
});

describe('performanceGaps', () => {
  const sides = (columns: SchemaColumn[], task: 'binary' | 'multiclass' | null = 'binary') => {
    const log = openLog('current', columns);
    return { log: { ...log, schema: { ...log.schema, task } }, reference: null };
  };

  it('has nothing to say when the roles are there', () => {
    expect(performanceGaps(sides(fraudColumns()))).toEqual([]);
  });

  it('names the side and the missing role', () => {
    const noLabel = fraudColumns().filter((c) => c.role !== 'label');
    expect(performanceGaps(sides(noLabel, null))).toEqual([
      "The log (current.csv) has no label column: the metrics compare the true label with the prediction. Set a column's role to label in the Dataset view.",
    ]);
    const noPrediction = fraudColumns().filter((c) => c.role !== 'prediction');
    expect(performanceGaps(sides(noPrediction))[0]).toMatch(
      /^The log \(current\.csv\) has no prediction or score column/,
    );
    expect(performanceGaps(sides(noPrediction, 'multiclass'))[0]).toMatch(
      /^The log \(current\.csv\) has no prediction column: multiclass metrics/,
    );
    const withScore = [...noPrediction, schemaColumn('fraud_score', { role: 'score' })];
    expect(performanceGaps(sides(withScore))).toEqual([]);
  });

  it('checks the reference too', () => {
    const reference = openLog(
      'reference',
      fraudColumns().filter((c) => c.role !== 'label'),
    );
    const gaps = performanceGaps({ log: openLog('current'), reference });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatch(/^The reference \(reference\.csv\) has no label column/);
  });
});
