import { numericDriftCases } from '../../test-support/drift-reference.ts';
import { describe, expect, it } from 'vitest';
import { refNumber } from '../../test-support/reference.ts';
import {
  binIndex,
  dedupeEdges,
  edgePositions,
  linearQuantile,
  orderStatisticIndexes,
} from './quantile-edges.ts';

const cases = numericDriftCases();

function validSorted(values: unknown[]): number[] {
  return values
    .map(refNumber)
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
}

function quantiles(sorted: number[], qs: number[]): number[] {
  return qs.map((q) => linearQuantile(sorted.length, q, (i) => sorted[i] ?? NaN));
}

describe('linearQuantile (numpy linear) on hand-worked cases', () => {
  it('interpolates from below when t < 0.5 and from above otherwise', () => {
    const x = [1, 2, 4, 8];
    // h = 3·0.1 = 0.30000000000000004: i = 0, t < 0.5 → 1 + 1·t
    expect(linearQuantile(4, 0.1, (i) => x[i] ?? NaN)).toBe(1 + (2 - 1) * (3 * 0.1));
    // h = 3·0.9 = 2.7: i = 2, t = 0.7 → 8 - 4·(1 - t)
    const t = 3 * 0.9 - 2;
    expect(linearQuantile(4, 0.9, (i) => x[i] ?? NaN)).toBe(8 - 4 * (1 - t));
    expect(linearQuantile(4, 0.5, (i) => x[i] ?? NaN)).toBe(3);
    expect(linearQuantile(1, 0.7, () => 5)).toBe(5);
  });

  it('names only the order statistics it reads', () => {
    expect(orderStatisticIndexes(4, [0.1, 0.5, 0.9])).toEqual([0, 1, 2, 3]);
    expect(orderStatisticIndexes(101, [0.5])).toEqual([50, 51]);
    expect(orderStatisticIndexes(1, edgePositions())).toEqual([0]);
    expect(orderStatisticIndexes(0, edgePositions())).toEqual([]);
  });

  it('positions are k/10 by division', () => {
    expect(edgePositions()).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(edgePositions()[2]).toBe(3 / 10);
  });
});

describe('binIndex: edges strictly below', () => {
  it('puts a value equal to an edge in the lower bin', () => {
    const edges = [1, 2, 3];
    expect([0, 1, 1.5, 2, 2.5, 3, 4].map((x) => binIndex(edges, x))).toEqual([0, 0, 1, 1, 2, 2, 3]);
    expect(binIndex([], 7)).toBe(0);
    expect(dedupeEdges([1, 2, 2, 3, 3, 3, 7])).toEqual([1, 2, 3, 7]);
  });
});

describe('quantile edges against numeric_drift.json', () => {
  for (const c of cases) {
    it(`${c.name}: edges bit-equal to numpy, bins and per-side quantiles as expected`, () => {
      const r = validSorted(c.inputs.reference);
      const cur = validSorted(c.inputs.current);
      for (const [side, values] of [
        ['reference', r],
        ['current', cur],
      ] as const) {
        const qs = quantiles(values, [0.01, 0.05, 0.5, 0.95, 0.99]);
        expect(qs).toEqual(['p01', 'p05', 'p50', 'p95', 'p99'].map((k) => c.expected[side][k]));
      }
      const b = c.expected.binning;
      if (b.mode !== 'quantile') return;
      const raw = quantiles(r, edgePositions());
      expect(raw).toEqual(b.edges_before_dedup);
      const edges = dedupeEdges(raw);
      expect(edges).toEqual(b.edges);
      const count = (values: number[]) => {
        const counts = new Array<number>(edges.length + 1).fill(0);
        for (const v of values) {
          const k = binIndex(edges, v);
          counts[k] = (counts[k] ?? 0) + 1;
        }
        return counts;
      };
      expect(count(r)).toEqual(b.reference_counts);
      expect(count(cur)).toEqual(b.current_counts);
    });
  }
});
