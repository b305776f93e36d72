import { describe, expect, it } from 'vitest';
import { loadReference, expectClose, expectP } from '../../test-support/reference.ts';
import { loadCanaryReference, type McNemarTable } from '../../test-support/canary-reference.ts';
import { mcnemar } from './mcnemar.ts';

interface McNemarCase {
  table: McNemarTable;
  statistic: number | null;
  p: number | null;
  statsmodels_mcnemar_exact_False_correction_False: { statistic: number; pvalue: number } | null;
}
const tests = loadReference<{ mcnemar: McNemarCase[] }>('tests.json');
const canary = loadCanaryReference();

describe('mcnemar', () => {
  it('matches every McNemar case of tests.json and its statsmodels cross-check', () => {
    expect(tests.mcnemar).toHaveLength(5);
    for (const c of tests.mcnemar) {
      const { baseline_only_correct: b, canary_only_correct: k } = c.table;
      const r = mcnemar(b, k);
      expectClose(r.statistic, c.statistic, `b=${b} c=${k} statistic`);
      expectP(r.p, c.p, `b=${b} c=${k} p`);
      const sm = c.statsmodels_mcnemar_exact_False_correction_False;
      expectP(r.p, sm?.pvalue ?? null, `b=${b} c=${k} statsmodels p`);
    }
  });

  it('matches every paired check of the shadow canary', () => {
    let checked = 0;
    let undefinedCount = 0;
    for (const c of canary.cases) {
      for (const ch of c.expected.checks) {
        if (ch.test !== 'McNemar (no continuity correction)') continue;
        const t = ch.mcnemar_table;
        if (t === undefined) throw new Error(`${c.name} ${ch.segment}: no table`);
        const r = mcnemar(t.baseline_only_correct, t.canary_only_correct);
        expectClose(r.statistic, ch.statistic, `${ch.segment} ${ch.metric} statistic`);
        expectP(r.p, ch.p, `${ch.segment} ${ch.metric} p`);
        checked++;
        if (ch.p === null) undefinedCount++;
      }
    }
    expect(checked).toBe(21);
    expect(undefinedCount).toBe(5); // no discordant pair in the segment
  });

  it('works a hand case: b = 15, c = 5', () => {
    // (15 - 5)²/20 = 5; P(χ²₁ > 5) = erfc(√2.5) = 2·P(Z > √5) = 0.0253473...
    const r = mcnemar(15, 5);
    expect(r.statistic).toBe(5);
    expectP(r.p, 0.025347318677468325, 'p');
  });

  it('is symmetric and undefined without discordant pairs', () => {
    expect(mcnemar(30, 12)).toEqual(mcnemar(12, 30));
    expect(mcnemar(0, 0)).toEqual({ statistic: null, p: null });
    expect(mcnemar(7, 7)).toEqual({ statistic: 0, p: 1 });
    expect(() => mcnemar(-1, 3)).toThrow(RangeError);
  });
});
