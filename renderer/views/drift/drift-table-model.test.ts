import { describe, expect, it } from 'vitest';
import {
  bandCounts,
  defaultSort,
  filterByBand,
  nextSort,
  sortDriftColumns,
} from './drift-table-model.ts';
import { driftColumn, ksWithQ } from './test-fixtures.ts';

const impact = (lift: number | null) => ({ lift, bin: null, index: null, bins: [] });

// In the analysis's ranked order: band, then impact.
const ranked = [
  driftColumn('amount', 'significant', { psi: 0.66, ks: ksWithQ(1e-20), impact: impact(1.27) }),
  driftColumn('merchant', 'significant', { psi: 0.25, ks: ksWithQ(1e-9), impact: impact(1.1) }),
  driftColumn('age', 'moderate', { psi: 0.12, ks: ksWithQ(0.2), impact: impact(null) }),
  driftColumn('hour', 'stable', { psi: 0.001, ks: ksWithQ(0.9), impact: impact(2.3) }),
  driftColumn('empty', null),
];
const names = (cs: { name: string }[]) => cs.map((c) => c.name);

describe('sortDriftColumns', () => {
  it('keeps the ranked order by default', () => {
    expect(names(sortDriftColumns(ranked, defaultSort))).toEqual(names(ranked));
  });

  it('sorts a measure largest first, columns without it last', () => {
    expect(names(sortDriftColumns(ranked, nextSort(defaultSort, 'impact')))).toEqual([
      'hour',
      'amount',
      'merchant',
      'age',
      'empty',
    ]);
    expect(names(sortDriftColumns(ranked, nextSort(defaultSort, 'psi')))).toEqual(names(ranked));
  });

  it('puts the strongest evidence (smallest q) first, and flips on a second click', () => {
    const byQ = nextSort(defaultSort, 'q');
    expect(names(sortDriftColumns(ranked, byQ))).toEqual([
      'amount',
      'merchant',
      'age',
      'hour',
      'empty',
    ]);
    expect(names(sortDriftColumns(ranked, nextSort(byQ, 'q')))).toEqual([
      'hour',
      'age',
      'merchant',
      'amount',
      'empty',
    ]);
  });

  it('sorts names alphabetically', () => {
    expect(names(sortDriftColumns(ranked, nextSort(defaultSort, 'name')))).toEqual([
      'age',
      'amount',
      'empty',
      'hour',
      'merchant',
    ]);
  });
});

describe('band filter', () => {
  it('counts and keeps only the shown bands', () => {
    expect(bandCounts(ranked)).toEqual({ significant: 2, moderate: 1, stable: 1, none: 1 });
    expect(names(filterByBand(ranked, new Set(['significant', 'none'] as const)))).toEqual([
      'amount',
      'merchant',
      'empty',
    ]);
  });
});
