// Double-double arithmetic for the one-sided Smirnov sum (STATS.md "Numeric drift (KS)").
//
// scipy's cephes smirnov() (kolmogorov.c) sums its binomial series in double-double (Hida, Li
// & Bailey's QD library, scipy/special/cephes/dd_idefs.h and dd_real_idefs.h): terms are powers
// like (1 - x - v/n)^(n - v) with exponents up to 10^6, where one rounding of the base in plain
// doubles would already cost ~1e-10 relative. This file ports the operations it uses, with the
// same error-free transformations, plus C's frexp/ldexp, which JavaScript lacks.

/** A double-double value hi + lo, |lo| <= ulp(hi)/2. */
export interface DD {
  readonly hi: number;
  readonly lo: number;
}

export const DD_ZERO: DD = { hi: 0, lo: 0 };
export const DD_ONE: DD = { hi: 1, lo: 0 };

const SPLITTER = 134217729.0; // 2^27 + 1: Dekker's split constant
const SPLIT_THRESH = 6.69692879491417e299; // 2^996: above it, split would overflow

// ---------------------------------------------------------------- error-free transformations

/** fl(a + b) and its exact error, assuming |a| >= |b|. */
function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

/** fl(a + b) and its exact error, any magnitudes (Knuth's TwoSum). */
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const c = s - a;
  const d = b - c;
  const e = s - c;
  return { hi: s, lo: a - e + d };
}

/** Splits a into 26-bit halves hi + lo (scaled first when huge, so the product cannot overflow). */
function split(a: number): [number, number] {
  if (a > SPLIT_THRESH || a < -SPLIT_THRESH) {
    const as = a * 3.7252902984619140625e-9; // 2^-28
    const temp = SPLITTER * as;
    const hi = temp - (temp - as);
    const lo = as - hi;
    return [hi * 268435456.0, lo * 268435456.0]; // 2^28
  }
  const temp = SPLITTER * a;
  const hi = temp - (temp - a);
  return [hi, a - hi];
}

/** fl(a * b) and its exact error (Dekker; JavaScript has no fused multiply-add). */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [aHi, aLo] = split(a);
  const [bHi, bLo] = split(b);
  const c = aHi * bHi - p;
  const d = c + aHi * bLo + aLo * bHi;
  return { hi: p, lo: d + aLo * bLo };
}

// ---------------------------------------------------------------- double-double operations

/** a + b exactly, for doubles a and b (dd_add_d_d). */
export const addD = twoSum;
/** a * b exactly, for doubles a and b (dd_mul_d_d). */
export const mulD = twoProd;

/** double-double + double (dd_add_dd_d). */
export function addDd(a: DD, b: number): DD {
  const s = twoSum(a.hi, b);
  return quickTwoSum(s.hi, s.lo + a.lo);
}

/** double-double - double (dd_sub_dd_d). */
export function subDd(a: DD, b: number): DD {
  return addDd(a, -b);
}

/**
 * A double-double running sum added to in place, with addDD's arithmetic written out in scalars:
 * the Smirnov sum adds up to 10^6 terms per p-value, and a pair object per step was a fifth of
 * its time (garbage collection).
 */
export class DDSum {
  hi: number;
  lo: number;

  constructor(start: DD = DD_ZERO) {
    this.hi = start.hi;
    this.lo = start.lo;
  }

  /** this += b, with IEEE-style error bound (dd_ieee_add, Briggs & Kahan). */
  add(bHi: number, bLo: number): void {
    const a = this.hi;
    const s = a + bHi; // twoSum(a.hi, b.hi)
    const sc = s - a;
    const sErr = a - (s - sc) + (bHi - sc);
    const t = this.lo + bLo; // twoSum(a.lo, b.lo)
    const tc = t - this.lo;
    const tErr = this.lo - (t - tc) + (bLo - tc);
    const uIn = sErr + t; // quickTwoSum(s, sErr + t)
    const u = s + uIn;
    const uErr = uIn - (u - s);
    const vIn = uErr + tErr; // quickTwoSum(u, uErr + tErr)
    this.hi = u + vIn;
    this.lo = vIn - (this.hi - u);
  }

  get value(): DD {
    return { hi: this.hi, lo: this.lo };
  }
}

/** double-double + double-double with IEEE-style error bound (dd_ieee_add, Briggs & Kahan). */
export function addDD(a: DD, b: DD): DD {
  const sum = new DDSum(a);
  sum.add(b.hi, b.lo);
  return sum.value;
}

