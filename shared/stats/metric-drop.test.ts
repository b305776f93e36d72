import { describe, expect, it } from 'vitest';
import { metricDrop } from './metric-drop.ts';

describe('metricDrop (STATS.md Onset)', () => {
  it('a significant drop beyond 3% is worse', () => {
    // Recall 60/100 → 30/100: pooled 0.45, z = -0.3/sqrt(0.45·0.55·0.02) = -4.264, p ≈ 2e-5.
    const r = metricDrop({ k: 60, n: 100 }, { k: 30, n: 100 }, true);
    expect(r.delta).toBeCloseTo(-0.3, 15);
    expect(r.relative_delta).toBeCloseTo(-0.5, 15);
    expect(r.p).toBeLessThan(1e-4);
    expect(r.worse).toBe(true);
  });

  it('a rise of a higher-is-better metric is not worse, however significant', () => {
    expect(metricDrop({ k: 30, n: 100 }, { k: 60, n: 100 }, true).worse).toBe(false);
    // For FPR (lower is better) the same rise is worse.
    expect(metricDrop({ k: 30, n: 100 }, { k: 60, n: 100 }, false).worse).toBe(true);
  });

  it('significant but within 3% relative is not worse', () => {
    // 0.900 → 0.890 on a million each: p tiny, relative drop 1.1%.
    const r = metricDrop({ k: 900_000, n: 1_000_000 }, { k: 890_000, n: 1_000_000 }, true);
    expect(r.p).toBeLessThan(1e-10);
    expect(r.worse).toBe(false);
  });

  it('a large drop without significance is not worse', () => {
    // 3/5 → 1/5: relative drop 67%, but p ≈ 0.2.
    const r = metricDrop({ k: 3, n: 5 }, { k: 1, n: 5 }, true);
    expect(r.p).toBeGreaterThan(0.05);
    expect(r.worse).toBe(false);
  });

  it('an empty side cannot be judged; equal all-0 sides are not worse', () => {
    expect(metricDrop({ k: 3, n: 5 }, { k: 0, n: 0 }, true)).toEqual({
      delta: null,
      relative_delta: null,
      p: null,
      worse: null,
    });
    expect(metricDrop({ k: 0, n: 50 }, { k: 0, n: 50 }, false)).toMatchObject({
      p: null,
      worse: false,
    });
  });

  it('from a baseline of 0, any significant rise in the bad direction is worse', () => {
    const r = metricDrop({ k: 0, n: 200 }, { k: 20, n: 200 }, false);
    expect(r.relative_delta).toBeNull();
    expect(r.worse).toBe(true);
  });
});
