import { describe, expect, it } from 'vitest';
import { loadReference, expectClose } from '../../test-support/reference.ts';
import { wilsonInterval, Z95 } from './wilson.ts';

interface WilsonCase {
  k: number;
  n: number;
  low: number;
  high: number;
}
interface IntervalRef {
  value: number | null;
  low: number | null;
  high: number | null;
  k: number;
  n: number;
}
interface BinaryRef {
  cases: { name: string; expected: { intervals: Record<string, IntervalRef> } }[];
}
interface CalibrationRef {
  cases: {
    name: string;
    expected: { bins: { n: number; observed: number; low: number; high: number }[] };
  }[];
}

const tests = loadReference<{ z: number; wilson: WilsonCase[] }>('tests.json');
const binary = loadReference<BinaryRef>('binary_classification.json');
const calibration = loadReference<CalibrationRef>('calibration.json');

describe('wilsonInterval', () => {
  it('uses the reference z', () => {
    expect(Z95).toBe(tests.z);
  });

  it('matches every Wilson case of tests.json', () => {
    expect(tests.wilson).toHaveLength(10);
    for (const c of tests.wilson) {
      const r = wilsonInterval(c.k, c.n);
      expectClose(r.low, c.low, `low k=${c.k} n=${c.n}`);
      expectClose(r.high, c.high, `high k=${c.k} n=${c.n}`);
    }
  });

  it('matches every interval of binary_classification.json, including n = 0 as nulls', () => {
    let checked = 0;
    let empty = 0;
    for (const c of binary.cases) {
      for (const [metric, e] of Object.entries(c.expected.intervals)) {
        const r = wilsonInterval(e.k, e.n);
        const what = `${c.name} ${metric} (${e.k}/${e.n})`;
        expectClose(r.value, e.value, `${what} value`);
        expectClose(r.low, e.low, `${what} low`);
        expectClose(r.high, e.high, `${what} high`);
        checked++;
        if (e.n === 0) empty++;
      }
    }
    expect(checked).toBe(30);
    expect(empty).toBe(2); // one_class recall, nothing_predicted_positive precision
  });

  it('matches the per-bin intervals of calibration.json', () => {
    let checked = 0;
    for (const c of calibration.cases) {
      for (const b of c.expected.bins) {
        const k = Math.round(b.observed * b.n);
        expect(Math.abs(k - b.observed * b.n)).toBeLessThan(1e-9);
        const r = wilsonInterval(k, b.n);
        expectClose(r.low, b.low, `${c.name} ${k}/${b.n} low`);
        expectClose(r.high, b.high, `${c.name} ${k}/${b.n} high`);
        checked++;
      }
    }
    expect(checked).toBe(26);
  });

  it('gives nulls for n = 0 (README conventions)', () => {
    expect(wilsonInterval(0, 0)).toEqual({ value: null, low: null, high: null });
  });

  it('works a hand case: k = 0, n = 1', () => {
    // p̂ = 0: centre = (z²/2)/(1+z²) and half-width = (z/(1+z²))·(z/2) are equal, so the low
    // end is 0 and the high end z²/(1+z²) = 3.841458820694124/4.841458820694124 = 0.79345...
    const r = wilsonInterval(0, 1);
    expect(r.low).toBe(0);
    expectClose(r.high, 0.7934506856227626, 'high');
    expectClose(r.high, (Z95 * Z95) / (1 + Z95 * Z95), 'closed form');
  });

  it('keeps the ends inside [0, 1] and rejects impossible counts', () => {
    const all = wilsonInterval(7, 7);
    expect(all.high).toBeLessThanOrEqual(1);
    expect(wilsonInterval(0, 5).low).toBeGreaterThanOrEqual(0);
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2)).toThrow(RangeError);
  });
});
