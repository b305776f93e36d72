import { describe, expect, it } from 'vitest';
import { loadReference, expectClose, expectP } from '../../test-support/reference.ts';
import { loadCanaryReference } from '../../test-support/canary-reference.ts';
import { twoProportionZTest } from './z-test.ts';

interface ZCase {
  group1: { k: number; n: number };
  group2: { k: number; n: number };
  delta: number;
  z: number | null;
  p: number | null;
  p_chi2_contingency_2x2_check: number | null;
}
const tests = loadReference<{ two_proportion_z: ZCase[] }>('tests.json');
const canary = loadCanaryReference();

describe('twoProportionZTest', () => {
  it('matches every two-proportion case of tests.json', () => {
    expect(tests.two_proportion_z).toHaveLength(7);
    for (const c of tests.two_proportion_z) {
      const r = twoProportionZTest(c.group1.k, c.group1.n, c.group2.k, c.group2.n);
      const what = `${c.group1.k}/${c.group1.n} vs ${c.group2.k}/${c.group2.n}`;
      expectClose(r.delta, c.delta, `${what} delta`);
      expectClose(r.z, c.z, `${what} z`);
      expectP(r.p, c.p, `${what} p`);
      // scipy's chi2_contingency on the 2x2 table is the same test (χ² = z²) by another route.
      expectP(r.p, c.p_chi2_contingency_2x2_check, `${what} p vs chi2_contingency`);
    }
  });

  it('matches every pooled z check of canary_verdict.json (group 1 = baseline)', () => {
    let checked = 0;
    let undefinedZ = 0;
    for (const c of canary.cases) {
      for (const ch of c.expected.checks) {
        if (ch.test !== 'two-proportion z (pooled)') continue;
        const [kb, nb] = ch.counts?.baseline ?? [];
        const [kc, nc] = ch.counts?.canary ?? [];
        if (kb === undefined || nb === undefined || kc === undefined || nc === undefined) {
          throw new Error(`${c.name} ${ch.segment} ${ch.metric}: no counts`);
        }
        const r = twoProportionZTest(kb, nb, kc, nc);
        const what = `${c.name} ${ch.segment} ${ch.metric}`;
        expectClose(r.delta, ch.delta, `${what} delta`);
        expectClose(r.z, ch.statistic, `${what} z`);
        expectP(r.p, ch.p, `${what} p`);
        checked++;
        if (ch.statistic === null) undefinedZ++;
      }
    }
    expect(checked).toBe(107);
    expect(undefinedZ).toBe(5); // 100% success rate on both sides of a segment
  });

  it('works a hand case: 45/100 vs 30/100', () => {
    // pooled 75/200 = 0.375; se = sqrt(0.375·0.625·(2/100)) = sqrt(0.0046875) = 0.0684653...;
    // z = -0.15/0.0684653 = -2.19089 = -sqrt(4.8); p = 2·Φ(-2.19089) = 0.02846.
    const r = twoProportionZTest(45, 100, 30, 100);
    expectClose(r.z, -Math.sqrt(4.8), 'z');
    expectP(r.p, 0.02845973691631055, 'p');
  });

  it('has no z or p when the pooled proportion is 0 or 1, nor a delta for an empty group', () => {
    expect(twoProportionZTest(0, 30, 0, 30)).toEqual({ delta: 0, z: null, p: null });
    expect(twoProportionZTest(30, 30, 12, 12)).toEqual({ delta: 0, z: null, p: null });
    expect(twoProportionZTest(0, 0, 3, 10)).toEqual({ delta: null, z: null, p: null });
    expect(() => twoProportionZTest(11, 10, 3, 10)).toThrow(RangeError);
  });
});
