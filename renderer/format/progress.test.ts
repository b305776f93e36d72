import type { Progress } from '../../shared/engine/engine.ts';
import { describe, expect, it } from 'vitest';
import { formatProgressAmount, progressMax } from './progress.ts';

describe('formatProgressAmount', () => {
  it('formats done and total in the progress unit', () => {
    expect(
      formatProgressAmount({
        phase: 'reading',
        done: 12_300_000,
        total: 52_400_000,
        unit: 'bytes',
      }),
    ).toBe('12.3 MB of 52.4 MB');
    expect(formatProgressAmount({ phase: 'p', done: 40_000, total: 100_000, unit: 'rows' })).toBe(
      '40,000 of 100,000 rows',
    );
    expect(formatProgressAmount({ phase: 'p', done: 2, total: 5, unit: 'files' })).toBe(
      '2 of 5 files',
    );
  });

  it('shows what is done when the total is unknown, and nothing when there is no count', () => {
    expect(formatProgressAmount({ phase: 'p', done: 1500, unit: 'bytes' })).toBe('1.5 KB');
    expect(formatProgressAmount({ phase: 'p', done: 1500, unit: 'rows' })).toBe('1,500 rows');
    expect(formatProgressAmount({ phase: 'p', done: 3, total: 4 })).toBe('3 of 4');
    expect(formatProgressAmount({ phase: 'summarising', done: 0 })).toBe('');
  });
});

describe('rows loaded so far', () => {
  it('follows the amount, or stands alone when there is no count', () => {
    const twoFiles: Progress = { phase: 'b.csv', done: 1, total: 2, unit: 'files', rows: 500000 };
    expect(formatProgressAmount(twoFiles)).toBe('1 of 2 files · 500,000 rows');
    expect(formatProgressAmount({ phase: 'summarising', done: 0, rows: 1234567 })).toBe(
      '1,234,567 rows',
    );
  });
});

describe('progressMax', () => {
  it('is the total when one is known, else null', () => {
    expect(progressMax({ phase: 'p', done: 1, total: 5, unit: 'files' })).toBe(5);
    expect(progressMax({ phase: 'p', done: 1, unit: 'rows' })).toBeNull();
    expect(progressMax({ phase: 'p', done: 0, total: 0, unit: 'rows' })).toBeNull();
  });
});
