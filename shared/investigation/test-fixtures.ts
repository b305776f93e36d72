// Hand-built investigations for the findings' tests: each result holds only what a test sets, the
// rest empty, with metrics computed from counts by the stats definitions (never typed in).
import type {
  CalibrationBin,
  CalibrationResult,
} from '../analyses/calibration/calibration-result.ts';
import { DEFAULT_GUARDRAILS } from '../analyses/canary/canary-guardrails.ts';
import type { CanaryCheck, CanaryResult } from '../analyses/canary/canary-result.ts';
import type { DriftColumnResult, DriftResult } from '../analyses/drift/drift-result.ts';
import { performanceMetricNames } from '../analyses/performance/performance-metrics.ts';
import type {
  MetricDelta,
  PerformanceCohort,
  PerformanceDelta,
  PerformanceGroup,
  PerformanceResult,
  PerformanceWindow,
} from '../analyses/performance/performance-result.ts';
import type { Slice, SlicesResult } from '../analyses/slices/slices-result.ts';
import type { Predicate } from '../sql/predicate.ts';
import { binaryProportionMetrics, isTooSmall } from '../stats/binary-metrics.ts';
import { wilsonInterval } from '../stats/wilson.ts';
import type { Investigation } from './investigation.ts';

/** An investigation where nothing ran: every result null, nothing skipped. */
export function emptyInvestigation(parts: Partial<Investigation> = {}): Investigation {
  return {
    current: { rows: 1000 },
    reference: { rows: 1000 },
    drift: null,
    performance: null,
    cohorts: [],
    pinned: [],
    calibration: null,
    slices: null,
    errors: null,
    canary: null,
    skipped: [],
    ...parts,
  };
}

/** Counts of a binary group: rows, positives, true positives, predicted positives. */
export interface Counts {
  n: number;
  positives: number;
  tp: number;
  predicted: number;
}

/** A group's counts and metrics, as performance reports them (STATS.md's definitions). */
export function group(c: Counts): PerformanceGroup {
  const m = binaryProportionMetrics({
    n: c.n,
    positives: c.positives,
    predictedPositives: c.predicted,
    truePositives: c.tp,
  });
  return {
    rows: c.n,
    n: c.n,
    positives: c.positives,
    negatives: c.n - c.positives,
    predicted_positives: c.predicted,
    scored: c.n,
    confusion: m.confusion,
    metrics: {
      accuracy: m.intervals.accuracy.value,
      precision: m.intervals.precision.value,
      recall: m.intervals.recall.value,
      fpr: m.intervals.fpr.value,
      f1: m.f1,
      f1_undefined: m.f1_undefined,
      auc: null,
      log_loss: null,
      brier: null,
      base_rate: m.intervals.base_rate.value,
      predicted_positive_rate: m.intervals.predicted_positive_rate.value,
      intervals: m.intervals,
    },
    too_small: isTooSmall({ n: c.n, positives: c.positives }),
  };
}

const noDelta: MetricDelta = {
  baseline: null,
  value: null,
  delta: null,
  z: null,
  p: null,
  q: null,
};

/** A group against its baseline's counts, with the recall test's p and q given. */
export function delta(current: Counts, baseline: Counts, p: number, q = p): PerformanceDelta {
  const now = group(current);
  const before = group(baseline);
  const metrics = Object.fromEntries(
    performanceMetricNames.map((name) => [name, noDelta]),
  ) as PerformanceDelta['metrics'];
  const recall = (g: PerformanceGroup) => g.metrics.recall;
  const value = recall(now);
  const base = recall(before);
  metrics.recall = {
    baseline: base,
    value,
    delta: value !== null && base !== null ? value - base : null,
    z: null,
    p,
    q,
  };
  return {
    against: 'reference',
    n: baseline.n,
    positives: baseline.positives,
    too_small: now.too_small || before.too_small,
    metrics,
  };
}

/** A timeline window of a group. */
export function window(start: string, c: Counts): PerformanceWindow {
  return { window: start, ...group(c), primary: null };
}

