import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../shared/stats/wilson.ts';
import { binTableRows } from './bin-table.ts';
import { driftColumn } from './test-fixtures.ts';

const outcome = (index: number | null, label: string, rows: number, errors: number) => ({
  index,
  label,
  rows,
  errors,
  error_rate: wilsonInterval(errors, rows),
  lift: null,
});

const column = driftColumn('amount', 'significant', {
  bins: {
    mode: 'quantile',
    edges: [10, 20],
    categories: null,
    pooled: 0,
    reference_counts: [50, 30, 20],
    current_counts: [40, 60, 100],
    p: [0.5, 0.3, 0.2],
    q: [0.2, 0.3, 0.5],
  },
  impact: {
    lift: null,
    bin: null,
    index: null,
    bins: [
      outcome(0, '(-inf, 10]', 40, 4),
      outcome(1, '(10, 20]', 60, 0),
      outcome(2, '(20, +inf]', 100, 20),
      outcome(null, '(missing)', 8, 2),
    ],
  },
});

describe('binTableRows', () => {
  const rows = binTableRows(column);

  it('gives each bin its edges, both sides’ counts and shares, and the change in points', () => {
    expect(rows.map((r) => r.label)).toEqual(['(-inf, 10]', '(10, 20]', '(20, +inf]', '(missing)']);
    expect(rows[0]).toMatchObject({
      reference: '50 (50.0%)',
      current: '40 (20.0%)',
      change: '−30.0',
    });
    expect(rows[1]?.change).toBe('+0.0');
    expect(rows[2]?.change).toBe('+30.0');
  });

  it('shows the current error rate with its Wilson interval', () => {
    // 20/100: Wilson 95% interval 13.3%–28.9% (hand-worked: centre 0.2111, half-width 0.0777).
    expect(rows[2]?.errorRate).toBe('20.0% (13.3%–28.9%)');
    expect(rows[1]?.errorRate).toBe('0.0% (0.0%–6.0%)');
  });

  it('carries the cohort each bin selects, the missing values included', () => {
    expect(rows[1]?.cohort).toEqual([
      { column: 'amount', op: '>', value: 10 },
      { column: 'amount', op: '<=', value: 20 },
    ]);
    expect(rows[3]).toMatchObject({
      current: '8',
      reference: '–',
      cohort: [{ column: 'amount', op: '=', value: null }],
    });
  });
});
