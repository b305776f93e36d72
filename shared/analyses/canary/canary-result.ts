// What a baseline-vs-canary comparison returns (STATS.md "Comparing two models or windows";
// CLI.md `faultline canary` keys plus extras): plain data, numbers or null, never NaN.
import type { Predicate } from '../../sql/predicate.ts';
import type { PsiBand } from '../../stats/psi.ts';
import type { WindowUnit } from '../windows.ts';
import type { CanaryGuardrails } from './canary-guardrails.ts';

export type CanaryDesign = 'split' | 'shadow';

export type CanaryVerdict = 'PASS' | 'MARGINAL' | 'FAIL' | 'INVALID';

/** Metrics tested baseline against canary. */
export type TestedMetric =
  'recall' | 'precision' | 'accuracy' | 'auc' | 'success_rate' | 'latency_p99';

/** Limits on the canary alone, overall only: scored, never tested. */
export type CeilingMetric = 'latency_p99_ceiling' | 'success_rate_floor';

export type CanaryMetric = TestedMetric | CeilingMetric;

/** A segment's value as in the file (numbers stay numbers), or null for missing values. */
export type SegmentValue = string | number | boolean | null;

/** The rows a check judges: every row (`all`), or one value of one segment column. */
export interface CanarySegment {
  /** `all`, or `column = value` as people read it (`plan = enterprise`). */
  name: string;
  /** Null for `all`. */
  column: string | null;
  value: SegmentValue;
  /** The cohort filter that selects the segment (empty for `all`). */
  predicates: Predicate[];
}

/** The McNemar table of a shadow check: correct/incorrect of the rows both models scored. */
export interface PairedTable {
  both_correct: number;
  baseline_only_correct: number;
  canary_only_correct: number;
  both_wrong: number;
}

/** A Wilcoxon signed-rank test on paired differences d = baseline - canary. */
export interface WilcoxonSummary {
  /** Pairs with both values. */
  n_pairs: number;
  zero_differences: number;
  /** Non-zero differences: what the test ranks. */
  n: number;
  r_plus: number | null;
  r_minus: number | null;
  z: number | null;
  p: number | null;
}

/** One check: a metric of one segment, baseline against canary (CLI.md `checks`). */
export interface CanaryCheck {
  metric: CanaryMetric;
  /** The segment's column and value (`{}` for all rows): CLI.md `cohort`. */
  cohort: Record<string, SegmentValue>;
  segment: CanarySegment;
  critical: boolean;
  /** The segment is too small to judge on either side (STATS.md): shown, passed null, not scored. */
  too_small: boolean;
  /**
   * What the values count: [successes, trials] for proportions, [positives, negatives] for AUC,
   * [values] for latency; null for ceilings.
   */
  counts: { baseline: number[]; canary: number[] } | null;
  /** Null for ceilings (they judge the canary alone). */
  baseline: number | null;
  canary: number | null;
  delta: number | null;
  /** delta / baseline; null when the baseline is 0 or unknown. */
  relative_delta: number | null;
  /** 95% interval of relative_delta (unpaired; null where none is defined, e.g. p99 latency). */
  interval: { low: number; high: number } | null;
  /** The change in the metric's bad direction, in the tolerance's terms. */
  degradation: number | null;
  tolerance: number;
  tolerance_kind: 'relative' | 'absolute' | 'ceiling';
  exceeds_tolerance: boolean | null;
  /** The test's name (null for ceilings); `statistic` is its z, U, χ² or T. */
  test: string | null;
  statistic: number | null;
  p: number | null;
  /** Benjamini–Hochberg within the comparison; null when not tested, too small or a ceiling. */
  q: number | null;
  /** Null when too small to judge. */
  passed: boolean | null;
  /** Hanley–McNeil standard errors of an AUC check. */
  se?: { baseline: number | null; canary: number | null };
  paired?: PairedTable;
  wilcoxon?: WilcoxonSummary;
  /** The check in words: what changed, and why it passed, failed or was not judged. */
  reason: string;
}

