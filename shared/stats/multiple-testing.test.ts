import { describe, expect, it } from 'vitest';
import { loadReference, expectP } from '../../test-support/reference.ts';
import { loadCanaryReference } from '../../test-support/canary-reference.ts';
import { benjaminiHochberg, isSignificant } from './multiple-testing.ts';

interface BhCase {
  name: string;
  inputs: { p: (number | null)[] };
  expected: {
    m: number;
    q: (number | null)[];
    significant: (boolean | null)[];
    cross_check?: { q: (number | null)[]; bit_identical: boolean };
  };
}
const reference = loadReference<{ cases: BhCase[] }>('multiple_testing.json');
const canary = loadCanaryReference();

describe('benjaminiHochberg', () => {
  it('matches every case of multiple_testing.json: q, m and significant', () => {
    expect(reference.cases).toHaveLength(10);
    for (const c of reference.cases) {
      const q = benjaminiHochberg(c.inputs.p);
      expect(q, `${c.name} length`).toHaveLength(c.expected.q.length);
      expect(
        q.filter((v) => v !== null),
        `${c.name} m`,
      ).toHaveLength(c.expected.m);
      c.expected.q.forEach((e, i) => expectP(q[i] ?? null, e, `${c.name} q[${i}]`));
      expect(q.map(isSignificant), `${c.name} significant`).toEqual(c.expected.significant);
    }
  });

  it('computes (p·m)/j to the bit where statsmodels p/(j/m) differs (ties case)', () => {
    const ties = reference.cases.find((c) => c.name === 'ties');
    expect(ties?.expected.cross_check?.bit_identical).toBe(false);
    // 0.2·6/6 = 0.20000000000000004 in double, where p/(j/m) gives 0.2.
    expect(benjaminiHochberg(ties?.inputs.p ?? [])).toEqual(ties?.expected.q);
  });

  it('reproduces the q of every canary comparison (m = the tested, scored checks)', () => {
    let tables = 0;
    for (const c of canary.cases) {
      // canary_verdict.json rules: too-small segments, null p and ceilings are left out of m.
      const tested = c.expected.checks.filter(
        (ch) =>
          !ch.too_small && ch.p !== null && ch.degradation !== undefined && ch.degradation !== null,
      );
      const q = benjaminiHochberg(tested.map((ch) => ch.p));
      tested.forEach((ch, i) =>
        expectP(q[i] ?? null, ch.q, `${c.name} ${ch.segment} ${ch.metric}`),
      );
      const untested = c.expected.checks.filter((ch) => !tested.includes(ch));
      expect(
        untested.every((ch) => ch.q === null),
        `${c.name}: q only on tested checks`,
      ).toBe(true);
      tables++;
    }
    expect(tables).toBe(5);
  });

  it('works the hand case: 0.01, 0.04, 0.03, 0.005', () => {
    // sorted 0.005, 0.01, 0.03, 0.04; ·4/j = 0.02, 0.02, 0.04, 0.04; already non-decreasing.
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005])).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('rejects p-values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.5, Number.NaN])).toThrow(RangeError);
    expect(() => benjaminiHochberg([1.5])).toThrow(RangeError);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('isSignificant', () => {
  it('means q < 0.05 strictly, with no verdict for a row without a test', () => {
    expect(isSignificant(0.05)).toBe(false);
    expect(isSignificant(0.049999999999999996)).toBe(true);
    expect(isSignificant(null)).toBeNull();
  });
});
