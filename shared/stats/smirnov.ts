// One-sided Smirnov survival function, a port of scipy.special.smirnov (scipy 1.10,
// scipy/special/cephes/kolmogorov.c, van Mulbregt 2018). STATS.md "Numeric drift (KS)" takes the
// two-sided KS p as 2 * smirnov(n, D) for large D, so it must match scipy to ~1e-9 relative.
//
//   P(D+_n >= x) = x * sum_{v=0}^{floor(n(1-x))} C(n,v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v)
//
// (Birnbaum & Tingey 1951), summed in double-double with the binomial kept as mantissa and
// exponent, since C(n, v) overflows a double long before n = 10^6. smirnov() gets the terms of
// the long (lower) sum by recurrence (smirnov-recurrence.ts): a KS p at a million rows a side then
// takes ~50 ms instead of over a second. smirnovExact() computes every term from its closed form
// as cephes does; the recurrence is tested against it.

import { divDd, floorDD, mulD, mulDdD, subDD } from './smirnov-double-double.ts';
import { recurrenceSum } from './smirnov-recurrence.ts';
import { closedFormSum, pow4D, powSum } from './smirnov-terms.ts';

/** n above this uses the approximation sf ~ exp(-(6nx+1)^2 / 18n) (SMIRNOV_MAX_COMPUTE_N). */
const SMIRNOV_MAX_COMPUTE_N = 1000000;
/** The upper (alternating) sum is used only when it has at most this many terms, n >= 10. */
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
/** cephes MINLOG = log(2^-1075): exp() of anything below underflows to 0. */
const MINLOG = -745.1332191019412;

/** How the lower sum's terms are computed: by recurrence (fast) or each from its closed form. */
type LowerTerms = 'recurrence' | 'closed-form';

/** Splits n*x exactly into floor(n*x) and the remainder alpha in [0, 1) (modNX). */
function modNX(n: number, x: number): { nxFloor: number; alpha: number } {
  const nxD = mulD(n, x);
  const nxFloorD = floorDD(nxD);
  const alpha = subDD(nxD, nxFloorD).hi;
  const nxFloor = Math.trunc(nxFloorD.hi);
  // a remainder that rounds to 1 means n*x sits just below an integer: round up
  return alpha === 1 ? { nxFloor: nxFloor + 1, alpha: 0 } : { nxFloor, alpha };
}

/**
 * scipy.special.smirnov(n, x): P(D+_n >= x), the one-sided Kolmogorov-Smirnov survival function
 * (STATS.md "Numeric drift (KS)"), n a positive integer, 0 <= x <= 1. Within 1e-12 relative of
 * smirnovExact (its long sums' terms come by recurrence), in O(n) flops instead of O(n) powers.
 */
export function smirnov(n: number, x: number): number {
  return smirnovWith(n, x, 'recurrence');
}

/** smirnov() with every term from its closed form, as cephes computes it: the exact port. */
export function smirnovExact(n: number, x: number): number {
  return smirnovWith(n, x, 'closed-form');
}

function smirnovWith(n: number, x: number, lowerTerms: LowerTerms): number {
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

  // The upper (alternating) sum has few terms and gives the cdf; the lower one has positive terms.
  const nUpperTerms = n - n1mxCeil + 1;
  const useUpperSum =
    (nUpperTerms <= 1 && x < 0.5) ||
    (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));
  if (useUpperSum) {
    // first term v = n: (1 + x)^(n-1)
    const sum = closedFormSum(n, x, pow4D(1, x, 1, 0, n - 1), nUpperTerms, n, -1);
    return clip01(1 - mulDdD(x, sum).hi);
  }
  // first term v = 0: (1 - x)^n / x
  const first = divDd(pow4D(1, -x, 1, 0, n), x);
  const nTerms = n1mxFloor + 1;
  const sum =
    lowerTerms === 'recurrence'
      ? recurrenceSum(n, x, nxFloor, alpha, first, nTerms)
      : closedFormSum(n, x, first, nTerms, 0, 1);
  return clip01(mulDdD(x, sum).hi);
}

function clip01(p: number): number {
  return p < 0 ? 0 : Math.min(p, 1);
}
