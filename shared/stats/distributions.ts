// Tail probabilities behind every p-value in STATS.md. Tiny p-values are shown, compared with
// scipy's and fed to Benjamini-Hochberg, so the tails must keep their relative accuracy: the
// Abramowitz-Stegun erfc is only good to 1e-7 absolute, which says nothing below p ~ 1e-6.

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969),
// as in his CALERF (netlib specfun): the published coefficients, lowest degree first, written as
// the doubles they round to.
const ERF_A = [
  3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315,
];
const ERF_B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const ERFC_C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const ERFC_D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const ERFC_P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275,
  0.0006587491615298378, 0.016315387137302097,
];
const ERFC_Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132,
  0.0023352049762686918,
];
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const ERF_THRESHOLD = 0.46875;

/** Cody's erf for |x| <= 0.46875, where 1 - erf loses nothing. */
function erfSmall(x: number): number {
  const ysq = x * x;
  let num = (ERF_A[4] as number) * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + (ERF_A[i] as number)) * ysq;
    den = (den + (ERF_B[i] as number)) * ysq;
  }
  return (x * (num + (ERF_A[3] as number))) / (den + (ERF_B[3] as number));
}

/** exp(y²)·erfc(y) for y > 0.46875: the smooth factor, so the Gaussian can be taken exactly. */
function erfcScaled(y: number): number {
  if (y <= 4) {
    let num = (ERFC_C[8] as number) * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + (ERFC_C[i] as number)) * y;
      den = (den + (ERFC_D[i] as number)) * y;
    }
    return (num + (ERFC_C[7] as number)) / (den + (ERFC_D[7] as number));
  }
  // Beyond 6.71e7 the correction term is below half an ulp (Cody's XHUGE).
  if (y >= 6.71e7) return ONE_OVER_SQRT_PI / y;
  const ysq = 1 / (y * y);
  let num = (ERFC_P[5] as number) * ysq;
  let den = ysq;
  for (let i = 0; i < 4; i++) {
    num = (num + (ERFC_P[i] as number)) * ysq;
    den = (den + (ERFC_Q[i] as number)) * ysq;
  }
  const r = (ysq * (num + (ERFC_P[4] as number))) / (den + (ERFC_Q[4] as number));
  return (ONE_OVER_SQRT_PI - r) / y;
}

/**
 * exp(-s·t²) for t >= 0, s in {1, 1/2}. Rounding t² would cost t²·2^-53 relative (1e-13 at
 * t = 30), so t is split into hi (4 fraction bits, hi² exact) and lo: t² = hi² + lo·(t + hi).
 */
function expNegScaledSquare(t: number, s: number): number {
  const hi = Math.trunc(t * 16) / 16;
  const lo = t - hi;
  return Math.exp(-s * hi * hi) * Math.exp(-s * lo * (t + hi));
}

/** Complementary error function to ~1e-15 relative (Classification metrics, Delta). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('erfc: x is NaN');
  const y = Math.abs(x);
  if (y <= ERF_THRESHOLD) return 1 - erfSmall(x);
  // erfc(26.6) is below the smallest subnormal.
  const tail = y >= 27 ? 0 : expNegScaledSquare(y, 1) * erfcScaled(y);
  return x > 0 ? tail : 2 - tail;
}

/** Standard normal survival P(Z > z), relative accuracy ~1e-15 into the tail (Delta z-test). */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalSf: z is NaN');
  const x = z * Math.SQRT1_2;
  if (Math.abs(x) <= ERF_THRESHOLD) return 0.5 - 0.5 * erfSmall(x);
  const t = Math.abs(z);
  // The Gaussian is taken in z itself: going through x = z/√2 would round x first, an error
  // of z²·2^-53 relative. sf(38.5) is already subnormal.
  const tail = t >= 39 ? 0 : 0.5 * expNegScaledSquare(t, 0.5) * erfcScaled(Math.abs(x));
  return z > 0 ? tail : 1 - tail;
}

/** Standard normal CDF P(Z <= z) (Classification metrics, Delta). */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/** Two-sided normal p-value 2·P(Z > |z|) (Delta; Comparing two models: every z test). */
export function normalTwoSidedP(z: number): number {
  return 2 * normalSf(Math.abs(z));
}

const SQRT_2PI = 2.5066282746310007; // √(2π)

