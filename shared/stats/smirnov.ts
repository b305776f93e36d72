// One-sided Smirnov survival function, a port of scipy.special.smirnov (scipy 1.10,
// scipy/special/cephes/kolmogorov.c, van Mulbregt 2018). STATS.md "Numeric drift (KS)" takes the
// two-sided KS p as 2 * smirnov(n, D) for large D, so it must match scipy to ~1e-9 relative.
//
//   P(D+_n >= x) = x * sum_{v=0}^{floor(n(1-x))} C(n,v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v)
//
// (Birnbaum & Tingey 1951), summed in double-double with the binomial kept as mantissa and
// exponent, since C(n, v) overflows a double long before n = 10^6.

import {
  type DD,
  DD_ONE,
  DD_ZERO,
  addD,
  addDD,
  addDd,
  divD,
  divDD,
  divDd,
  floorDD,
  frexpDD,
  invDD,
  ldexp,
  ldexpDD,
  mulD,
  mulDD,
  mulDdD,
  subDD,
  subDd,
} from './smirnov-double-double.ts';

/** n above this uses the approximation sf ~ exp(-(6nx+1)^2 / 18n) (SMIRNOV_MAX_COMPUTE_N). */
const SMIRNOV_MAX_COMPUTE_N = 1000000;
/** The upper (alternating) sum is used only when it has at most this many terms, n >= 10. */
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
/** cephes MINLOG = log(2^-1075): exp() of anything below underflows to 0. */
const MINLOG = -745.1332191019412;
/** Keeps both words of a scaled double-double normal (2^-960 > 2^(-1023+52)). */
const MAX_EXPONENT = 960;
const DBL_EPSILON = 2.220446049250313e-16;

/** A double-double mantissa with a separate binary exponent, for values beyond double range. */
interface Scaled {
  m: DD;
  e: number;
}

/** Splits n*x exactly into floor(n*x) and the remainder alpha in [0, 1) (modNX). */
function modNX(n: number, x: number): { nxFloor: number; alpha: number } {
  const nxD = mulD(n, x);
  const nxFloorD = floorDD(nxD);
  const alpha = subDD(nxD, nxFloorD).hi;
  const nxFloor = Math.trunc(nxFloorD.hi);
  // a remainder that rounds to 1 means n*x sits just below an integer: round up
  return alpha === 1 ? { nxFloor: nxFloor + 1, alpha: 0 } : { nxFloor, alpha };
}

/** a^m for integer m: pow() on the high word, corrected for the low word to first order. */
function powD(a: DD, m: number): DD {
  if (m <= 0) return m === 0 ? DD_ONE : invDD(powD(a, -m));
  if (a.hi === 0) return DD_ZERO;
  const ans = Math.pow(a.hi, m);
  const r = a.lo / a.hi;
  let adj = m * r;
  if (Math.abs(adj) > 1e-8) {
    // (1 + r)^m - 1: two Taylor terms when small, else exactly via expm1/log1p
    adj =
      Math.abs(adj) < 1e-4 ? adj + m * r * (((m - 1) / 2.0) * r) : Math.expm1(m * Math.log1p(r));
  }
  return addD(ans, ans * adj);
}

/** (a + b)^m, both words added exactly first (pow2 in cephes). */
function powSum(a: number, b: number, m: number): number {
  return powD(addD(a, b), m).hi;
}

/** ((a + b) / (c + d))^m in double-double (pow4_D). */
function pow4D(a: number, b: number, c: number, d: number, m: number): DD {
  if (m <= 0) return m === 0 ? DD_ONE : pow4D(c, d, a, b, -m);
  const num = addD(a, b);
  const den = addD(c, d);
  if (num.hi === 0) return den.hi === 0 ? { hi: NaN, lo: NaN } : DD_ZERO;
  if (den.hi === 0) return num.hi < 0 ? { hi: -Infinity, lo: 0 } : { hi: Infinity, lo: 0 };
  return powD(divDD(num, den), m);
}

/** cephes nextPowerOf2 (despite the name: x nudged up by one ulp, an integer kept integral). */
function nextPowerOf2(x: number): number {
  const q = ldexp(x, 1 - 53);
  const l = Math.abs(q + x);
  if (l === 0) return Math.abs(x);
  const lInt = Math.trunc(l);
  return lInt === l ? lInt : l;
}

