import { describe, expect, it } from 'vitest';
import { expectClose, loadReference } from '../../test-support/reference.ts';
import { quantileCalibrationEdges, reliability, uniformEdges } from './calibration-bins.ts';

const cases = loadReference<{ cases: { name: string; expected: { edges: number[] } }[] }>(
  'calibration.json',
).cases;

describe('uniformEdges', () => {
  it("is k · (1/B), numpy.linspace's inner edges, to the last bit", () => {
    const uniform = cases.find((c) => c.name === 'edge_ulp_uniform');
    expect(uniformEdges(10)).toEqual(uniform?.expected.edges);
    expect(uniformEdges(10)[2]).toBe(0.1 + 0.2);
    expect(uniformEdges(2)).toEqual([0.5]);
  });
});

describe('quantileCalibrationEdges', () => {
  it('keeps repeated edges, so bin b stays sklearn bin id b', () => {
    const sorted = [0, 0, 0, 0, 0, 0, 0, 0.5, 1, 1];
    expect(quantileCalibrationEdges(sorted.length, (i) => sorted[i] ?? NaN, 4)).toEqual([
      0, 0, 0.375,
    ]);
  });
});

describe('reliability', () => {
  it('ECE, MCE and the Murphy decomposition of hand-worked bins', () => {
    // Bin 1: 4 rows, scores sum 0.8 (p̄ 0.2), 1 positive (ō 0.25); bin 3: 6 rows, p̄ 0.7, ō 0.5.
    const r = reliability(
      [
        { bin: 3, n: 6, scoreSum: 4.2, positives: 3 },
        { bin: 1, n: 4, scoreSum: 0.8, positives: 1 },
        { bin: 5, n: 0, scoreSum: 0, positives: 0 },
      ],
      2.3,
    );
    expect(r.bins.map((b) => [b.bin, b.n, b.positives])).toEqual([
      [1, 4, 1],
      [3, 6, 3],
    ]);
    expectClose(r.bins[0]?.mean_score ?? null, 0.2, 'mean');
    expect(r.bins[1]?.observed).toBe(0.5);
    // ECE = 0.4 · 0.05 + 0.6 · 0.2; ō = 0.4: REL = 0.4 · 0.0025 + 0.6 · 0.04,
    // RES = 0.4 · 0.0225 + 0.6 · 0.01, UNC = 0.24, Brier = 0.23.
    expectClose(r.ece, 0.14, 'ece');
    expectClose(r.mce, 0.2, 'mce');
    expectClose(r.brier.total, 0.23, 'brier');
    expectClose(r.brier.rel, 0.025, 'rel');
    expectClose(r.brier.res, 0.015, 'res');
    expectClose(r.brier.unc, 0.24, 'unc');
    expectClose(r.brier.residual, 0.23 - (0.025 - 0.015 + 0.24), 'residual');
  });

  it('no rows: no bins and null numbers, never NaN', () => {
    const r = reliability([{ bin: 0, n: 0, scoreSum: 0, positives: 0 }], 0);
    expect(r).toEqual({
      bins: [],
      ece: null,
      mce: null,
      brier: { total: null, rel: null, res: null, unc: null, residual: null },
    });
  });
});
