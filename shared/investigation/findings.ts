// The findings of an investigation: each analysis's result read against fixed rules, no new
// statistic, ranked so the first line answers "what broke".
import type { Finding, FindingKind, Severity } from './finding.ts';
import { calibrationFinding } from './calibration-finding.ts';
import { canaryFinding } from './canary-finding.ts';
import { driftFindings } from './drift-findings.ts';
import { positiveWords, type PositiveWords } from './finding-words.ts';
import type { Investigation } from './investigation.ts';
import { cohortFindings, performanceFinding, primaryOf } from './performance-findings.ts';
import { sliceFindings } from './slice-findings.ts';

export const severityOrder: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Within a severity and magnitude, the order kinds are read in. */
const kindOrder: Record<FindingKind, number> = {
  canary: 0,
  performance: 1,
  cohort: 2,
  slice: 3,
  missing: 4,
  drift: 5,
  new_category: 6,
  label_shift: 7,
  calibration: 8,
};

/** The binary label's positive value and its words, from the analyses that read it. */
function labelOf(
  investigation: Investigation,
): { label: string; positive: string; words: PositiveWords } | null {
  const p = investigation.performance;
  const outcome = p?.task === 'binary' ? p.outcome : (investigation.calibration?.outcome ?? null);
  if (outcome === null) return null;
  const { label, positive } = outcome;
  return { label, positive, words: positiveWords(label, positive) };
}

const magnitudeOf = (f: Finding): number => {
  const m = f.numbers.magnitude;
  return typeof m === 'number' ? m : 0;
};

/** A drop's cost in rows (performance and cohorts); 0 for findings that count none. */
const excessOf = (f: Finding): number => {
  const e = f.numbers.excess_errors;
  return typeof e === 'number' ? e : 0;
};

/** The canary judges a candidate model: within a severity, the running model's findings come first. */
const candidateLast = (f: Finding): number => (f.kind === 'canary' ? 1 : 0);

/**
 * Severity first, then the running model before the candidate (canary), then the rows a drop
 * cost (so 245 frauds missed outrank 28, whatever the percentages), then magnitude (larger
 * first), then kind, then id: a stable order.
 */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityOrder[a.severity] - severityOrder[b.severity] ||
      candidateLast(a) - candidateLast(b) ||
      excessOf(b) - excessOf(a) ||
      magnitudeOf(b) - magnitudeOf(a) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The findings of an investigation, ranked: severity (critical, high, medium, low), then the
 * running model's findings before the canary's (it judges a candidate), then the rows a drop cost
 * (`numbers.excess_errors`: |value - baseline| x n of a performance or cohort finding; the
 * others count none, so within a severity the model's drops come before their causes), then
 * magnitude, larger first (`numbers.magnitude`, in [0, 1]: a relative drop of the primary metric,
 * PSI capped at 1, a missing-rate rise, a new-category share, …), then kind, then id. Pure.
 *
 * The rules, kind by kind ("significant" is q < 0.05, BH within the analysis's own table; the
 * primary metric is the performance analysis's: recall for binary logs unless chosen otherwise):
 * - canary: the verdict. FAIL and INVALID critical, MARGINAL high, PASS low (said plainly, not a
 *   worry: the summary's status ignores it). Titled by the first failed check (failed critical
 *   checks come first); `who` and the evidence cohort are its segment's predicates. Magnitude 1
 *   for FAIL and INVALID, 1 - score/100 for MARGINAL, 0 for PASS.
 * - performance: the overall primary metric significantly worse than the reference's. The value
 *   quoted is the one since the onset (the windows from `since` on, their k summed over their n)
 *   when the timeline has an onset, else over the whole log. Relative drop of the quoted value
 *   ≥ 20% critical, else high. Magnitude: that relative drop.
 * - cohort: each of the investigation's cohorts whose primary metric is significantly worse than
 *   in the same cohort of the reference (never one too small to judge, never without a
 *   reference). Quoted as for performance (since the cohort's own onset); relative drop ≥ 50%
 *   critical, ≥ 20% high, else medium. Largest drop first, at most 5; a cohort sharing a
 *   predicate with one already named (coarser, finer, or cut through it by another column: the
 *   same failure seen again) is not named.
 * - slice: the weak-slice search's 3 best slices: history 'broke' high, otherwise medium; one
 *   sharing a predicate with a cohort or slice already named is not named. Magnitude 1 - 1/lift.
 * - drift: an input column (never the label, score or prediction) whose PSI band is significant:
 *   high when its errors concentrate in a bin it moved into (a bin of at least the impact's
 *   min_bin_rows, whose error rate's Wilson interval lies wholly above the overall error rate,
 *   and whose current share exceeds its reference share, or the missing values when the missing
 *   rate rose), else medium; a moderate band, low. `since`: the column's drift onset. Magnitude:
 *   PSI, capped at 1.
 * - missing: an input column whose missing-rate shift is flagged (STATS.md: +5 points and
 *   q < 0.05): high; `since` = the missing-rate onset, the per-window rates from it quoted.
 * - new_category: an input column's values never seen in the reference holding ≥ 1% of the
 *   current values: medium, naming the values and their shares; `since`: the column's drift onset
 *   when its band is significant.
 * - label_shift: the label column's drift when its band is moderate or significant or its test
 *   (chi-square, KS) is significant: high when the band is significant, else medium. A binary
 *   label is quoted by its base rate on each side (its positive value's share).
 * - calibration: the current curve's ECE ≥ 0.05 and at least twice the reference's, high; ECE ≥
 *   0.02 and above the reference's (when there is one), medium; never a curve too small to
 *   judge. The direction: bins whose observed rate's 95% interval lies below the mean score
 *   (observed below the scores) or above it, the side with the larger share of the ECE first.
 */
export function findingsOf(investigation: Investigation): Finding[] {
  const label = labelOf(investigation);
  const words = label?.words ?? null;
  const primary = primaryOf(investigation, words);
  const cohorts = cohortFindings(investigation.cohorts, primary);
  // The canary's logs may name their label otherwise: its positives are then just "positives".
  const canaryLabel = investigation.canary?.columns.label;
  const findings = [
    canaryFinding(investigation.canary, canaryLabel === label?.label ? words : null),
    performanceFinding(investigation.performance, primary),
    ...cohorts,
    ...sliceFindings(investigation.slices, cohorts),
    ...driftFindings(investigation.drift, label),
    calibrationFinding(investigation.calibration),
  ].filter((f): f is Finding => f !== null);
  return rankFindings(findings);
}