/** double-double - double-double (dd_sub). */
export function subDD(a: DD, b: DD): DD {
  return addDD(a, { hi: -b.hi, lo: -b.lo });
}

/** double-double * double-double (dd_mul). */
export function mulDD(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

/** double * double-double (dd_mul_d_dd). */
export function mulDdD(a: number, b: DD): DD {
  const p1 = twoProd(a, b.hi);
  const p2 = twoProd(a, b.lo);
  return quickTwoSum(p1.hi, p2.lo + p2.hi + p1.lo);
}

/** double-double * double (dd_mul_dd_d). */
function mulDDd(a: DD, b: number): DD {
  const p1 = twoProd(a.hi, b);
  const p2 = twoProd(a.lo, b);
  return quickTwoSum(p1.hi, p2.lo + p2.hi + p1.lo);
}

/** double-double / double-double, three quotient terms (dd_accurate_div). */
export function divDD(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  let r = subDD(a, mulDDd(b, q1));
  const q2 = r.hi / b.hi;
  r = subDD(r, mulDDd(b, q2));
  const q3 = r.hi / b.hi;
  return addDd(quickTwoSum(q1, q2), q3);
}

/** double / double as a double-double (dd_div_d_d). */
export function divD(a: number, b: number): DD {
  return divDD({ hi: a, lo: 0 }, { hi: b, lo: 0 });
}

/** double-double / double (dd_div_dd_d). */
export function divDd(a: DD, b: number): DD {
  return divDD(a, { hi: b, lo: 0 });
}

/** 1 / a (dd_inv). */
export function invDD(a: DD): DD {
  return divDD(DD_ONE, a);
}

/** floor(a), rounding the low word when the high word is already an integer (dd_floor). */
export function floorDD(a: DD): DD {
  const hi = Math.floor(a.hi);
  if (hi !== a.hi) return { hi, lo: 0 };
  return quickTwoSum(hi, Math.floor(a.lo));
}

/** a * 2^e (dd_ldexp). */
export function ldexpDD(a: DD, e: number): DD {
  return { hi: ldexp(a.hi, e), lo: ldexp(a.lo, e) };
}

/** a = m * 2^e with 0.5 <= |m.hi| < 1, or |m.hi| = 1 when the low word is of opposite sign. */
export function frexpDD(a: DD): { m: DD; e: number } {
  const [man, exponent] = frexp(a.hi);
  const b1 = ldexp(a.lo, -exponent);
  if (Math.abs(man) === 0.5 && man * b1 < 0) {
    return { m: { hi: man * 2, lo: b1 * 2 }, e: exponent - 1 };
  }
  return { m: { hi: man, lo: b1 }, e: exponent };
}

// ---------------------------------------------------------------- C's frexp and ldexp

const bits = new DataView(new ArrayBuffer(8));

/** 2^k for k = -1074..1023 (every power of two a double holds), by exact doublings. */
const POW2 = new Float64Array(1023 + 1074 + 1);
POW2[0] = Number.MIN_VALUE; // 2^-1074
for (let i = 1; i < POW2.length; i += 1) POW2[i] = (POW2[i - 1] ?? 0) * 2;

/** 2^n for an integer n in [-1074, 1023]. */
function pow2(n: number): number {
  return POW2[n + 1074] ?? NaN;
}

/** C frexp: x = m * 2^e with 0.5 <= |m| < 1 (0, infinities and NaN come back with e = 0). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  if (biased === 0) {
    // subnormal: scale into the normal range first
    const [m, e] = frexp(x * 18014398509481984); // 2^54
    return [m, e - 54];
  }
  bits.setUint32(0, (high & 0x800fffff) | (1022 << 20));
  return [bits.getFloat64(0), biased - 1022];
}

/** C ldexp: x * 2^n with a single rounding (musl's scalbn). */
export function ldexp(x: number, n: number): number {
  let y = x;
  let k = n;
  if (k > 1023) {
    y *= pow2(1023);
    k -= 1023;
    if (k > 1023) {
      y *= pow2(1023);
      k -= 1023;
      if (k > 1023) k = 1023;
    }
  } else if (k < -1022) {
    // 2^-969 = 2^-1022 * 2^53 keeps y normal, so only the last multiplication rounds
    y *= pow2(-969);
    k += 969;
    if (k < -1022) {
      y *= pow2(-969);
      k += 969;
      if (k < -1022) k = -1022;
    }
  }
  return y * pow2(k);
}
