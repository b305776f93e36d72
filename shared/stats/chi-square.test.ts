import { describe, expect, it } from 'vitest';
import { expectClose, expectP, loadReference } from '../../test-support/reference.ts';
import { chiSquareHomogeneity } from './chi-square.ts';

interface Case {
  name: string;
  expected: {
    reference_counts: number[];
    current_counts: number[];
    chi2: { stat: number; dof: number; p: number };
  };
}

const { cases } = loadReference<{ cases: Case[] }>('categorical_drift.json');

describe('chiSquareHomogeneity: hand-worked', () => {
  it('2 x 2 without Yates: [[90, 10], [60, 40]] gives 24 on 1 dof', () => {
    // expected counts 75/25 per row: (15² / 75 + 15² / 25) · 2 = 24
    const t = chiSquareHomogeneity([10, 90], [40, 60]);
    expect(t?.dof).toBe(1);
    expectClose(t?.stat ?? null, 24, 'stat');
  });

  it('one category: nothing to test (p 1); an empty row: no test', () => {
    expect(chiSquareHomogeneity([5], [7])).toEqual({ stat: 0, dof: 0, p: 1 });
    expect(chiSquareHomogeneity([0, 0], [3, 4])).toBeNull();
  });
});

describe('chiSquareHomogeneity against categorical_drift.json (chi2_contingency)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const t = chiSquareHomogeneity(c.expected.reference_counts, c.expected.current_counts);
      expect(t?.dof).toBe(c.expected.chi2.dof);
      expectClose(t?.stat ?? null, c.expected.chi2.stat, `${c.name} stat`);
      expectP(t?.p ?? null, c.expected.chi2.p, `${c.name} p`);
    });
  }
});
