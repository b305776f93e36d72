import { describe, expect, it } from 'vitest';
import { expectP, loadReference } from '../../test-support/reference.ts';
import { ksEffectiveN, roundHalfEven } from './kolmogorov.ts';
import { smirnov, smirnovExact } from './smirnov.ts';

/** smirnov() sums by recurrence; it must stay this close to the closed-form sum (observed 2e-14). */
const RECURRENCE_REL = 1e-12;

interface KsPValueCase {
  name: string;
  inputs: { d: number; n?: number; n_reference?: number; n_current?: number };
  expected: { p: number; regime: string };
}

const cases = loadReference<{ cases: KsPValueCase[] }>('ks_pvalue.json').cases;

/** The reference cases whose p is 2 * smirnov(n, D), with their n. */
const smirnovCases = cases
  .filter((c) => c.expected.regime.includes('2*smirnov'))
  .map((c) => {
    const { d, n, n_reference: nR = NaN, n_current: nC = NaN } = c.inputs;
    return { name: c.name, d, n: n ?? roundHalfEven(ksEffectiveN(nR, nC)), p: c.expected.p };
  });

function expectAgreement(n: number, x: number): void {
  const exact = smirnovExact(n, x);
  const fast = smirnov(n, x);
  const rel = exact === 0 ? Math.abs(fast) : Math.abs(fast - exact) / exact;
  expect(rel, `smirnov(${n}, ${x}) = ${fast}, closed form ${exact}`).toBeLessThanOrEqual(
    RECURRENCE_REL,
  );
}

describe('smirnovExact, the closed-form port, meets scipy (ks_pvalue.json)', () => {
  it('has the cases that take 2 * smirnov', () => expect(smirnovCases.length).toBe(18));
  for (const c of smirnovCases) {
    it(c.name, () => {
      expectP(Math.min(1, 2 * smirnovExact(c.n, c.d)), c.p, `${c.name} p`);
    });
  }
});

describe(`smirnov (recurrence) is within ${RECURRENCE_REL} relative of the closed form`, () => {
  for (const c of smirnovCases) {
    it(c.name, () => expectAgreement(c.n, c.d));
  }

  // n·x² from the 2·smirnov branch's lower cut-off (2.2) to where the sf underflows (~372), for n
  // from just past the small-n rules (140) to 100 000 (larger n below: each costs seconds).
  const nx2 = [2.2, 4, 9, 25, 64, 144, 250, 369];
  for (const n of [141, 1000, 5003, 25_000, 100_000]) {
    it(`n = ${n}, n·x² from 2.2 to 369 (x < 1)`, () => {
      for (const s of nx2.filter((s) => s < n)) expectAgreement(n, Math.sqrt(s / n));
      // n·x at an integer: the sums' last terms are left out (smirnov.ts, alpha = 0)
      expectAgreement(n, Math.round(Math.sqrt(9 * n)) / n);
    });
  }

  it('small n and x >= 1/2 (Miller and the exact branch)', () => {
    for (const n of [2, 3, 10, 30, 100, 140]) {
      for (const x of [0.05, 0.2, 0.45, 0.5, 0.6, 0.9]) expectAgreement(n, x);
    }
  });

  // (en = 500 000, 1M rows a side, is among the reference cases above)
  it('n = SMIRNOV_MAX_COMPUTE_N, the largest n summed', () => {
    expectAgreement(1_000_000, 0.002146);
  });

  it('is fast: the 1M-row-a-side p-value (n = 500 000) in well under a second', () => {
    const t0 = performance.now();
    smirnov(500_000, 0.003);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
