import { describe, expect, it } from 'vitest';
import type { ErrorsPageColumn } from '../../../shared/analyses/errors/errors-result.ts';
import { cappedNote, errorsHeadline } from './errors-headline.ts';
import { defaultErrorsSort, nextErrorsSort, sortWords } from './errors-sort.ts';

const columns: ErrorsPageColumn[] = [
  { name: 'amount', kind: 'numeric', role: 'feature' },
  { name: 'event_time', kind: 'datetime', role: 'time' },
  { name: 'region', kind: 'categorical', role: 'feature' },
];

describe('errorsHeadline', () => {
  const binary = { task: 'binary' as const, cohort: [], order: 'most confident first' };

  it('counts the wrong predictions, their share and the order', () => {
    expect(errorsHeadline({ ...binary, total: 670, rowsInScope: 26_000 })).toBe(
      '670 wrong predictions of 26,000 rows (2.6%), most confident first',
    );
    expect(errorsHeadline({ ...binary, total: 1, rowsInScope: 1 })).toBe(
      '1 wrong prediction of 1 row (100.0%), most confident first',
    );
  });

  it('names the active cohort', () => {
    const cohort = [{ column: 'region', op: '=' as const, value: 'APAC' }];
    expect(errorsHeadline({ ...binary, cohort, total: 54, rowsInScope: 2061 })).toBe(
      '54 wrong predictions of 2,061 rows (2.6%) in the cohort region = APAC, most confident first',
    );
  });

  it('says when nothing is wrong, and counts regression rows by their known error', () => {
    expect(errorsHeadline({ ...binary, total: 0, rowsInScope: 300 })).toBe(
      'No wrong predictions among 300 rows',
    );
    expect(
      errorsHeadline({
        task: 'regression',
        cohort: [],
        order: 'largest error first',
        total: 88,
        rowsInScope: 90,
      }),
    ).toBe('88 predictions with a known error of 90 rows (97.8%), largest error first');
  });

  it('says when the grid lists only the first million', () => {
    expect(cappedNote(670)).toBeNull();
    expect(cappedNote(2_000_000)).toMatch(/^The grid lists the first 1,000,000;/);
  });
});

describe('sorting', () => {
  it('starts with confident errors, or the largest for regression', () => {
    expect(defaultErrorsSort('binary')).toEqual({ by: 'confidence', direction: 'desc' });
    expect(defaultErrorsSort(null)).toEqual({ by: 'confidence', direction: 'desc' });
    expect(defaultErrorsSort('regression')).toEqual({ by: 'error', direction: 'desc' });
  });

  it('flips the sorted column and starts another from its natural end', () => {
    const first = defaultErrorsSort('binary');
    expect(nextErrorsSort(first, 'confidence')).toEqual({ by: 'confidence', direction: 'asc' });
    expect(nextErrorsSort(first, 'amount')).toEqual({ by: 'amount', direction: 'asc' });
    expect(nextErrorsSort({ by: 'amount', direction: 'asc' }, 'amount')).toEqual({
      by: 'amount',
      direction: 'desc',
    });
    expect(nextErrorsSort({ by: 'amount', direction: 'asc' }, 'error')).toEqual({
      by: 'error',
      direction: 'desc',
    });
  });

  it('says the order in words for each kind of column', () => {
    const words = (by: string, direction: 'asc' | 'desc', hasConfidence = true) =>
      sortWords({ by, direction }, columns, hasConfidence);
    expect(words('confidence', 'desc')).toBe('most confident first');
    expect(words('confidence', 'asc')).toBe('least confident first');
    expect(words('confidence', 'desc', false)).toBe('in log order');
    expect(words('error', 'desc')).toBe('largest error first');
    expect(words('amount', 'desc')).toBe('by amount, largest first');
    expect(words('event_time', 'asc')).toBe('by event_time, earliest first');
    expect(words('region', 'asc')).toBe('by region, A to Z');
    expect(words('region', 'desc')).toBe('by region, Z to A');
  });
});
