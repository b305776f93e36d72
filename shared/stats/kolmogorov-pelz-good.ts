// Pelz & Good (1976) approximation of the two-sided Kolmogorov CDF for large n (STATS.md
// "Numeric drift (KS)"), a port of scipy 1.10's _kolmogn_PelzGood (scipy/stats/_ksstats.py).
// It starts from the Li-Chien / Korolyuk expansion
//   P(D_n <= x) ~ K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^1.5,   z = x sqrt(n),
// with each K_i rewritten through Jacobi theta functions into a series in q = exp(-pi^2/8z^2),
// which converges fast for the small z of this branch (n x^2 < 2.2).

const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const SQRT2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const MIN_LOG = -708; // exp() below this is 0 for our purposes

/** np.sum's order for arrays of up to 128 elements: a plain loop below 8, else 8 partial sums. */
function npSum(a: readonly number[]): number {
  if (a.length < 8) {
    let s = 0;
    for (const v of a) s += v;
    return s;
  }
  const r = a.slice(0, 8);
  const whole = a.length - (a.length % 8);
  for (let i = 8; i < whole; i += 8) {
    for (let j = 0; j < 8; j += 1) r[j] = (r[j] ?? 0) + (a[i + j] ?? 0);
  }
  const [r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0] = r;
  let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
  for (let i = whole; i < a.length; i += 1) s += a[i] ?? 0;
  return s;
}

/** Pelz-Good approximation of P(D_n <= x), 0 <= x <= 1. */
export function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;

  const z = Math.sqrt(n) * x;
  const zsquared = z * z;
  const zthree = z ** 3;
  const zfour = z ** 4;
  const zsix = z ** 6;

  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return 0.0; // z below ~0.0417: the CDF is 0 to double precision
  let q = Math.exp(qlog);

  // coefficients of the odd-m terms c_m q^(m^2) in K1, K2, K3
  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
  const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
  const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * z ** 8;

  // Horner scheme over k for sum_k c_(2k-1) q^((2k-1)^2), factoring q out: q^((2k-1)^2 - 1)
  // steps by q^(8k)
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k -= 1) {
    const m = 2 * k - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = Math.pow(q, 8 * k);
    const coeffs = [
      1.0,
      k1a + k1b * msquared,
      k2a + k2b * msquared + k2c * mfour,
      k3a + k3b * msquared + k3c * mfour + k3d * msix,
    ];
    for (let i = 0; i < 4; i += 1) K[i] = (K[i] ?? 0) * qpower + (coeffs[i] ?? 0);
  }
  const scale = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10]; // z^10 > 0 since z > 0.04
  for (let i = 0; i < 4; i += 1) K[i] = ((K[i] ?? 0) * q * SQRT2PI) / (scale[i] ?? 1);

  // the other sums, over all k >= 1: K2 gets pi^2 k^2 q^(k^2), K3 (3 pi^2 k^2 z^2 - pi^4 k^4)
  // q^(k^2), now with q = exp(-pi^2/2z^2); little cancellation, so summed directly
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  const sqrt3z = SQRT3 * z;
  const k2terms: number[] = [];
  const k3terms: number[] = [];
  for (let k = maxk; k > 0; k -= 1) {
    const ksquared = k ** 2;
    const kspi = Math.PI * k;
    const qpwer = Math.pow(q, ksquared);
    k2terms.push(ksquared * qpwer);
    k3terms.push((sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpwer);
  }
  K[2] = (K[2] ?? 0) + npSum(k2terms) * ((PI_SQUARED * SQRT2PI) / (-36 * zthree));
  K[3] = (K[3] ?? 0) + npSum(k3terms) * ((PI_SQUARED * SQRT2PI) / (216 * zsix));

  // divide K_i by n^(i/2) and add up
  let total = 0;
  for (let i = 0; i < 4; i += 1) total += (K[i] ?? 0) / Math.pow(n * 1.0, i / 2.0);
  return total;
}
