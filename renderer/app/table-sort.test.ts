import { describe, expect, it } from 'vitest';
import { nextTableSort, sortTableRows, type RowOrder } from './table-sort.ts';

interface Row {
  name: string;
  rank: number;
  size: number | null;
}

const rows: Row[] = [
  { name: 'b', rank: 0, size: 2 },
  { name: 'a', rank: 1, size: null },
  { name: 'c', rank: 2, size: 2 },
  { name: 'd', rank: 3, size: 5 },
];

type Key = 'rank' | 'name' | 'size';

const orders: Record<Key, RowOrder<Row>> = {
  rank: 'rank',
  name: { compare: (x, y) => x.name.localeCompare(y.name) },
  size: { measure: (r) => r.size },
};

const names = (key: Key, descending: boolean) =>
  sortTableRows(rows, { key, descending }, orders, (r) => r.rank).map((r) => r.name);

describe('sortTableRows', () => {
  it('orders by rank, by a comparison, or by a measure, either way', () => {
    expect(names('rank', true)).toEqual(['d', 'c', 'a', 'b']);
    expect(names('name', false)).toEqual(['a', 'b', 'c', 'd']);
    expect(names('name', true)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('puts rows without the measure last in either direction, ties in rank order', () => {
    expect(names('size', false)).toEqual(['b', 'c', 'd', 'a']);
    expect(names('size', true)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('nextTableSort', () => {
  const startsDescending = (key: Key) => key === 'size';

  it('flips the same key and starts a new one at its natural direction', () => {
    const bySize = nextTableSort({ key: 'rank', descending: false }, 'size', startsDescending);
    expect(bySize).toEqual({ key: 'size', descending: true });
    expect(nextTableSort(bySize, 'size', startsDescending)).toEqual({
      key: 'size',
      descending: false,
    });
    expect(nextTableSort(bySize, 'name', startsDescending)).toEqual({
      key: 'name',
      descending: false,
    });
  });
});
