import { describe, expect, it } from 'vitest';
import { loadReference, expectClose, expectP } from '../../test-support/reference.ts';
import { loadCanaryReference, readCanaryCsv } from '../../test-support/canary-reference.ts';
import { wilcoxonInputs, wilcoxonSignedRank } from './wilcoxon.ts';

interface WilcoxonCase {
  name: string;
  x: number[];
  y: number[];
  n_pairs: number;
  zero_differences: number;
  n: number;
  r_plus: number;
  r_minus: number;
  t: number;
  z: number;
  p: number;
}
const tests = loadReference<{ wilcoxon_signed_rank: WilcoxonCase[] }>('tests.json');
const canary = loadCanaryReference();

describe('wilcoxonSignedRank', () => {
  it('matches every Wilcoxon case of tests.json', () => {
    expect(tests.wilcoxon_signed_rank).toHaveLength(2);
    for (const c of tests.wilcoxon_signed_rank) {
      const inputs = wilcoxonInputs(c.x, c.y);
      expect(inputs.n, `${c.name} n`).toBe(c.n);
      expect(inputs.zeroDifferences, `${c.name} zeros`).toBe(c.zero_differences);
      const r = wilcoxonSignedRank(inputs);
      expect(r.rPlus, `${c.name} R+`).toBe(c.r_plus);
      expect(r.rMinus, `${c.name} R-`).toBe(c.r_minus);
      expect(r.t, `${c.name} T`).toBe(c.t);
      expectClose(r.z, c.z, `${c.name} z`);
      expectP(r.p, c.p, `${c.name} p`);
    }
  });

  it('matches every paired latency check of the shadow canary (d = baseline - canary)', () => {
    let checked = 0;
    for (const c of canary.cases) {
      const checks = c.expected.checks.filter((ch) => ch.test?.startsWith('Wilcoxon'));
      if (checks.length === 0) continue;
      const rows = readCanaryCsv(c.inputs.file);
      const canaryById = new Map(rows.filter((r) => r.side === 'canary').map((r) => [r.row_id, r]));
      const pairs = rows
        .filter((r) => r.side === 'baseline' && canaryById.has(r.row_id))
        .map((b) => ({ b, c: canaryById.get(b.row_id) as Record<string, string> }));
      for (const ch of checks) {
        const [column, value] = ch.segment === 'all' ? [] : ch.segment.split(' = ');
        const sel = pairs.filter((p) => column === undefined || p.b[column] === value);
        const inputs = wilcoxonInputs(
          sel.map((p) => Number(p.b.latency_ms)),
          sel.map((p) => Number(p.c.latency_ms)),
        );
        const r = wilcoxonSignedRank(inputs);
        const what = `${c.name} ${ch.segment}`;
        expect(inputs.n, `${what} n`).toBe(ch.wilcoxon?.n);
        expect(inputs.zeroDifferences, `${what} zeros`).toBe(ch.wilcoxon?.zero_differences);
        expect(r.rPlus, `${what} R+`).toBe(ch.wilcoxon?.r_plus);
        expect(r.t, `${what} T`).toBe(ch.statistic);
        expectClose(r.z, ch.wilcoxon?.z ?? null, `${what} z`);
        expectP(r.p, ch.p, `${what} p`);
        checked++;
      }
    }
    expect(checked).toBe(7);
  });

  it('works the hand_12_pairs case by hand', () => {
    // d = x - y = -0.5, 1, 0, 2, -1, 0.5, 1, 1, -3, 2, -2, 2; the zero is dropped: n = 11.
    // |d| groups: 0.5 ×2, 1 ×4, 2 ×4, 3 ×1 → midranks 1.5, 4.5, 8.5, 11 (the note in tests.json
    // counts three 1s and three 2s; there are four of each, and its numbers agree with four).
    // R+ = 3·4.5 + 3·8.5 + 1.5 = 40.5, R- = 66 - 40.5 = 25.5 = T.
    // tie term 6 + 60 + 60 = 126; σ² = 11·12·23/24 - 126/48 = 123.875; z = (25.5 - 33)/√123.875.
    const inputs = wilcoxonInputs(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      [1.5, 1, 3, 2, 6, 5.5, 6, 7, 12, 8, 13, 10],
    );
    expect(inputs).toEqual({ n: 11, rankSumPositive: 40.5, tieTerm: 126, zeroDifferences: 1 });
    const r = wilcoxonSignedRank(inputs);
    expect(r.t).toBe(25.5);
    expectClose(r.z, -7.5 / Math.sqrt(123.875), 'z');
    expectP(r.p, 0.5004005693561574, 'p');
  });

  it('has nothing to test when every difference is zero', () => {
    const inputs = wilcoxonInputs([5, 7], [5, 7]);
    expect(inputs).toEqual({ n: 0, rankSumPositive: 0, tieTerm: 0, zeroDifferences: 2 });
    expect(wilcoxonSignedRank(inputs)).toEqual({
      rPlus: null,
      rMinus: null,
      t: null,
      z: null,
      p: null,
    });
    expect(() => wilcoxonInputs([1], [1, 2])).toThrow(RangeError);
  });
});
