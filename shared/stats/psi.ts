// Population Stability Index of STATS.md "Numeric drift (R vs C)" (also used for categories).

/** A zero share is replaced by this in both the difference and the log, without renormalising. */
export const PSI_ZERO_SHARE = 1e-4;

export type PsiBand = 'stable' | 'moderate' | 'significant';

/** Counts → shares of their total; null when the total is 0 (no shares to compare). */
export function shares(counts: readonly number[]): number[] | null {
  const total = counts.reduce((s, c) => s + c, 0);
  return total > 0 ? counts.map((c) => c / total) : null;
}

/** PSI = sum (q_i - p_i) ln(q_i / p_i) with zero shares replaced by 1e-4 (as Evidently does). */
export function psi(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new RangeError('psi: p and q differ in length');
  let sum = 0;
  p.forEach((pi, i) => {
    const a = pi === 0 ? PSI_ZERO_SHARE : pi;
    const qi = q[i] ?? 0;
    const b = qi === 0 ? PSI_ZERO_SHARE : qi;
    sum += (b - a) * Math.log(b / a);
  });
  return sum;
}

/** The band thresholds: PSI at or above them is moderate, or significant (drifted). */
export const PSI_MODERATE = 0.1;
export const PSI_SIGNIFICANT = 0.2;

/** < 0.1 stable, 0.1 to < 0.2 moderate, >= 0.2 significant. */
export function psiBand(value: number): PsiBand {
  return value < PSI_MODERATE ? 'stable' : value < PSI_SIGNIFICANT ? 'moderate' : 'significant';
}
