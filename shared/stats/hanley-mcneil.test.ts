import { describe, expect, it } from 'vitest';
import { loadReference, expectClose, expectP } from '../../test-support/reference.ts';
import { loadCanaryReference } from '../../test-support/canary-reference.ts';
import { aucDifferenceTest, hanleyMcNeilSe2 } from './hanley-mcneil.ts';

interface AucSide {
  auc: number;
  n1_positives: number;
  n0_negatives: number;
}
interface HmCase {
  baseline: AucSide;
  canary: AucSide;
  expected: {
    se2_baseline: number;
    se2_baseline_exact: string;
    se_baseline: number;
    se2_canary: number;
    se2_canary_exact: string;
    se_canary: number;
    z: number;
    p: number;
  };
}
/** "124/5625" → 124/5625 as a double (the reference's exact fraction). */
function fraction(text: string): number {
  const [num, den] = text.split('/').map(Number);
  if (num === undefined || den === undefined) throw new Error(`not a fraction: ${text}`);
  return num / den;
}

const tests = loadReference<{ hanley_mcneil: HmCase[] }>('tests.json');
const canary = loadCanaryReference();

describe('Hanley-McNeil', () => {
  it('matches every Hanley-McNeil case of tests.json (SE², SE, z, p)', () => {
    expect(tests.hanley_mcneil).toHaveLength(3);
    for (const [i, c] of tests.hanley_mcneil.entries()) {
      const b = {
        auc: c.baseline.auc,
        nPositives: c.baseline.n1_positives,
        nNegatives: c.baseline.n0_negatives,
      };
      const k = {
        auc: c.canary.auc,
        nPositives: c.canary.n1_positives,
        nNegatives: c.canary.n0_negatives,
      };
      const e = c.expected;
      expectClose(
        hanleyMcNeilSe2(b.auc, b.nPositives, b.nNegatives),
        e.se2_baseline,
        `case ${i} SE²_b`,
      );
      expectClose(
        hanleyMcNeilSe2(k.auc, k.nPositives, k.nNegatives),
        e.se2_canary,
        `case ${i} SE²_c`,
      );
      expectClose(
        hanleyMcNeilSe2(b.auc, b.nPositives, b.nNegatives),
        fraction(e.se2_baseline_exact),
        `case ${i} exact b`,
      );
      expectClose(
        hanleyMcNeilSe2(k.auc, k.nPositives, k.nNegatives),
        fraction(e.se2_canary_exact),
        `case ${i} exact c`,
      );
      const r = aucDifferenceTest(b, k);
      expectClose(r.seBaseline, e.se_baseline, `case ${i} SE_b`);
      expectClose(r.seCanary, e.se_canary, `case ${i} SE_c`);
      expectClose(r.z, e.z, `case ${i} z`);
      expectP(r.p, e.p, `case ${i} p`);
    }
  });

  it('matches every AUC check of canary_verdict.json', () => {
    let checked = 0;
    for (const c of canary.cases) {
      for (const ch of c.expected.checks) {
        if (ch.test !== 'Hanley-McNeil z') continue;
        const [n1b, n0b] = ch.counts?.baseline ?? [];
        const [n1c, n0c] = ch.counts?.canary ?? [];
        if (n1b === undefined || n0b === undefined || n1c === undefined || n0c === undefined) {
          throw new Error(`${c.name} ${ch.segment}: no counts`);
        }
        const r = aucDifferenceTest(
          { auc: ch.baseline, nPositives: n1b, nNegatives: n0b },
          { auc: ch.canary, nPositives: n1c, nNegatives: n0c },
        );
        const what = `${c.name} ${ch.segment}`;
        expectClose(r.delta, ch.delta, `${what} delta`);
        expectClose(r.seBaseline, ch.se?.baseline ?? null, `${what} SE_b`);
        expectClose(r.seCanary, ch.se?.canary ?? null, `${what} SE_c`);
        expectClose(r.z, ch.statistic, `${what} z`);
        expectP(r.p, ch.p, `${what} p`);
        checked++;
      }
    }
    expect(checked).toBe(32);
  });

  it('works the hand case A = 0.8, 5 positives, 5 negatives', () => {
    // A(1-A) = 4/25 = 36/225; Q1 = 0.8/1.2 = 2/3, Q1 - A² = 2/3 - 16/25 = 2/75 = 6/225;
    // Q2 = 1.28/1.8 = 32/45, Q2 - A² = 32/45 - 16/25 = 16/225.
    // SE² = (36 + 4·6 + 4·16)/225 / 25 = 124/5625, the reference's exact fraction.
    expectClose(hanleyMcNeilSe2(0.8, 5, 5), 124 / 5625, 'SE²');
  });

  it('has no z when neither AUC has spread, and no test when an AUC is undefined', () => {
    const perfect = { auc: 1, nPositives: 10, nNegatives: 20 };
    expect(aucDifferenceTest(perfect, perfect)).toEqual({
      delta: 0,
      seBaseline: 0,
      seCanary: 0,
      z: null,
      p: null,
    });
    expect(aucDifferenceTest({ auc: null, nPositives: 0, nNegatives: 9 }, perfect).p).toBeNull();
    expect(() => hanleyMcNeilSe2(1.2, 3, 3)).toThrow(RangeError);
  });
});
