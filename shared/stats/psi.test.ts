import { describe, expect, it } from 'vitest';
import { expectClose, loadReference } from '../../test-support/reference.ts';
import { PSI_ZERO_SHARE, psi, psiBand, shares } from './psi.ts';

interface Case {
  name: string;
  expected: { psi: number; band: string; binning?: { p: number[]; q: number[] } } & {
    p?: number[];
    q?: number[];
  };
}

const numeric = loadReference<{ cases: Case[] }>('numeric_drift.json').cases;
const categorical = loadReference<{ cases: Case[] }>('categorical_drift.json').cases;

describe('psi: hand-worked', () => {
  it('sums (q - p) ln(q / p)', () => {
    expect(psi([0.5, 0.5], [0.5, 0.5])).toBe(0);
    const expected = (0.75 - 0.5) * Math.log(0.75 / 0.5) + (0.25 - 0.5) * Math.log(0.25 / 0.5);
    expect(psi([0.5, 0.5], [0.75, 0.25])).toBe(expected);
  });

  it('replaces a zero share by 1e-4 in the difference and the log, without renormalising', () => {
    const v = psi([1, 0], [0.5, 0.5]);
    const expected =
      (0.5 - 1) * Math.log(0.5 / 1) + (0.5 - PSI_ZERO_SHARE) * Math.log(0.5 / PSI_ZERO_SHARE);
    expect(v).toBe(expected);
  });

  it('bands at 0.1 and 0.2', () => {
    expect([0, 0.0999, 0.1, 0.1999, 0.2, 3].map(psiBand)).toEqual([
      'stable',
      'stable',
      'moderate',
      'moderate',
      'significant',
      'significant',
    ]);
  });

  it('shares are counts over their total; none for an empty side', () => {
    expect(shares([1, 3])).toEqual([0.25, 0.75]);
    expect(shares([0, 0])).toBeNull();
  });
});

describe('psi against the reference files', () => {
  for (const c of numeric) {
    it(`numeric ${c.name}`, () => {
      const b = c.expected.binning;
      if (!b) throw new Error('no binning');
      expectClose(psi(b.p, b.q), c.expected.psi, `${c.name} psi`);
      expect(psiBand(psi(b.p, b.q))).toBe(c.expected.band);
    });
  }
  for (const c of categorical) {
    it(`categorical ${c.name}`, () => {
      const { p, q } = c.expected;
      if (!p || !q) throw new Error('no shares');
      expectClose(psi(p, q), c.expected.psi, `${c.name} psi`);
      expect(psiBand(psi(p, q))).toBe(c.expected.band);
    });
  }
});
