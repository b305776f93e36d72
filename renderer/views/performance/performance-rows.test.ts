import { describe, expect, it } from 'vitest';
import type {
  MulticlassPerformanceResult,
  RegressionPerformanceResult,
} from '../../../shared/analyses/performance/performance-task-result.ts';
import {
  metricDelta,
  metricInterval,
  metricValue,
  performanceTable,
  unjudgedReason,
} from './performance-rows.ts';
import { regionResult } from './test-fixtures.ts';

describe('performanceTable', () => {
  it('reads a binary result as the views do', () => {
    const table = performanceTable(regionResult());
    expect(table).toMatchObject({
      task: 'binary',
      primaryMetric: 'recall',
      logRows: 972,
      referenceRows: 972,
      since: { metric: 'recall', window: '2026-09-21' },
      datesOnsets: true,
      skipped: [],
    });
    expect(table.cohorts.map((c) => c.cohort.region)).toEqual(['EU', 'APAC', 'Tiny', 'Mars']);
    expect(table.timeline).toHaveLength(4);
  });

  it('reads a multiclass result with its own metrics and no onset when it has none', () => {
    const group = {
      rows: 40,
      n: 40,
      metrics: {
        labels: ['a', 'b'],
        accuracy: 0.75,
        macro_f1: 0.7,
        weighted_f1: 0.72,
        per_class: {},
        confusion_matrix: [],
        intervals: { accuracy: { value: 0.75, low: 0.6, high: 0.86, k: 30, n: 40 } },
      },
      too_small: false,
    };
    const result: MulticlassPerformanceResult = {
      task: 'multiclass',
      log: { rows: 40 },
      reference: null,
      by: [],
      outcome: { label: 'y', prediction: 'yhat' },
      primary_metric: 'accuracy',
      overall: group,
      cohorts: [],
      skipped: { timeline: 'no time column in the log' },
    };
    const table = performanceTable(result);
    expect(table).toMatchObject({
      task: 'multiclass',
      since: null,
      datesOnsets: true,
      timeline: null,
      window: null,
    });
    const regression: RegressionPerformanceResult = {
      task: 'regression',
      log: { rows: 40 },
      reference: null,
      by: [],
      outcome: { label: 'y', prediction: 'yhat' },
      primary_metric: 'mae',
      overall: {
        rows: 40,
        n: 40,
        metrics: { mae: 1.5, rmse: 2, mean_error: 0.1, r2: 0.8 },
        too_small: false,
      },
      cohorts: [],
    };
    expect(performanceTable(regression)).toMatchObject({ task: 'regression', datesOnsets: false });
    expect(metricValue(performanceTable(regression).overall, 'rmse')).toBe(2);
    expect(table.skipped).toEqual(['no time column in the log']);
    expect(metricValue(table.overall, 'macro_f1')).toBe(0.7);
    expect(metricInterval(table.overall, 'accuracy')?.k).toBe(30);
    expect(metricInterval(table.overall, 'macro_f1')).toBeNull();
    expect(metricDelta(table.overall, 'accuracy')).toBeNull();
  });
});

describe('row readers', () => {
  const [eu, apac, tiny, mars] = regionResult().cohorts;

  it('read a metric, its interval and its change', () => {
    expect(metricValue(apac ?? never(), 'recall')).toBe(0.25);
    expect(metricValue(apac ?? never(), 'auc')).toBeNull();
    expect(metricInterval(apac ?? never(), 'recall')).toMatchObject({ k: 10, n: 40 });
    expect(metricDelta(apac ?? never(), 'recall')).toMatchObject({ baseline: 0.7, value: 0.25 });
  });

  it('say why a row is not judged', () => {
    expect(unjudgedReason(eu ?? never())).toBeNull();
    expect(unjudgedReason(tiny ?? never())).toBe('too small to judge');
    expect(unjudgedReason(mars ?? never())).toBe('not in the baseline');
    const empty = { rows: 5, n: 0, too_small: true, metrics: {} };
    expect(unjudgedReason(empty)).toBe('no labels yet');
    expect(unjudgedReason({ ...empty, rows: 0 })).toBe('no rows');
    const smallBaseline = {
      ...(eu ?? never()),
      delta: { against: 'reference' as const, too_small: true, metrics: {} },
    };
    expect(unjudgedReason(smallBaseline)).toBe('baseline too small to judge');
  });
});

function never(): never {
  throw new Error('fixture row missing');
}
