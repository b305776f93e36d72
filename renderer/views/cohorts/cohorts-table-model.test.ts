import { describe, expect, it } from 'vitest';
import { metricOf } from '../performance/performance-metrics.ts';
import { performanceTable } from '../performance/performance-rows.ts';
import { regionResult } from '../performance/test-fixtures.ts';
import {
  cohortLines,
  defaultCohortSort,
  nextCohortSort,
  sortCohortLines,
} from './cohorts-table-model.ts';

const table = performanceTable(regionResult());
const recall = metricOf('binary', 'recall');
const names = (lines: { values: string[] }[]) => lines.map((l) => l.values.join(' · '));

describe('cohortLines', () => {
  it('ranks significant drops first, then the judged by change, then the unjudged by size', () => {
    const lines = cohortLines(table, recall);
    expect(names(lines)).toEqual(['APAC', 'EU', 'Mars', 'Tiny']);
    expect(lines.map((l) => l.rank)).toEqual([0, 1, 2, 3]);
  });

  it('gives each cohort the metric, its interval, baseline, change, q and since', () => {
    const [apac, eu, mars, tiny] = cohortLines(table, recall);
    expect(apac).toMatchObject({
      key: '["APAC"]',
      words: 'region = APAC',
      value: 0.25,
      interval: { k: 10, n: 40 },
      baseline: 0.7,
      drop: true,
      unjudged: null,
      since: { metric: 'recall', window: '2026-09-21' },
    });
    expect(apac?.delta).toBeCloseTo(-0.45, 12);
    expect(apac?.change).toBeCloseTo(0.45, 12);
    expect(apac?.q).toBeLessThan(0.05);
    expect(eu).toMatchObject({ drop: false, unjudged: null, since: null });
    expect(eu?.change).toBeCloseTo(-0.02, 12);
    // Too small or without a baseline: shown, never flagged.
    expect(tiny).toMatchObject({ drop: false, unjudged: 'too small to judge', change: null });
    expect(mars).toMatchObject({ drop: false, unjudged: 'not in the baseline', baseline: null });
  });

  it('ranks a lower-is-better metric by its rise', () => {
    const fpr = cohortLines(table, metricOf('binary', 'fpr'));
    expect(fpr.every((l) => !l.drop || (l.delta ?? 0) > 0)).toBe(true);
  });

  it('ranks a metric without a good side by the size of its change, flagging no drop', () => {
    const base = cohortLines(table, metricOf('binary', 'base_rate'));
    expect(base.some((l) => l.drop)).toBe(false);
    const judged = base.filter((l) => l.change !== null);
    expect(judged.every((l) => (l.change ?? -1) >= 0)).toBe(true);
  });
});

describe('sortCohortLines', () => {
  const lines = cohortLines(table, recall);

  it('keeps the ranking by default', () => {
    expect(names(sortCohortLines(lines, defaultCohortSort))).toEqual([
      'APAC',
      'EU',
      'Mars',
      'Tiny',
    ]);
  });

  it('sorts by a measure, missing values last in either direction', () => {
    expect(names(sortCohortLines(lines, { key: 'n', descending: true }))).toEqual([
      'EU',
      'APAC',
      'Mars',
      'Tiny',
    ]);
    // Tiny's change (1 of 2 found against 2 of 2) is the largest: sorted as it is, though unjudged.
    expect(names(sortCohortLines(lines, { key: 'delta', descending: false }))).toEqual([
      'Tiny',
      'APAC',
      'EU',
      'Mars',
    ]);
    // Mars has no baseline, so no change: last both ways.
    expect(names(sortCohortLines(lines, { key: 'delta', descending: false })).at(-1)).toBe('Mars');
    expect(names(sortCohortLines(lines, { key: 'delta', descending: true })).at(-1)).toBe('Mars');
    expect(names(sortCohortLines(lines, { key: 'cohort', descending: true }))).toEqual([
      'Tiny',
      'Mars',
      'EU',
      'APAC',
    ]);
  });

  it('sorts numeric bins by where they start, not by their text', () => {
    const result = regionResult();
    result.by = [{ name: 'region', mode: 'quantile', edges: [12, 40] }];
    const bins = ['(40, +inf]', '(-inf, 12]', '(12, 40]', null];
    result.cohorts.forEach((c, i) => {
      c.cohort = { region: bins[i] ?? null };
    });
    const binned = cohortLines(performanceTable(result), recall);
    expect(names(sortCohortLines(binned, { key: 'cohort', descending: false }))).toEqual([
      '(-inf, 12]',
      '(12, 40]',
      '(40, +inf]',
      '(missing)',
    ]);
  });

  it('flips a header clicked again; a new header starts at its natural direction', () => {
    expect(nextCohortSort(defaultCohortSort, 'n')).toEqual({ key: 'n', descending: true });
    expect(nextCohortSort(defaultCohortSort, 'q')).toEqual({ key: 'q', descending: false });
    expect(nextCohortSort({ key: 'q', descending: false }, 'q')).toEqual({
      key: 'q',
      descending: true,
    });
  });
});
