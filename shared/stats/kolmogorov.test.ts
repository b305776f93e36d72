import { describe, expect, it } from 'vitest';
import { closeTo, loadReference, expectClose } from '../../test-support/reference.ts';
import {
  kolmogorovRegime,
  kolmogorovSf,
  ksEffectiveN,
  ksPValue,
  roundHalfEven,
} from './kolmogorov.ts';

interface KsPValueCase {
  name: string;
  inputs: { d: number; n?: number; n_reference?: number; n_current?: number };
  expected: {
    p: number;
    regime: string;
    en?: number;
    n?: number;
    p_if_en_rounded_half_up_WRONG?: number;
  };
}

interface NumericDriftCase {
  name: string;
  expected: {
    reference: { n: number };
    current: { n: number };
    ks: { d: number; en: number; n: number; p: number; regime: string };
  };
}

const ksFile = loadReference<{ cases: KsPValueCase[] }>('ks_pvalue.json');
const driftFile = loadReference<{ cases: NumericDriftCase[] }>('numeric_drift.json');

describe('kolmogorovSf = scipy kstwo.sf (ks_pvalue.json, one-sample cases)', () => {
  const cases = ksFile.cases.filter((c) => c.inputs.n !== undefined);
  it('has the one-sample cases', () => expect(cases.length).toBe(32));
  for (const c of cases) {
    it(c.name, () => {
      const { d, n = NaN } = c.inputs;
      expectClose(kolmogorovSf(d, n), c.expected.p, `${c.name} p`);
      expect(kolmogorovRegime(d, n)).toBe(c.expected.regime);
    });
  }
});

describe('ksPValue = ks_2samp(method=asymp) (ks_pvalue.json, two-sample cases)', () => {
  const cases = ksFile.cases.filter((c) => c.inputs.n_reference !== undefined);
  it('has the two-sample cases', () => expect(cases.length).toBe(44));
  for (const c of cases) {
    it(c.name, () => {
      const { d, n_reference: nR = NaN, n_current: nC = NaN } = c.inputs;
      const en = ksEffectiveN(nR, nC);
      expect(en).toBe(c.expected.en);
      expect(roundHalfEven(en)).toBe(c.expected.n);
      const p = ksPValue(d, nR, nC);
      expectClose(p, c.expected.p, `${c.name} p`);
      expect(kolmogorovRegime(d, roundHalfEven(en))).toBe(c.expected.regime);
      const wrong = c.expected.p_if_en_rounded_half_up_WRONG;
      if (wrong !== undefined) {
        expect(closeTo(p, wrong), `${c.name}: p equals the half-up-rounding value`).toBe(false);
      }
    });
  }
});

describe('KS of numeric_drift.json cases', () => {
  for (const c of driftFile.cases) {
    it(c.name, () => {
      const { reference, current, ks } = c.expected;
      const en = ksEffectiveN(reference.n, current.n);
      expect(en).toBe(ks.en);
      expect(roundHalfEven(en)).toBe(ks.n);
      expectClose(ksPValue(ks.d, reference.n, current.n), ks.p, `${c.name} p`);
      expect(kolmogorovRegime(ks.d, ks.n)).toBe(ks.regime);
    });
  }
});

describe('roundHalfEven = np.round (README: KS conventions)', () => {
  it('rounds halves to even', () => {
    expect(roundHalfEven(2500.5)).toBe(2500);
    expect(roundHalfEven(2501.5)).toBe(2502);
    expect(roundHalfEven(0.5)).toBe(0);
    expect(roundHalfEven(-2.5)).toBe(-2);
  });
  it('rounds everything else to nearest', () => {
    expect(roundHalfEven(2500.4999999999995)).toBe(2500);
    expect(roundHalfEven(2500.5000000000005)).toBe(2501);
    expect(roundHalfEven(111111.11111111111)).toBe(111111);
    expect(roundHalfEven(-2.6)).toBe(-3);
  });
});