/** One input feature's population stability between the two populations. */
export interface PopulationColumn {
  name: string;
  kind: 'numeric' | 'categorical';
  psi: number | null;
  band: PsiBand | null;
}

/** STATS.md "Population check first": CLI.md `population: {psi, valid}`. */
export interface CanaryPopulation {
  /** The largest PSI of any input feature (null without features). */
  psi: number | null;
  /** False when some feature's PSI reaches the guardrail (0.2): the verdict is INVALID. */
  valid: boolean;
  columns: PopulationColumn[];
  /** The features at or beyond the guardrail, largest PSI first. */
  invalid_columns: string[];
}

/** Verdict, score and what failed (the comparison's, or one window's). */
export interface CanaryJudgement {
  verdict: CanaryVerdict;
  /** 100 · passed / scored; null when nothing was scored. */
  score: number | null;
  scored: number;
  passed: number;
  /** The failed critical checks' reasons first, then the other failures': plain words. */
  failing: string[];
}

/** Shown beside the checks, not scored (STATS.md). */
export interface CanaryBeside {
  /** Expected calibration error, 10 equal-width bins. */
  ece: { baseline: number | null; canary: number | null };
  log_loss: { baseline: number | null; canary: number | null };
  /** PSI of the score's distribution, baseline bins. */
  score_psi: number | null;
  /** Each side's scores in the 10 equal-width calibration bins; null without a score. */
  score_histogram: ScoreHistogram | null;
  /** Shadow only: Wilcoxon signed-rank on the per-row absolute error |score - label|. */
  paired_abs_error?: WilcoxonSummary;
}

/** Each side's counted scores per bin: [0, e1], (e1, e2], …, (e9, 1] (STATS.md "Calibration"). */
export interface ScoreHistogram {
  /** 0, the inner edges, 1. */
  edges: number[];
  baseline: number[];
  canary: number[];
}

/** Each side's latency distribution in common bins, for the overlay. */
export interface LatencyHistogram {
  /** bins + 1 edges; the last bin also holds everything above. */
  edges: number[];
  baseline: number[];
  canary: number[];
  /** p50, p95, p99 of each side (numpy-linear). */
  quantiles: {
    baseline: { p50: number | null; p95: number | null; p99: number | null };
    canary: { p50: number | null; p95: number | null; p99: number | null };
  };
}

/** The checks of one time window, judged on their own (BH within the window). */
export interface CanaryWindow extends CanaryJudgement {
  /** ISO date of the window's start. */
  window: string;
  rows: { baseline: number; canary: number };
  checks: CanaryCheck[];
}

export interface CanaryTimeline {
  column: string;
  unit: WindowUnit;
  windows: CanaryWindow[];
}

/** Where the two sides came from. */
export type CanarySourceInfo =
  { kind: 'files' } | { kind: 'model_column'; column: string; baseline: string; canary: string };

/** The comparison: CLI.md `faultline canary` keys (verdict, score, checks, population) and more. */
export interface CanaryResult extends CanaryJudgement {
  design: CanaryDesign;
  /** Why this design: detected from the ids, or asked for. */
  design_reason: string;
  source: CanarySourceInfo;
  rows: { baseline: number; canary: number; joined: number | null };
  /** The columns read: null where absent. */
  columns: {
    label: string | null;
    score: string | null;
    prediction: string | null;
    id: string | null;
    time: string | null;
    latency: string | null;
    success: string | null;
  };
  threshold: number | null;
  segments: string[];
  /** Checks that could not be made, and why (no latency column, not a binary label, …). */
  skipped: { metric: string; reason: string }[];
  guardrails: CanaryGuardrails;
  population: CanaryPopulation;
  /** Failed critical checks first (with their reason), then other failures, then the rest. */
  checks: CanaryCheck[];
  /** Per segment (by name): scored, passed and the failing metrics. */
  per_segment: Record<
    string,
    { scored: number; passed: number; failing: CanaryMetric[]; too_small: boolean }
  >;
  beside: CanaryBeside;
  latency: LatencyHistogram | null;
  timeline?: CanaryTimeline;
  where?: Predicate[];
}