/** A cohort of the given predicates, its counts against the reference's, and its timeline. */
export function cohort(
  predicates: Predicate[],
  current: Counts,
  baseline: Counts,
  p: number,
  timeline?: { windows: PerformanceWindow[]; since: string | null },
): PerformanceCohort {
  return {
    ...group(current),
    cohort: Object.fromEntries(predicates.map((x) => [x.column, x.value as string])),
    predicates,
    delta: delta(current, baseline, p),
    ...(timeline
      ? {
          timeline: timeline.windows,
          since: timeline.since === null ? null : { metric: 'recall', window: timeline.since },
        }
      : {}),
  };
}

/** The overall performance of a binary log against a reference (recall primary). */
export function performance(
  current: Counts,
  baseline: Counts,
  p: number,
  timeline?: { windows: PerformanceWindow[]; since: string | null },
): PerformanceResult {
  return {
    task: 'binary',
    log: { rows: current.n },
    reference: { rows: baseline.n },
    outcome: { label: 'is_fraud', positive: '1', prediction: 'pred', score: 'p', threshold: null },
    by: [],
    primary_metric: 'recall',
    overall: { ...group(current), delta: delta(current, baseline, p) },
    cohorts: [],
    ...(timeline
      ? {
          timeline: timeline.windows,
          since:
            timeline.since === null ? null : { metric: 'recall' as const, window: timeline.since },
        }
      : {}),
  };
}

/** A drift row with only what a test sets. */
export function driftColumn(
  name: string,
  fields: Partial<DriftColumnResult> = {},
): DriftColumnResult {
  const side = { rows: 1000, n: 1000, nulls: 0, invalid: 0, missing_rate: 0, invalid_rate: 0 };
  return {
    name,
    kind: 'categorical',
    role: 'feature',
    psi: 0.01,
    band: 'stable',
    js: null,
    ks: null,
    wasserstein: null,
    chi2: null,
    linf: null,
    missing: { reference: 0, current: 0, shifted: false, delta: 0, z: null, p: null, q: null },
    invalid: { reference: null, current: null },
    out_of_range: null,
    new_categories: [],
    vanished: [],
    drifted: fields.band === 'significant',
    constant_reference: false,
    reference: side,
    current: side,
    bins: null,
    tests: [],
    reason: `${name}: as set by the test`,
    ...fields,
  };
}

/** A drift table of these rows, with an overall error rate of `errors` in `rows` for impact. */
export function drift(
  columns: DriftColumnResult[],
  impact?: { rows: number; errors: number },
): DriftResult {
  return {
    reference: { rows: 1000 },
    current: { rows: 1000 },
    columns,
    ...(impact
      ? {
          impact: {
            label: 'is_fraud',
            prediction: 'pred',
            score: null,
            threshold: null,
            rows: impact.rows,
            errors: impact.errors,
            error_rate: wilsonInterval(impact.errors, impact.rows),
            min_bin_rows: Math.max(30, Math.ceil(impact.rows / 100)),
          },
        }
      : {}),
  };
}

/** A reliability bin of n rows, `positives` of them positive, at a mean score. */
export function calibrationBin(bin: number, n: number, positives: number, meanScore: number) {
  const w = wilsonInterval(positives, n);
  const b: CalibrationBin = {
    bin,
    n,
    positives,
    mean_score: meanScore,
    observed: positives / n,
    low: w.low ?? 0,
    high: w.high ?? 1,
    lo: bin / 10,
    hi: (bin + 1) / 10,
  };
  return b;
}

/** A calibration result of these bins (ECE computed from them) and the reference's ECE. */
export function calibration(
  bins: CalibrationBin[],
  referenceEce: number | null,
): CalibrationResult {
  const n = bins.reduce((a, b) => a + b.n, 0);
  const ece = bins.reduce((a, b) => a + (b.n / n) * Math.abs(b.observed - b.mean_score), 0);
  const curve = {
    rows: n,
    n,
    positives: bins.reduce((a, b) => a + b.positives, 0),
    skipped: { no_label: 0, no_score: 0, invalid_score: 0 },
    edges: [],
    bins,
    ece,
    mce: Math.max(...bins.map((b) => Math.abs(b.observed - b.mean_score))),
    brier: { total: null, rel: null, res: null, unc: null, residual: null },
    histogram: [],
    too_small: false,
  };
  return {
    ...curve,
    strategy: 'uniform',
    bin_count: 10,
    outcome: { label: 'is_fraud', positive: '1', score: 'fraud_score' },
    by: [],
    ...(referenceEce === null ? {} : { reference: { ...curve, ece: referenceEce } }),
  };
}

