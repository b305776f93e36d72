import { describe, expect, it } from 'vitest';
import { binLabels, formatCompact, formatEdges, isNewCategory } from './bin-labels.ts';

describe('formatCompact', () => {
  it('keeps three significant digits and writes thousands as K, M', () => {
    expect(formatCompact(12.12)).toBe('12.1');
    expect(formatCompact(134.361)).toBe('134');
    expect(formatCompact(0.19329)).toBe('0.193');
    expect(formatCompact(1636.3)).toBe('1.64K');
    expect(formatCompact(2_500_000)).toBe('2.5M');
    expect(formatCompact(-1.5)).toBe('-1.5');
    expect(formatCompact(0)).toBe('0');
  });
});

describe('formatEdges', () => {
  it('adds digits only where neighbouring edges would read the same', () => {
    expect(formatEdges([12.12, 18.26, 134.361])).toEqual(['12.1', '18.3', '134']);
    expect(formatEdges([12.12, 12.14, 13])).toEqual(['12.12', '12.14', '13']);
    expect(formatEdges([])).toEqual([]);
  });
});

describe('binLabels', () => {
  it('names quantile bins by their edges, open at both ends', () => {
    const labels = binLabels(
      { mode: 'quantile', edges: [12.12, 18.26, 134.361], categories: null },
      [],
    );
    expect(labels.map((l) => l.text)).toEqual([
      '(-inf, 12.1]',
      '(12.1, 18.3]',
      '(18.3, 134]',
      '(134, +inf]',
    ]);
    expect(labels.some((l) => l.isNew)).toBe(false);
  });

  it('gives a constant column (no edges) one bin', () => {
    expect(binLabels({ mode: 'quantile', edges: [], categories: null }, [])).toEqual([
      { text: '(-inf, +inf]', isNew: false },
    ]);
  });

  it('names categories as they are and marks those the reference never had', () => {
    const labels = binLabels(
      { mode: 'categorical', edges: null, categories: ['crypto', 'fuel', 15, '(other)'] },
      [
        { value: 'crypto', count: 1064, share: 0.041 },
        { value: '15', count: 3, share: 0.0001 },
      ],
    );
    expect(labels).toEqual([
      { text: 'crypto (new)', isNew: true },
      { text: 'fuel', isNew: false },
      { text: '15 (new)', isNew: true },
      { text: '(other)', isNew: false },
    ]);
  });
});

describe('isNewCategory', () => {
  it('matches a category to a new value whether either is a string or a number', () => {
    const fresh = [{ value: 17, count: 1, share: 0.1 }];
    expect(isNewCategory('17', fresh)).toBe(true);
    expect(isNewCategory(17, fresh)).toBe(true);
    expect(isNewCategory('7', fresh)).toBe(false);
  });
});
