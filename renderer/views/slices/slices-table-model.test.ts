import { describe, expect, it } from 'vitest';
import {
  defaultSliceSort,
  nextSliceSort,
  sliceLines,
  sortSliceLines,
} from './slices-table-model.ts';
import { fraudSlices } from './test-fixtures.ts';

const apac = { column: 'region', op: '=' as const, value: 'APAC' };
const android = { column: 'device', op: '=' as const, value: 'android' };

describe('slices table model', () => {
  it('keeps the result’s order with each slice’s words, cohort and history', () => {
    const lines = sliceLines(fraudSlices(), [], []);
    expect(lines.map((l) => [l.rank, l.words, l.history])).toEqual([
      [0, 'region = APAC and device = android', 'broke'],
      [1, 'merchant_category = crypto', 'always_hard'],
      [2, 'card_type = prepaid', 'unknown'],
    ]);
    expect(lines[0]?.cohort).toEqual([apac, android]);
    expect(lines.some((l) => l.active)).toBe(false);
    expect(sliceLines(fraudSlices(false), [], []).map((l) => l.history)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('marks the slice the active cohort is, in any predicate order', () => {
    const lines = sliceLines(fraudSlices(), [], [android, apac]);
    expect(lines.map((l) => l.active)).toEqual([true, false, false]);
    // Found within a cohort: the slice is active with the cohort it was found in.
    const within = sliceLines(
      fraudSlices(),
      [{ column: 'channel', op: '=', value: 'web' }],
      [apac, android],
    );
    expect(within.map((l) => l.active)).toEqual([false, false, false]);
  });

  it('sorts by a measure, highest first, and back to the rank', () => {
    const lines = sliceLines(fraudSlices(), [], []);
    const bySize = nextSliceSort(defaultSliceSort, 'size');
    expect(bySize).toEqual({ key: 'size', descending: true });
    expect(sortSliceLines(lines, bySize).map((l) => l.slice.size)).toEqual([200, 85, 40]);
    const byReference = nextSliceSort(bySize, 'reference');
    expect(sortSliceLines(lines, byReference).map((l) => l.rank)).toEqual([1, 0, 2]);
    expect(sortSliceLines(lines, nextSliceSort(byReference, 'rank')).map((l) => l.rank)).toEqual([
      0, 1, 2,
    ]);
  });
});