/** A canary check of a segment (`all` without predicates) with its values and verdict. */
export function canaryCheck(
  predicates: Predicate[],
  fields: Partial<CanaryCheck> & Pick<CanaryCheck, 'metric'>,
): CanaryCheck {
  const name = predicates.map((p) => `${p.column} = ${String(p.value)}`).join(' AND ') || 'all';
  return {
    cohort: {},
    segment: {
      name,
      column: predicates[0]?.column ?? null,
      value: (predicates[0]?.value ?? null) as string | null,
      predicates,
    },
    critical: true,
    too_small: false,
    counts: null,
    baseline: null,
    canary: null,
    delta: null,
    relative_delta: null,
    interval: null,
    degradation: null,
    tolerance: 0.03,
    tolerance_kind: 'relative',
    exceeds_tolerance: null,
    test: null,
    statistic: null,
    p: null,
    q: null,
    passed: true,
    reason: `${name}: as set by the test`,
    ...fields,
  };
}

/** A canary comparison of model_version v2 against v1 with this verdict and these checks. */
export function canary(
  verdict: CanaryResult['verdict'],
  checks: CanaryCheck[],
  fields: Partial<CanaryResult> = {},
): CanaryResult {
  const scored = checks.filter((c) => c.passed !== null).length;
  const passed = checks.filter((c) => c.passed === true).length;
  return {
    verdict,
    score: scored === 0 ? null : (100 * passed) / scored,
    scored,
    passed,
    failing: checks.filter((c) => c.passed === false).map((c) => c.reason),
    design: 'split',
    design_reason: 'different ids',
    source: { kind: 'model_column', column: 'model_version', baseline: 'v1', canary: 'v2' },
    rows: { baseline: 500, canary: 500, joined: null },
    columns: {
      label: 'is_fraud',
      score: null,
      prediction: 'pred',
      id: null,
      time: null,
      latency: null,
      success: null,
    },
    threshold: null,
    segments: [],
    skipped: [],
    guardrails: DEFAULT_GUARDRAILS,
    population: { psi: 0.01, valid: true, columns: [], invalid_columns: [] },
    checks,
    per_segment: {},
    beside: {
      ece: { baseline: null, canary: null },
      log_loss: { baseline: null, canary: null },
      score_psi: null,
      score_histogram: null,
    },
    latency: null,
    ...fields,
  };
}

/** A weak slice of these predicates, its size and error, and its history in the reference. */
export function slice(
  predicates: Predicate[],
  size: number,
  error: number,
  history: 'broke' | 'always_hard' | 'unchanged' | 'unknown',
): Slice {
  const text = predicates.map((p) => `${p.column} = ${String(p.value)}`).join(' AND ');
  return {
    predicates,
    terms: predicates.map((p) => ({
      column: p.column,
      value: p.value as string,
      bin: null,
      range: null,
      text: `${p.column} = ${String(p.value)}`,
    })),
    text,
    level: predicates.length,
    size,
    error_sum: error * size,
    error,
    low: null,
    high: null,
    lift: error / 0.05,
    score: 1,
    reference: { size, error: 0.05, low: null, high: null, p: 1e-6, q: 1e-5, history },
  };
}

/** A slice search's result holding these slices (overall error 0.05). */
export function slices(found: Slice[]): SlicesResult {
  return {
    task: 'binary',
    error_measure: 'misclassification',
    n: 10_000,
    mean_error: 0.05,
    alpha: 0.95,
    k: 10,
    max_level: 3,
    min_support: 100,
    slices: found,
    levels: [],
    columns: [],
    skipped_columns: [],
    reference_mean_error: 0.05,
    empty_reason: null,
  };
}
