// The KS p-value of STATS.md "Numeric drift (KS)": scipy.stats.ks_2samp(method='asymp') =
// kstwo.sf(D, round(en)), the two-sided one-sample Kolmogorov distribution computed as Simard &
// L'Ecuyer (2011) prescribe and scipy 1.10 implements (_kolmogn in scipy/stats/_ksstats.py).
//
// The branch rules are ported with the same double operations (t = n*x, nx^2 = t*x, n*x^1.5):
// the methods differ in the 8th digit near their boundaries (Pelz-Good is an approximation), so
// a D one ulp either side of a boundary must take the same branch as scipy.

import { durbinCdf, pomeranzCdf } from './kolmogorov-exact.ts';
import { pelzGoodCdf } from './kolmogorov-pelz-good.ts';
import { mulD } from './smirnov-double-double.ts';
import { smirnov } from './smirnov.ts';

/** The branches of _kolmogn(n, x, cdf=False), named as the reference's `regime` strings. */
const REGIMES = {
  xAtLeastOne: 'x>=1 (sf 0)',
  xAtMostZero: 'x<=0 (sf 1)',
  tAtMostHalf: 't=nx<=0.5 (sf 1)',
  rubenGambinoLowProduct: 'Ruben-Gambino low end, 0.5<nx<=1 (product)',
  rubenGambinoLowLog: 'Ruben-Gambino low end, 0.5<nx<=1 (log n!/n^n)',
  rubenGambinoHigh: 'Ruben-Gambino high end, nx>=n-1',
  xAtLeastHalf: 'x>=0.5: exact 2*smirnov(n,x)',
  smallDurbin: 'n<=140, nx^2<=0.754693: Durbin matrix (MTW)',
  smallPomeranz: 'n<=140, nx^2<=4: Pomeranz',
  smallMiller: 'n<=140, nx^2>4: Miller 2*smirnov(n,x)',
  largeZero: 'n>140, nx^2>=370 (sf 0)',
  largeSmirnov: 'n>140, nx^2>=2.2: 2*smirnov(n,x)',
  largeDurbin: 'n>140, nx^2<2.2, n<=100000 and n*x^1.5<=1.4: 1 - Durbin matrix (MTW)',
  largePelzGood: 'n>140, nx^2<2.2: 1 - Pelz-Good',
} as const;

type Branch = keyof typeof REGIMES;

/** Returned by kolmogorovRegime when D is NaN or n is not a positive integer. */
const INVALID_REGIME = 'invalid input (sf NaN)';

const LOG_2PI = Math.log(2 * Math.PI);
/** B_2j / (2j (2j - 1)) for j = 8..1: Stirling's series (scipy's _STIRLING_COEFFS). */
const STIRLING_COEFFS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

function clip01(p: number): number {
  return Math.min(Math.max(p, 0), 1);
}

function isValidN(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}

/**
 * x^1.5 correctly rounded, as C's pow(x, 1.5) gives it (glibc's pow is correctly rounded but for
 * rare hard cases): x * sqrt(x) with the rounding errors of sqrt and of the product carried in
 * double-double. Math.pow may be an ulp off, which would move the n*x^1.5 <= 1.4 boundary.
 */
function pow1p5(x: number): number {
  const s = Math.sqrt(x);
  const sq = mulD(s, s);
  const sqrtErr = (x - sq.hi - sq.lo) / (2 * s); // sqrt(x) = s + sqrtErr to ~1e-32 relative
  const p = mulD(x, s);
  return p.hi + (p.lo + x * sqrtErr);
}

/** Which branch of scipy's _kolmogn(n, x, cdf=False) computes the survival function. */
function branchOf(n: number, x: number): Branch {
  if (x >= 1.0) return 'xAtLeastOne';
  if (x <= 0.0) return 'xAtMostZero';
  const t = n * x;
  if (t <= 1.0) {
    if (t <= 0.5) return 'tAtMostHalf';
    return n <= 140 ? 'rubenGambinoLowProduct' : 'rubenGambinoLowLog';
  }
  if (t >= n - 1) return 'rubenGambinoHigh';
  if (x >= 0.5) return 'xAtLeastHalf';
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return 'smallDurbin';
    if (nxsquared <= 4) return 'smallPomeranz';
    return 'smallMiller';
  }
  // the sf has its own cut-offs; the cdf-only one (nx^2 >= 18 gives cdf 1) is never reached
  if (nxsquared >= 370.0) return 'largeZero';
  if (nxsquared >= 2.2) return 'largeSmirnov';
  if (n <= 100000 && n * pow1p5(x) <= 1.4) return 'largeDurbin';
  return 'largePelzGood';
}