/** ln Γ*(a) = ln Γ(a) - ((a - ½) ln a - a + ln √(2π)) by Stirling's series: 1e-18 for a >= 10. */
function stirlingCorrection(a: number): number {
  const r = 1 / a;
  const r2 = r * r;
  // Bernoulli terms B_2k / (2k(2k-1)): 1/12, -1/360, 1/1260, -1/1680, 1/1188, -691/360360,
  // 1/156, -3617/122400; the next one is below 2e-18 at a = 10.
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 *
            (1 / 1260 +
              r2 *
                (-1 / 1680 +
                  r2 *
                    (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))))
  );
}

/** Γ(a) for 0 < a < 10, shifted up to Stirling's range: a handful of roundings. */
function gammaSmall(a: number): number {
  let shift = 1;
  let y = a;
  while (y < 10) {
    shift *= y;
    y += 1;
  }
  // y in [10, 11): pow and exp round once each, where exp of the summed logarithm (~14) would
  // carry that sum's absolute rounding into the result.
  const gammaY = SQRT_2PI * Math.pow(y, y - 0.5) * Math.exp(-y) * Math.exp(stirlingCorrection(y));
  return gammaY / shift;
}

/** t - ln(1 + t) without the cancellation near t = 0 (via u = t/(2+t), ln(1+t) = 2 atanh u). */
function tMinusLog1p(t: number): number {
  if (Math.abs(t) >= 0.5) return t - Math.log1p(t);
  const u = t / (2 + t);
  const u2 = u * u;
  let power = u * u2;
  let series = 0;
  for (let k = 3; ; k += 2) {
    const term = power / k;
    series += term;
    if (Math.abs(term) <= Math.abs(series) * 1e-17) break;
    power *= u2;
  }
  return t * u - 2 * series;
}

/** x^a e^-x / Γ(a), the factor both the series and the continued fraction scale by. */
function gammaPrefactor(a: number, x: number): number {
  if (a >= 10) {
    // Temme's form: (x/a)^a e^(a-x) = exp(-a·φ), φ = t - ln(1+t), t = (x-a)/a, which keeps the
    // large, nearly equal terms a·ln x, x and ln Γ(a) from cancelling.
    const phi = tMinusLog1p((x - a) / a);
    return Math.sqrt(a / (2 * Math.PI)) * Math.exp(-(a * phi + stirlingCorrection(a)));
  }
  // Summing a·ln x - x in one exponent would round it to ~1e-13 absolute at x ~ 700; e^(-x/2)
  // twice keeps each factor in range (x^a/Γ(a) < 1e32 here) and each rounding relative.
  if (x < 1400) {
    const half = Math.exp(-x / 2);
    return (Math.pow(x, a) / gammaSmall(a)) * half * half;
  }
  return Math.exp(a * Math.log(x) - x - Math.log(gammaSmall(a)));
}

const MAX_ITERATIONS = 100_000;
const TINY = 1e-300;

/** Regularized upper incomplete gamma Q(a, x) (Categorical drift: chi-square p). */
export function gammaQ(a: number, x: number): number | null {
  if (!(a > 0) || !Number.isFinite(a) || Number.isNaN(x)) return null;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const front = gammaPrefactor(a, x);
  if (x < a + 1) {
    // Series for P, then Q = 1 - P: for a >= 1/2 (any chi-square) Q(a, x) > Q(a, a+1) > 0.08
    // here, so the subtraction costs at most a digit.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (term <= sum * 1e-17) break;
    }
    return Math.max(0, 1 - front * sum);
  }
  // Legendre's continued fraction for Q, modified Lentz (Numerical Recipes gcf).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= Number.EPSILON) break;
  }
  return Math.min(1, front * h);
}

/** Chi-square survival P(X > x) with dof degrees of freedom = Q(dof/2, x/2) (Categorical drift). */
export function chiSquareSf(x: number, dof: number): number | null {
  if (!(dof > 0) || !Number.isFinite(dof) || Number.isNaN(x)) return null;
  if (x <= 0) return 1;
  // dof 1 (McNemar) and 2 have closed forms: Q(1/2, x/2) = erfc(√(x/2)), Q(1, x/2) = e^(-x/2).
  // The Gaussian is taken from x/2 directly, not from a rounded square root.
  if (dof === 1) {
    const y = Math.sqrt(x / 2);
    if (y <= ERF_THRESHOLD) return 1 - erfSmall(y);
    return Math.exp(-x / 2) * erfcScaled(y);
  }
  if (dof === 2) return Math.exp(-x / 2);
  return gammaQ(dof / 2, x / 2);
}