/** a^m as mantissa and exponent, split into chunks so no partial power underflows. */
function pow2Scaled(a: DD, m: number): Scaled {
  if (m <= 0) {
    if (m === 0) return { m: DD_ONE, e: 0 };
    const inv = pow2Scaled(a, -m);
    const r = frexpDD(invDD(inv.m));
    return { m: r.m, e: -inv.e + r.e };
  }
  const { m: y, e: yE } = frexpDD(a);
  if (m === 1) return { m: y, e: yE };
  let maxExpt = MAX_EXPONENT;
  if ((m * (y.hi - 1)) / y.hi < -MAX_EXPONENT * Math.LN2) {
    // y^m might fall below 2^-960: find a chunk size that does not
    const lg2y = Math.log(y.hi) / Math.LN2;
    if (m * lg2y <= -MAX_EXPONENT) {
      maxExpt = Math.trunc(nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
    }
  }
  if (m <= maxExpt) {
    const r = frexpDD(powD(y, m));
    return { m: r.m, e: r.e + m * yE };
  }
  // y^m = (y^maxExpt)^q * y^r
  const q = Math.trunc(m / maxExpt);
  const rem = m % maxExpt;
  const y2r = pow2Scaled(y, rem);
  const y2m = pow2Scaled(y, maxExpt);
  const y2mq = pow2Scaled(y2m.m, q);
  const r = frexpDD(mulDD(y2r.m, y2mq.m));
  return { m: r.m, e: r.e + (y2mq.e + y2m.e * q) + y2r.e + m * yE };
}

/** Multiplies the binomial C(n, j) (mantissa, exponent) by (n - j)/(j + 1), giving C(n, j+1). */
function updateBinomial(c: Scaled, n: number, j: number): Scaled {
  const r = frexpDD(mulDD(c.m, divD(n - j, j + 1.0)));
  return { m: r.m, e: c.e + r.e };
}

/** One term A_v = C(n,v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1) of the sum (computeAv). */
function computeAv(n: number, x: number, v: number, c: Scaled): DD {
  const t2 = pow2Scaled(subDd(divD(n - v, n), x), n - v);
  const t1 = pow2Scaled(addDd(divD(v, n), x), v - 1);
  const ans = mulDD(mulDD(t1.m, t2.m), c.m);
  return ldexpDD(ans, c.e + t1.e + t2.e);
}

/**
 * scipy.special.smirnov(n, x): P(D+_n >= x), the one-sided Kolmogorov-Smirnov survival function
 * (STATS.md "Numeric drift (KS)"), n a positive integer, 0 <= x <= 1.
 */
export function smirnov(n: number, x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (!(n > 0 && x >= 0.0 && x <= 1.0)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0.0) return 1.0;
  if (x === 1.0) return 0.0;

  const { nxFloor, alpha } = modNX(n, x);
  let n1mxFloor = n - nxFloor - (alpha === 0 ? 0 : 1);
  let n1mxCeil = n - nxFloor;
  // alpha = 0: the last term of either sum is zero, leave it out
  if (alpha === 0) {
    n1mxFloor -= 1;
    n1mxCeil += 1;
  }

  // x <= 1/n: one closed-form term, cdf = x (1 + x)^(n-1)
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    return 1 - x * powSum(1, x, n - 1);
  }
  // the sf underflows
  if (-2 * n * x * x < MINLOG) return 0;
  // x >= 1 - 1/n: sf = (1 - x)^n
  if (nxFloor >= n - 1) return powSum(1, -x, n);
  // n too big to sum: sf ~ exp(-(6nx + 1)^2 / 18n)
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const y = 6.0 * n * x + 1;
    const logp = -(y * y) / 18.0 / n;
    if (logp < -Math.LN2) return Math.exp(logp); // small p: keep its relative precision
    const cdf = -Math.expm1(logp);
    return 1 - cdf;
  }
  return clip01(smirnovSum(n, x, n1mxFloor, n1mxCeil));
}

/**
 * The Birnbaum-Tingey sum. The lower sum (v = 0, 1, ...) has positive terms; the upper one
 * (v = n, n-1, ..., giving the cdf) alternates and is used only when it has very few terms.
 */
function smirnovSum(n: number, x: number, n1mxFloor: number, n1mxCeil: number): number {
  const nUpperTerms = n - n1mxCeil + 1;
  const useUpperSum =
    (nUpperTerms <= 1 && x < 0.5) ||
    (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

  const start = useUpperSum ? n : 0;
  const step = useUpperSum ? -1 : 1;
  const nTerms = useUpperSum ? n - n1mxCeil + 1 : n1mxFloor + 1;
  const vmid = Math.trunc(n / 2);
  // first term: v = n gives (1 + x)^(n-1); v = 0 gives (1 - x)^n / x
  let aj = useUpperSum ? pow4D(1, x, 1, 0, n - 1) : divDd(pow4D(1, -x, 1, 0, n), x);
  let ajSum = addDD(DD_ZERO, aj);
  let binom = updateBinomial({ m: DD_ONE, e: 0 }, n, 0);

  for (let j = 1; j < nTerms; j += 1) {
    const v = start + j * step;
    aj = computeAv(n, x, v, binom);
    if (Number.isFinite(aj.hi) && aj.hi !== 0) ajSum = addDD(ajSum, aj);
    if (aj.hi !== 0) {
      // stop once the remaining terms cannot reach the last bit of the sum
      if (4 * (nTerms - j) * Math.abs(aj.hi) < DBL_EPSILON * ajSum.hi && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    binom = updateBinomial(binom, n, j);
  }
  const prob = mulDdD(x, ajSum).hi;
  return step < 0 ? 1 - prob : prob;
}

function clip01(p: number): number {
  return p < 0 ? 0 : Math.min(p, 1);
}
