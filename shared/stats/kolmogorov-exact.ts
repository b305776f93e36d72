// Exact two-sided Kolmogorov CDF P(D_n <= x) for the small-x branches of STATS.md "Numeric
// drift (KS)": Durbin's matrix as Marsaglia, Tsang & Wang (2003) compute it, and Pomeranz's
// (1974) recursion. Ports of scipy 1.10's _kolmogn_DMTW and _kolmogn_Pomeranz
// (scipy/stats/_ksstats.py): same steps, same 2^128 rescaling of intermediate results.

import { ldexp } from './smirnov-double-double.ts';

const E128 = 128;
const EP128 = ldexp(1, E128);
const EM128 = ldexp(1, -E128);

function clip01(p: number): number {
  return Math.min(Math.max(p, 0), 1);
}

/** Row-major m x m product a * b. */
function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i += 1) {
    for (let l = 0; l < m; l += 1) {
      const ail = a[i * m + l] ?? 0;
      if (ail === 0) continue;
      for (let j = 0; j < m; j += 1) {
        out[i * m + j] = (out[i * m + j] ?? 0) + ail * (b[l * m + j] ?? 0);
      }
    }
  }
  return out;
}

/** Durbin's m x m matrix H (m = 2k - 1) for d = (k - h)/n, as MTW build it. */
function durbinMatrix(k: number, h: number): Float64Array {
  const m = 2 * k - 1;
  // v[j-1] = (1 - h^j)/j! is the first column (and reversed, the last row); w[j] = 1/j!
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1.0;
  for (let j = 1; j <= m; j += 1) {
    w[j - 1] = fac;
    fac /= j; // may underflow for large m: harmless
    v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
  }
  const tt = (2 * h - 1.0 > 0 ? Math.pow(2 * h - 1.0, m) : 0) - 2 * Math.pow(h, m);
  v[m - 1] = (1.0 + tt) * fac;

  const H = new Float64Array(m * m);
  for (let i = 1; i < m; i += 1) {
    for (let r = i - 1; r < m; r += 1) H[r * m + i] = w[r - i + 1] ?? 0;
  }
  for (let r = 0; r < m; r += 1) H[r * m] = v[r] ?? 0;
  for (let c = 0; c < m; c += 1) H[(m - 1) * m + c] = v[m - 1 - c] ?? 0;
  return H;
}

/** P(D_n <= d) = n!/n^n (H^n)_{k,k} (Durbin 1968; MTW 2003), H^n by repeated squaring. */
export function durbinCdf(n: number, d: number): number {
  if (d >= 1.0) return 1.0;
  const nd = n * d;
  if (nd <= 0.5) return 0.0;
  const k = Math.ceil(nd);
  const m = 2 * k - 1;
  let H: Float64Array = durbinMatrix(k, k - nd);

  let hPower: Float64Array = new Float64Array(m * m); // identity
  for (let i = 0; i < m; i += 1) hPower[i * m + i] = 1;
  let expnt = 0; // hPower's scale: true value = hPower * 2^expnt
  let hExpnt = 0; // H's scale
  for (let nn = n; nn > 0; nn = Math.floor(nn / 2)) {
    if (nn % 2) {
      hPower = matmul(hPower, H, m);
      expnt += hExpnt;
    }
    H = matmul(H, H, m);
    hExpnt *= 2;
    // keep H's entries in range
    if (Math.abs(H[(k - 1) * m + (k - 1)] ?? 0) > EP128) {
      for (let i = 0; i < H.length; i += 1) H[i] = (H[i] ?? 0) / EP128;
      hExpnt += E128;
    }
  }

  let p = hPower[(k - 1) * m + (k - 1)] ?? 0;
  // multiply by n!/n^n one factor at a time, rescaling before it underflows
  for (let i = 1; i <= n; i += 1) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return clip01(p);
}

/** Python's a[start:stop] for a step of 1 (negative indexes count from the end). */
function pySlice(a: Float64Array, start: number, stop: number): Float64Array {
  const norm = (i: number): number => Math.min(Math.max(i < 0 ? i + a.length : i, 0), a.length);
  const s = norm(start);
  return a.slice(s, Math.max(norm(stop), s));
}

/** numpy.convolve(a, b) in 'full' mode. */
function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i += 1) {
    for (let j = 0; j < b.length; j += 1)
      out[i + j] = (out[i + j] ?? 0) + (a[i] ?? 0) * (b[j] ?? 0);
  }
  return out;
}

/** The columns [j1, j2] of row i of Pomeranz's matrix that can be non-zero. */
function pomeranzJ1J2(
  i: number,
  n: number,
  ll: number,
  ceilf: number,
  roundf: number,
): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      // i odd
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** (s/n)^j / j! for j < len: Poisson probabilities without their normalising factor. */
function scaledPowers(sOverN: number, len: number): Float64Array {
  const out = new Float64Array(len);
  out[0] = 1.0;
  for (let j = 1; j < len; j += 1) out[j] = ((out[j - 1] ?? 0) * sOverN) / j;
  return out;
}

/**
 * P(D_n <= x) by Pomeranz's recursion: 2n + 1 rows, each the convolution of the previous row
 * with one of three Poisson-like weight vectors; only a band of each row is non-zero, and only
 * two rows are kept. The answer is n! times the last entry.
 */
export function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = 1.0 * (t - ll); // fractional part of t
  const g = Math.min(f, 1.0 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1); // the most powers a convolution needs
  const gpower = scaledPowers(g / n, npwrs);
  const twogpower = scaledPowers((2 * g) / n, npwrs);
  const onem2gpower = scaledPowers((1 - 2 * g) / n, npwrs);

  let expnt = 0;
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1; // first row
  let v0s = 0; // column index of each row's first stored entry
  let v1s = 0;
  let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i += 1) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0.0);
    [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const conv = convolve(pySlice(v0, k1 - v0s, k1 - v0s + ln2), pySlice(pwrs, 0, ln2));
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      v1.set(pySlice(conv, convStart, convStart + convLen));
      // rescale to avoid underflow
      const max = v1.reduce((a, b) => Math.max(a, b), -Infinity);
      if (max > 0 && max < EM128) {
        for (let j = 0; j < v1.length; j += 1) v1[j] = (v1[j] ?? 0) * EP128;
        expnt -= E128;
      }
      v1s = v0s + j1 - k1;
    }
  }

  const idx = n - v1s;
  let ans = v1[idx < 0 ? idx + v1.length : idx] ?? NaN;
  // multiply by n!
  for (let m = 1; m <= n; m += 1) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return clip01(ans);
}
