import { describe, expect, it } from 'vitest';
import { loadReference, expectClose } from '../../test-support/reference.ts';
import {
  chiSquareSf,
  erfc,
  gammaQ,
  normalCdf,
  normalSf,
  normalTwoSidedP,
} from './distributions.ts';

interface CategoricalRef {
  cases: { name: string; expected: { chi2: { stat: number; dof: number; p: number } } }[];
}

/** Purely relative: the README's 1e-12 absolute floor would accept any p below 1e-3. */
function expectRelative(actual: number | null, expected: number, what: string, rel = 1e-9): void {
  const ok = actual !== null && Math.abs(actual - expected) <= rel * Math.abs(expected);
  expect(ok, `${what}: got ${actual}, expected ${expected} within ${rel} relative`).toBe(true);
}

const categorical = loadReference<CategoricalRef>('categorical_drift.json');

describe('chiSquareSf', () => {
  it('gives the chi-square p of every categorical_drift.json case from its stat and dof', () => {
    expect(categorical.cases).toHaveLength(5);
    for (const c of categorical.cases) {
      const { stat, dof, p } = c.expected.chi2;
      expectClose(chiSquareSf(stat, dof), p, `${c.name} (stat ${stat}, dof ${dof})`);
      expectRelative(chiSquareSf(stat, dof), p, `${c.name} relative`);
    }
  });

  it('covers both paths: dof 1 in closed form and dof 4, 99 by the incomplete gamma', () => {
    const dofs = categorical.cases.map((c) => c.expected.chi2.dof).sort((a, b) => a - b);
    expect(dofs).toEqual([1, 1, 4, 4, 99]);
  });

  it('has p = 1 at 0, and no answer for a non-positive dof', () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(5, 0)).toBeNull();
    expect(chiSquareSf(Number.NaN, 2)).toBeNull();
    expect(chiSquareSf(Infinity, 5)).toBe(0);
  });
});

// Independent values: mpmath 1.3.0 at 50 digits (erfc, gammainc(..., regularized=True)) at the
// exact double arguments, rounded to double. (Q(2, 49.338.../2) is the new_and_vanished chi-square
// p; scipy's 4.963305597208042e-10 is 1e-15 off it.) Checked at 1e-14 relative, far tighter than
// the reference tolerance: p-values this small still go through Benjamini-Hochberg and are shown.
const TIGHT = 1e-14;

describe('normalSf', () => {
  it('keeps its relative accuracy far into the tail', () => {
    const cases: [number, number][] = [
      [0, 0.5],
      [1, 0.15865525393145705],
      [1.959963984540054, 0.025000000000000015],
      [5, 2.866515718791939e-7],
      [10, 7.619853024160525e-24],
      [20, 2.7536241186062337e-89],
      [37.5, 4.605353009581955e-308],
      [-3, 0.9986501019683699],
      [0.5, 0.3085375387259869],
      [0.7, 0.24196365222307303],
      [1.3, 0.09680048458561033],
      [2.2, 0.013903447513498604],
      [3.3, 0.0004834241423837775],
      [4.7, 1.300807453917281e-6],
      [5.9, 1.8175078630994284e-9],
      [8.3, 5.205569744890254e-17],
      [13.37, 4.527042512134821e-41],
      // the shadow canary's Wilcoxon z: its p (twice this) is 1.87e-122
      [23.53299940841923, 9.372651565727782e-123],
      [30.123, 1.2111162284970148e-199],
      [35.71, 1.3827012228392973e-279],
    ];
    for (const [z, e] of cases) expectRelative(normalSf(z), e, `sf(${z})`, TIGHT);
  });

  it('is exactly 1/2 at 0, a CDF mirror, and 0 or 1 beyond the double range', () => {
    expect(normalSf(0)).toBe(0.5);
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalCdf(-1)).toBe(normalSf(1));
    expect(normalSf(50)).toBe(0);
    expect(normalSf(-Infinity)).toBe(1);
    expect(normalSf(Infinity)).toBe(0);
    expect(() => normalSf(Number.NaN)).toThrow(RangeError);
  });

  it('gives the two-sided p of the reference z-tests', () => {
    // tests.json two_proportion_z, first case: z = -2.1908902300206647, p = 0.02845973691631055.
    expectRelative(normalTwoSidedP(-2.1908902300206647), 0.02845973691631055, 'p');
  });
});

describe('erfc', () => {
  it('matches mpmath', () => {
    const cases: [number, number][] = [
      [0.3, 0.6713732405408726],
      [1, 0.15729920705028513],
      [3, 2.209049699858544e-5],
      [10, 2.088487583762545e-45],
      [26, 5.663192408856143e-296],
      [0.2, 0.7772974107895215],
      [0.6, 0.3961439091520741],
      [1.7, 0.01620954140922544],
      [2.9, 4.109787809945886e-5],
      [3.95, 2.3216732236649275e-8],
      [4.4, 4.891710270605872e-10],
      [7.77, 4.343717238924727e-28],
      [19.9, 2.9313494281519416e-174],
    ];
    for (const [x, e] of cases) expectRelative(erfc(x), e, `erfc(${x})`, TIGHT);
    expectRelative(erfc(-1), 2 - 0.15729920705028513, 'erfc(-1)', TIGHT);
  });
});

describe('gammaQ', () => {
  it('matches mpmath across the series, the continued fraction and large a', () => {
    const cases: [number, number, number][] = [
      [0.5, 0.2, 0.5270892568655381],
      [2, 24.669065552017276, 4.963305597208037e-10],
      [49.5, 66.7446608946609, 0.011931962025092224],
      [100, 100, 0.48670120172085135],
      [1000, 1100, 0.0010593232539299773],
      [7.5, 720, 4.096702560528396e-298],
    ];
    for (const [a, x, e] of cases) expectRelative(gammaQ(a, x), e, `Q(${a}, ${x})`, TIGHT);
  });

  it('gives chi-square tails in closed form and by the general path', () => {
    expectRelative(chiSquareSf(1200, 1), 6.0995688148084334e-263, 'dof 1', TIGHT);
    expectRelative(chiSquareSf(3, 2), 0.22313016014842982, 'dof 2', TIGHT);
    expectRelative(chiSquareSf(500, 10), 4.414736099913731e-101, 'dof 10', TIGHT);
    expectRelative(chiSquareSf(0.01, 3), 0.9997348349413444, 'dof 3', TIGHT);
  });
});
