// The terms of the Birnbaum-Tingey sum behind scipy.special.smirnov (smirnov.ts), each from its
// closed form as cephes computes it (scipy/special/cephes/kolmogorov.c): powers with exponents up
// to n = 10^6 in double-double, kept as mantissa and exponent since they leave double range.

import {
  type DD,
  DDSum,
  DD_ONE,
  DD_ZERO,
  addD,
  addDd,
  divD,
  divDD,
  frexpDD,
  invDD,
  ldexp,
  ldexpDD,
  mulDD,
  subDd,
} from './smirnov-double-double.ts';

/** Keeps both words of a scaled double-double normal (2^-960 > 2^(-1023+52)). */
const MAX_EXPONENT = 960;

/** A double-double mantissa with a separate binary exponent, for values beyond double range. */
export interface Scaled {
  m: DD;
  e: number;
}

export const SCALED_ONE: Scaled = { m: DD_ONE, e: 0 };

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
export function powSum(a: number, b: number, m: number): number {
  return powD(addD(a, b), m).hi;
}

/** ((a + b) / (c + d))^m in double-double (pow4_D). */
export function pow4D(a: number, b: number, c: number, d: number, m: number): DD {
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
    if (m === 0) return SCALED_ONE;
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
export function updateBinomial(c: Scaled, n: number, j: number): Scaled {
  const r = frexpDD(mulDD(c.m, divD(n - j, j + 1.0)));
  return { m: r.m, e: c.e + r.e };
}

/**
 * One term A_v = C(n,v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1) of the sum, given c = C(n, v), as
 * mantissa and exponent (computeAv before its final ldexp).
 */
export function termScaled(n: number, x: number, v: number, c: Scaled): Scaled {
  const t2 = pow2Scaled(subDd(divD(n - v, n), x), n - v);
  const t1 = pow2Scaled(addDd(divD(v, n), x), v - 1);
  return { m: mulDD(mulDD(t1.m, t2.m), c.m), e: c.e + t1.e + t2.e };
}

/** A scaled value as a double-double (underflowing to 0 like cephes' ldexp). */
export function unscale(s: Scaled): DD {
  return ldexpDD(s.m, s.e);
}

const DBL_EPSILON = 2.220446049250313e-16;

/**
 * Adds term j (of terms 0 .. nTerms-1, given as its two words) to the sum and says whether the
 * sum is done: once the remaining terms cannot reach its last bit, or past the middle at a term
 * that underflowed (cephes' stopping rule, shared by both ways of computing the terms).
 */
export function addTerm(
  sum: DDSum,
  j: number,
  nTerms: number,
  n: number,
  hi: number,
  lo: number,
): boolean {
  if (Number.isFinite(hi) && hi !== 0) sum.add(hi, lo);
  if (hi === 0) return j > Math.trunc(n / 2);
  return 4 * (nTerms - j) * Math.abs(hi) < DBL_EPSILON * sum.hi && j !== nTerms - 1;
}

/**
 * The first term plus terms j = 1 .. nTerms-1 (v = start + j * step), each from its closed form
 * with the binomial carried from term to term: cephes' own loop, the exact port.
 */
export function closedFormSum(
  n: number,
  x: number,
  first: DD,
  nTerms: number,
  start: number,
  step: number,
): DD {
  const sum = new DDSum();
  sum.add(first.hi, first.lo);
  let binom = updateBinomial(SCALED_ONE, n, 0);
  for (let j = 1; j < nTerms; j += 1) {
    const term = unscale(termScaled(n, x, start + j * step, binom));
    if (addTerm(sum, j, nTerms, n, term.hi, term.lo)) break;
    binom = updateBinomial(binom, n, j);
  }
  return sum.value;
}