/** log(n!/n^n) by Stirling's series with n log n removed up front (no cancellation). */
function logNFactorialOverNPowN(n: number): number {
  const rn = 1.0 / n;
  let poly = 0; // np.polyval: Horner from the highest power
  for (const c of STIRLING_COEFFS) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/** Ruben-Gambino for 1/2n < x <= 1/n: P(D_n <= x) = n!/n^n (2nx - 1)^n. */
function rubenGambinoLowCdf(n: number, t: number): number {
  if (n <= 140) {
    let prob = 1; // np.prod of i * (1/n) * (2t - 1), in order
    for (let i = 1; i <= n; i += 1) prob *= i * (1.0 / n) * (2 * t - 1);
    return prob;
  }
  return Math.exp(logNFactorialOverNPowN(n) + n * Math.log(2 * t - 1));
}

/** _kolmogn(n, x, cdf=False) for a valid n: the branch's method, then clipped to [0, 1]. */
function kolmogn(n: number, x: number): number {
  const branch = branchOf(n, x);
  switch (branch) {
    case 'xAtLeastOne':
    case 'largeZero':
      return 0.0;
    case 'xAtMostZero':
    case 'tAtMostHalf':
      return 1.0;
    case 'rubenGambinoLowProduct':
    case 'rubenGambinoLowLog':
      return clip01(1.0 - rubenGambinoLowCdf(n, n * x));
    case 'rubenGambinoHigh':
      return clip01(2 * Math.pow(1.0 - x, n)); // P(D_n >= x) = 2 (1 - x)^n for x >= 1 - 1/n
    case 'xAtLeastHalf':
    case 'smallMiller':
    case 'largeSmirnov':
      // D+ >= x and D- >= x together are impossible for x >= 1/2 and negligible in Miller's range
      return clip01(2 * smirnov(n, x));
    case 'smallDurbin':
    case 'largeDurbin':
      return clip01(1.0 - durbinCdf(n, x));
    case 'smallPomeranz':
      return clip01(1.0 - pomeranzCdf(n, x));
    case 'largePelzGood':
      return clip01(1.0 - pelzGoodCdf(n, x));
  }
}

/** kstwo.sf(d, n), clipped to [0, 1] (STATS.md "Numeric drift (KS)"). */
export function kolmogorovSf(d: number, n: number): number {
  if (Number.isNaN(d) || !isValidN(n)) return NaN;
  // kstwo's support is [1/2n, 1]: scipy answers outside it before calling _kolmogn
  if (d <= 0.5 / n) return 1.0;
  if (d >= 1.0) return 0.0;
  return clip01(kolmogn(n, d));
}

/** The branch of scipy's _kolmogn that kolmogorovSf(d, n) takes (STATS.md "Numeric drift (KS)"). */
export function kolmogorovRegime(d: number, n: number): string {
  if (Number.isNaN(d) || !isValidN(n)) return INVALID_REGIME;
  return REGIMES[branchOf(n, d)];
}

/** KS en = nR nC / (nR + nC), larger size first, as ks_2samp (STATS.md "Numeric drift (KS)"). */
export function ksEffectiveN(nR: number, nC: number): number {
  const m = Math.max(nR, nC);
  const n = Math.min(nR, nC);
  return (m * n) / (m + n);
}

/** np.round: nearest integer, halves to even (2500.5 -> 2500) (STATS.md "Numeric drift (KS)"). */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const frac = x - f; // exact for every double
  if (frac < 0.5) return f;
  if (frac > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** KS p = ks_2samp(method='asymp') = kstwo.sf(d, round(en)) (STATS.md "Numeric drift (KS)"). */
export function ksPValue(d: number, nR: number, nC: number): number {
  return kolmogorovSf(d, roundHalfEven(ksEffectiveN(nR, nC)));
}
