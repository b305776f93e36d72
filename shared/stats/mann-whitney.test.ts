import { describe, expect, it } from 'vitest';
import { loadReference, expectClose, expectP } from '../../test-support/reference.ts';
import {
  inSegment,
  loadCanaryReference,
  readCanaryCsv,
} from '../../test-support/canary-reference.ts';
import { mannWhitneyAsymptotic, mannWhitneyInputs, midranks } from './mann-whitney.ts';

interface MwCase {
  name: string;
  x: number[];
  y: number[];
  u_x: number;
  p: number;
}
const tests = loadReference<{ mann_whitney: MwCase[] }>('tests.json');
const canary = loadCanaryReference();

describe('mannWhitneyAsymptotic', () => {
  it('matches every Mann-Whitney case of tests.json (U of x, two-sided p)', () => {
    expect(tests.mann_whitney).toHaveLength(3);
    for (const c of tests.mann_whitney) {
      const r = mannWhitneyAsymptotic(mannWhitneyInputs(c.x, c.y));
      expect(r.u, `${c.name} U`).toBe(c.u_x); // half-integers: exact in double
      expectP(r.p, c.p, `${c.name} p`);
    }
  });

  it('matches every split-traffic latency check of canary_verdict.json', () => {
    let checked = 0;
    for (const c of canary.cases) {
      const checks = c.expected.checks.filter((ch) => ch.test?.startsWith('Mann-Whitney'));
      if (checks.length === 0) continue;
      const rows = readCanaryCsv(c.inputs.file);
      for (const ch of checks) {
        const latency = (side: string): number[] =>
          rows
            .filter((r) => r.side === side && inSegment(r, ch.segment))
            .map((r) => Number(r.latency_ms));
        const x = latency('baseline');
        const y = latency('canary');
        expect([x.length, y.length]).toEqual([ch.counts?.baseline[0], ch.counts?.canary[0]]);
        const r = mannWhitneyAsymptotic(mannWhitneyInputs(x, y));
        expect(r.u, `${c.name} ${ch.segment} U`).toBe(ch.statistic);
        expectP(r.p, ch.p, `${c.name} ${ch.segment} p`);
        checked++;
      }
    }
    expect(checked).toBe(25);
  });

  it('works the small_ties case by hand', () => {
    // pooled 1 | 2 2 2 | 3 3 3 3 3 | 4 4 | 5 5 → midranks 1, 3, 7, 10.5, 12.5.
    // x = 1 2 2 3 3 3 4: R1 = 1 + 3·2 + 7·3 + 10.5 = 38.5, U1 = 38.5 - 7·8/2 = 10.5, U2 = 31.5.
    // tie term (27-3) + (125-5) + (8-2) + (8-2) = 156; σ² = 7·6/12 · (14 - 156/(13·12)) = 45.5;
    // z = (31.5 - 21 - 0.5)/√45.5 = 1.4825, p = 2·sf(z) = 0.13821.
    const inputs = mannWhitneyInputs([1, 2, 2, 3, 3, 3, 4], [2, 3, 3, 4, 5, 5]);
    expect(inputs).toEqual({ n1: 7, n2: 6, rankSum1: 38.5, tieTerm: 156 });
    const r = mannWhitneyAsymptotic(inputs);
    expectClose(r.z, 10 / Math.sqrt(45.5), 'z');
    expectP(r.p, 0.13820766697402573, 'p');
  });

  it('is symmetric in p, and takes U from the first sample', () => {
    const c = tests.mann_whitney[0];
    if (c === undefined) throw new Error('no case');
    const forward = mannWhitneyAsymptotic(mannWhitneyInputs(c.x, c.y));
    const backward = mannWhitneyAsymptotic(mannWhitneyInputs(c.y, c.x));
    expect(backward.u).toBe(c.x.length * c.y.length - c.u_x);
    expectP(backward.p, c.p, 'p swapped');
    expect(forward.z).toBe(backward.z);
  });

  it('handles degenerate inputs as scipy: all tied gives p = 1, an empty sample nulls', () => {
    // All equal: U1 = U2 = n1n2/2 and σ = 0; scipy's z = -0.5/0 = -∞ and p clips to 1.
    expect(mannWhitneyAsymptotic(mannWhitneyInputs([3, 3], [3, 3, 3]))).toEqual({
      u: 3,
      z: null,
      p: 1,
    });
    // U1 = U2 without ties: the continuity correction pushes 2·sf(z) above 1; clipped.
    expect(mannWhitneyAsymptotic(mannWhitneyInputs([1, 4], [2, 3])).p).toBe(1);
    expect(mannWhitneyAsymptotic(mannWhitneyInputs([], [1, 2]))).toEqual({
      u: null,
      z: null,
      p: null,
    });
  });

  it('ranks ties by their average rank', () => {
    expect(midranks([10, 20, 10, 30, 20, 10])).toEqual({
      ranks: [2, 4.5, 2, 6, 4.5, 2],
      tieTerm: 24 + 6,
    });
  });
});
