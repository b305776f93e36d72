import { describe, expect, it } from 'vitest';
import { binaryCases } from '../../test-support/binary-reference.ts';
import { expectClose } from '../../test-support/reference.ts';
import {
  binaryProportionMetrics,
  binaryProportions,
  confusionOf,
  isTooSmall,
  proportionCounts,
} from './binary-metrics.ts';

describe('binaryProportionMetrics against binary_classification.json', () => {
  for (const c of binaryCases()) {
    it(c.name, () => {
      const e = c.expected;
      const counts = {
        n: e.n,
        positives: e.positives,
        predictedPositives: e.confusion.tp + e.confusion.fp,
        truePositives: e.confusion.tp,
      };
      const r = binaryProportionMetrics(counts);
      expect(r.confusion).toEqual(e.confusion);
      for (const name of binaryProportions) {
        const ref = e.intervals[name];
        const got = r.intervals[name];
        expect(got.k, `${name}.k`).toBe(ref?.k);
        expect(got.n, `${name}.n`).toBe(ref?.n);
        expectClose(got.value, e.metrics[name], `${name}`);
        expectClose(got.value, ref?.value ?? null, `${name}.value`);
        expectClose(got.low, ref?.low ?? null, `${name}.low`);
        expectClose(got.high, ref?.high ?? null, `${name}.high`);
      }
      expectClose(r.f1, e.metrics.f1, 'f1');
      expect(r.f1_undefined).toBe(e.metrics.f1_undefined);
      expect(isTooSmall(counts)).toBe(e.too_small);
    });
  }
});

describe('binary metrics by hand', () => {
  it('8 rows: TP 3, FP 1, FN 2, TN 2', () => {
    const c = { n: 8, positives: 5, predictedPositives: 4, truePositives: 3 };
    expect(confusionOf(c)).toEqual({ tp: 3, fp: 1, tn: 2, fn: 2 });
    expect(proportionCounts(c)).toEqual({
      accuracy: { k: 5, n: 8 },
      precision: { k: 3, n: 4 },
      recall: { k: 3, n: 5 },
      fpr: { k: 1, n: 3 },
      base_rate: { k: 5, n: 8 },
      predicted_positive_rate: { k: 4, n: 8 },
    });
    // P = 3/4, R = 3/5: F1 = 2·(9/20)/(27/20) = 2/3.
    expect(binaryProportionMetrics(c).f1).toBeCloseTo(2 / 3, 15);
  });

  it('F1 is 0 and undefined when precision and recall are both 0', () => {
    const r = binaryProportionMetrics({
      n: 10,
      positives: 3,
      predictedPositives: 2,
      truePositives: 0,
    });
    expect(r.intervals.precision.value).toBe(0);
    expect(r.intervals.recall.value).toBe(0);
    expect(r).toMatchObject({ f1: 0, f1_undefined: true });
  });

  it('an empty group: every proportion null, never NaN', () => {
    const r = binaryProportionMetrics({
      n: 0,
      positives: 0,
      predictedPositives: 0,
      truePositives: 0,
    });
    for (const name of binaryProportions) expect(r.intervals[name].value).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/NaN/);
  });

  it('too small to judge: n < 30, or fewer than 5 positives or 5 negatives', () => {
    expect(isTooSmall({ n: 29, positives: 10 })).toBe(true);
    expect(isTooSmall({ n: 30, positives: 5 })).toBe(false);
    expect(isTooSmall({ n: 30, positives: 4 })).toBe(true);
    expect(isTooSmall({ n: 30, positives: 25 })).toBe(false);
    expect(isTooSmall({ n: 30, positives: 26 })).toBe(true);
  });

  it('refuses counts no confusion matrix can have', () => {
    expect(() =>
      confusionOf({ n: 5, positives: 2, predictedPositives: 1, truePositives: 3 }),
    ).toThrow(RangeError);
  });
});
