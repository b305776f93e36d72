import { describe, expect, it } from 'vitest';
import { maxCategoryBars, sparklineBars, sparklineOf } from './sparkline.ts';

describe('sparklineOf', () => {
  it("draws a categorical column's top values and names the first five", () => {
    const topValues = ['EU', 'NA', 'APAC', 'LATAM', 'MEA', 'OC'].map((value, i) => ({
      value,
      count: 6000 - i * 1000,
    }));
    const line = sparklineOf(
      { name: 'region', type: 'VARCHAR', kind: 'categorical', topValues },
      undefined,
    );
    expect(line?.counts).toEqual([6000, 5000, 4000, 3000, 2000, 1000]);
    expect(line?.description).toBe(
      'Most frequent values of region: EU (6,000), NA (5,000), APAC (4,000), LATAM (3,000), MEA (2,000) and 1 more',
    );
  });

  it('draws at most a dozen categories', () => {
    const topValues = Array.from({ length: 20 }, (_, i) => ({ value: `c${i}`, count: 20 - i }));
    const line = sparklineOf(
      { name: 'c', type: 'VARCHAR', kind: 'categorical', topValues },
      undefined,
    );
    expect(line?.counts).toHaveLength(maxCategoryBars);
  });

  it('draws the bins of numeric and time columns, with their ends in the right units', () => {
    const numeric = sparklineOf(
      { name: 'amount', type: 'DOUBLE', kind: 'numeric', topValues: null },
      { min: 0.5, max: 4500, counts: [5, 40, 12, 0] },
    );
    expect(numeric).toEqual({
      counts: [5, 40, 12, 0],
      description:
        'Distribution of amount in 4 equal-width bins from 0.5 to 4,500; the fullest holds 40 rows',
    });
    const time = sparklineOf(
      { name: 'event_time', type: 'TIMESTAMP', kind: 'datetime', topValues: null },
      { min: Date.UTC(2026, 6, 6), max: Date.UTC(2026, 7, 30), counts: [3] },
    );
    expect(time?.description).toBe(
      'Distribution of event_time in one bin from 2026-07-06 to 2026-08-30; the fullest holds 3 rows',
    );
  });

  it('draws nothing for text, or a numeric column without a shape', () => {
    expect(
      sparklineOf({ name: 'note', type: 'VARCHAR', kind: 'text', topValues: null }, undefined),
    ).toBeNull();
    expect(
      sparklineOf({ name: 'x', type: 'DOUBLE', kind: 'numeric', topValues: null }, undefined),
    ).toBeNull();
    expect(
      sparklineOf({ name: 'x', type: 'VARCHAR', kind: 'categorical', topValues: [] }, undefined),
    ).toBeNull();
  });
});

describe('sparklineBars', () => {
  it('scales bars to the largest count, bottom-aligned, with a gap between wide bars', () => {
    expect(sparklineBars([10, 5, 0], 30, 20)).toEqual([
      { x: 0, y: 0, width: 9, height: 20 },
      { x: 10, y: 10, width: 9, height: 10 },
      { x: 20, y: 20, width: 9, height: 0 },
    ]);
  });

  it('keeps a rare bin visible and packs narrow bars without gaps', () => {
    const bars = sparklineBars([1000, 1], 4, 20);
    expect(bars[1]).toEqual({ x: 2, y: 19, width: 2, height: 1 });
    expect(sparklineBars([0, 0], 10, 20).every((b) => b.height === 0)).toBe(true);
  });
});
