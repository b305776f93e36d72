// AUC standard error of Hanley & McNeil (1982) and the z on the difference of two independent
// AUCs: the AUC check of STATS.md "Comparing two models".
import { normalTwoSidedP } from './distributions.ts';

function checkAuc(auc: number, nPositives: number, nNegatives: number): void {
  if (!(auc >= 0 && auc <= 1)) throw new RangeError(`hanleyMcNeil: AUC ${auc} outside [0, 1]`);
  for (const n of [nPositives, nNegatives]) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`hanleyMcNeil: bad class size ${n}`);
  }
}

/** Hanley-McNeil SE² of an AUC, STATS.md's formula (Comparing two models, AUC check). */
export function hanleyMcNeilSe2(auc: number, nPositives: number, nNegatives: number): number {
  checkAuc(auc, nPositives, nNegatives);
  const a2 = auc * auc;
  const q1 = auc / (2 - auc);
  const q2 = (2 * a2) / (1 + auc);
  const se2 =
    (auc * (1 - auc) + (nPositives - 1) * (q1 - a2) + (nNegatives - 1) * (q2 - a2)) /
    (nPositives * nNegatives);
  // Q1 - A² = A(1-A)²/(2-A) >= 0 and likewise Q2 - A²; only rounding can dip below 0 near A = 1.
  return Math.max(0, se2);
}

export interface AucSample {
  /** Null when a class is absent (STATS.md: AUC undefined); the test is then null too. */
  auc: number | null;
  nPositives: number;
  nNegatives: number;
}

export interface AucDifferenceTest {
  /** canary AUC - baseline AUC. */
  delta: number | null;
  seBaseline: number | null;
  seCanary: number | null;
  z: number | null;
  p: number | null;
}

/** z = (A_c - A_b) / √(SE_b² + SE_c²), two-sided p (Comparing two models, AUC check). */
export function aucDifferenceTest(baseline: AucSample, canary: AucSample): AucDifferenceTest {
  if (baseline.auc === null || canary.auc === null) {
    return { delta: null, seBaseline: null, seCanary: null, z: null, p: null };
  }
  const se2b = hanleyMcNeilSe2(baseline.auc, baseline.nPositives, baseline.nNegatives);
  const se2c = hanleyMcNeilSe2(canary.auc, canary.nPositives, canary.nNegatives);
  const delta = canary.auc - baseline.auc;
  const seBaseline = Math.sqrt(se2b);
  const seCanary = Math.sqrt(se2c);
  // Both AUCs exactly 0 or 1: no spread, so no z (the reference leaves it undefined too).
  if (se2b + se2c === 0) return { delta, seBaseline, seCanary, z: null, p: null };
  const z = delta / Math.sqrt(se2b + se2c);
  return { delta, seBaseline, seCanary, z, p: normalTwoSidedP(z) };
}
