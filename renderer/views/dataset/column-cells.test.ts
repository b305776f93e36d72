import { describe, expect, it } from 'vitest';
import { formatNulls, formatRange } from './column-cells.ts';

describe('formatRange', () => {
  it('writes time columns as UTC dates from epoch milliseconds', () => {
    const column = {
      type: 'TIMESTAMP',
      min: Date.UTC(2026, 6, 6, 0, 3),
      max: Date.UTC(2026, 7, 30, 23, 58),
    };
    expect(formatRange(column)).toBe('2026-07-06 – 2026-08-30');
    expect(formatRange({ ...column, type: 'DATE', max: column.min })).toBe('2026-07-06');
  });

  it('writes numbers compactly, and a dash where there is no order', () => {
    expect(formatRange({ type: 'DOUBLE', min: 0.0208, max: 12345.6 })).toBe('0.0208 – 12,346');
    expect(formatRange({ type: 'BIGINT', min: 3, max: 3 })).toBe('3');
    expect(formatRange({ type: 'VARCHAR', min: null, max: null })).toBe('—');
  });
});

describe('formatNulls', () => {
  it('gives the count with its share, or 0', () => {
    expect(formatNulls({ nulls: 0, nullRate: 0 })).toBe('0');
    expect(formatNulls({ nulls: 5200, nullRate: 0.2 })).toBe('5,200 (20.0%)');
    expect(formatNulls({ nulls: 3, nullRate: 3 / 1_000_000 })).toBe('3 (<0.1%)');
  });
});
