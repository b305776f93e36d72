// The lower Birnbaum-Tingey sum with its terms by recurrence, for smirnov.ts. A closed-form term
// costs two double-double powers with exponents up to n (~2.5 µs), and the sum needs ~0.9 n terms:
// 1.3 s for one KS p-value at n = 500 000. Consecutive terms have the ratio (c = n·x)
//
//   A_{v+1} / A_v = (n-v)/(v+1) · (c+v+1)/(n-c-v) · (1 + 1/(c+v))^(v-1) · (1 - 1/(n-c-v))^(n-v-1)
//
// where both powers are exp of O(1), so a term costs a few flops. Each step rounds a few times
// (~1e-15 relative), so every ANCHOR_EVERY-th term is computed from its closed form again:
// rounding cannot build up past that many steps, and the sum stays within 1e-12 relative of the
// closed-form sum (smirnov.test.ts sweeps n and x against it).

import { type DD, DDSum, divDD, frexp, frexpDD, ldexp, mulDD } from './smirnov-double-double.ts';
import { type Scaled, SCALED_ONE, addTerm, termScaled, unscale } from './smirnov-terms.ts';

/** A closed-form term every this many: the sweep's worst error is then 2e-14, anchors ~10% of time. */
const ANCHOR_EVERY = 512;
/** Factors per binomial chunk: 32 factors <= 10^6 (n's largest here) stay below 1e192. */
const BINOMIAL_CHUNK = 32;
/** The running term's mantissa is renormalised beyond 2^±500, far from overflow and underflow. */
const RESCALE_ABOVE = 2 ** 500;
const RESCALE_BELOW = 2 ** -500;
/** Below this, log1p's series to t^6 is exact to ~1e-19 relative (t^6/7 < 2^-60/7). */
const LOG1P_SERIES_MAX = 2 ** -10;
const SPLITTER = 134217729.0; // 2^27 + 1: Dekker's split constant

/**
 * The first term plus the lower sum's terms v = 1 .. nTerms-1, n·x split as nxFloor + alpha
 * (smirnov.ts modNX), stopping by the same rule as the closed-form sum. Written with scalars
 * only: the loop runs up to 10^6 times per p-value.
 */
export function recurrenceSum(
  n: number,
  x: number,
  nxFloor: number,
  alpha: number,
  first: DD,
  nTerms: number,
): DD {
  const sum = new DDSum();
  sum.add(first.hi, first.lo);
  let binom = SCALED_ONE;
  let binomAt = 0;
  let v = 1;
  while (v < nTerms) {
    binom = advanceBinomial(binom, n, binomAt, v);
    binomAt = v;
    const t = termScaled(n, x, v, binom);
    const term = unscale(t);
    if (addTerm(sum, v, nTerms, n, term.hi, term.lo)) break;
    const [m, e] = frexp(t.m.hi + t.m.lo);
    v = ratioTerms(sum, n, nxFloor, alpha, nTerms, v, m, e + t.e);
  }
  return sum.value;
}

/**
 * Adds the terms after term v (= m · 2^e) by their ratio, up to the next anchor. Returns the
 * next term to compute from its closed form (nTerms when the sum is done). Its own function: the
 * hot loop, optimised apart from the anchors' calls.
 */
function ratioTerms(
  sum: DDSum,
  n: number,
  nxFloor: number,
  alpha: number,
  nTerms: number,
  anchor: number,
  anchorM: number,
  anchorE: number,
): number {
  const end = Math.min(nTerms, anchor + ANCHOR_EVERY);
  let m = anchorM;
  let e = anchorE;
  for (let v = anchor + 1; v < end; v += 1) {
    const u = v - 1;
    // n·(x + u/n) and n·(1 - x - u/n): the integer parts exact, alpha rounded once
    const a = nxFloor + u + alpha;
    const b = n - nxFloor - u - alpha;
    // b <= 1: the base 1 - x - v/n is at or below 0 in doubles; only the closed form knows
    if (!(b > 1)) return v;
    m *=
      ((n - u) / (u + 1)) *
      ((a + 1) / b) *
      Math.exp((u - 1) * log1pSmall(1 / a) + (n - u - 1) * log1pSmall(-1 / b));
    if (m > RESCALE_ABOVE || m < RESCALE_BELOW) {
      const [mantissa, exponent] = frexp(m);
      m = mantissa;
      e += exponent;
    }
    if (addTerm(sum, v, nTerms, n, ldexp(m, e), 0)) return nTerms;
  }
  return end;
}

/**
 * log1p(t), by its series when |t| is small: Math.log1p twice a term was most of the loop's time,
 * and for large n both arguments are almost always below 1/(n·x) <= 1/sqrt(2.2 n).
 */
function log1pSmall(t: number): number {
  if (Math.abs(t) > LOG1P_SERIES_MAX) return Math.log1p(t);
  return t * (1 - t * (1 / 2 - t * (1 / 3 - t * (1 / 4 - t * (1 / 5 - t / 6)))));
}

/**
 * C(n, to) from c = C(n, from): times prod (n - i)/(i + 1), i = from..to-1, both products in
 * double-double. A factor f <= 10^6 < 2^26 needs no split of its own, so Dekker's product of f
 * and the high word is exact with the high word split alone.
 */
function advanceBinomial(c: Scaled, n: number, from: number, to: number): Scaled {
  let out = c;
  let i = from;
  while (i < to) {
    const end = Math.min(to, i + BINOMIAL_CHUNK);
    const num = new DDProduct();
    const den = new DDProduct();
    for (; i < end; i += 1) {
      num.times(n - i);
      den.times(i + 1);
    }
    const r = frexpDD(mulDD(out.m, divDD(num, den)));
    out = { m: r.m, e: out.e + r.e };
  }
  return out;
}

/** A double-double product of integers below 2^26, multiplied in place. */
class DDProduct {
  hi = 1;
  lo = 0;

  times(f: number): void {
    const t = SPLITTER * this.hi;
    const hiHi = t - (t - this.hi);
    const hiLo = this.hi - hiHi;
    const p = f * this.hi;
    const err = f * hiHi - p + f * hiLo + f * this.lo;
    this.hi = p + err; // quickTwoSum(p, err)
    this.lo = err - (this.hi - p);
  }
}
