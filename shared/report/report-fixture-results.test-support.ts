// Hand-built analysis results for the report's tests (drift rows, performance with a weekly
// timeline, cohorts, calibration), with numbers chosen by hand.
import type { CalibrationResult } from '../analyses/calibration/calibration-result.ts';
import type { DriftColumnResult, DriftSideCounts } from '../analyses/drift/drift-result.ts';
import type {
  PerformanceCohort,
  PerformanceDelta,
  PerformanceMetrics,
  PerformanceResult,
  PerformanceWindow,
} from '../analyses/performance/performance-result.ts';

const side = (rows: number, missing = 0): DriftSideCounts => ({
  rows,
  n: rows - Math.round(rows * missing),
  nulls: Math.round(rows * missing),
  invalid: 0,
  missing_rate: missing,
  invalid_rate: 0,
});

export function driftColumn(
  name: string,
  kind: 'numeric' | 'categorical',
  psi: number,
  extra: Partial<DriftColumnResult> = {},
): DriftColumnResult {
  const band = psi >= 0.2 ? 'significant' : psi >= 0.1 ? 'moderate' : 'stable';
  return {
    name,
    kind,
    role: 'feature',
    psi,
    band,
    js: psi / 3,
    ks: kind === 'numeric' ? { d: psi / 2, p: 0.001, q: 0.002, en: 444, n: 444 } : null,
    wasserstein: null,
    chi2: kind === 'categorical' ? { stat: 88.5, dof: 4, p: 1e-9, q: 2e-9 } : null,
    linf: null,
    missing: {
      reference: 0,
      current: 0,
      shifted: false,
      delta: 0,
      z: null,
      p: null,
      q: null,
      since: null,
    },
    invalid: { reference: 0, current: 0 },
    out_of_range: kind === 'numeric' ? 0.25 : null,
    new_categories: [],
    vanished: [],
    drifted: band === 'significant',
    constant_reference: false,
    reference: side(800),
    current: side(1000),
    bins: null,
    since: band === 'significant' ? '2026-10-05' : null,
    tests: [],
    reason: `PSI ${psi} is ${band}`,
    ...extra,
  };
}

function metrics(recall: number, precision = 0.7): PerformanceMetrics {
  const p = (value: number) => ({ value, low: value - 0.05, high: value + 0.05, k: 1, n: 1 });
  return {
    accuracy: 0.95,
    precision,
    recall,
    fpr: 0.02,
    f1: 0.65,
    f1_undefined: false,
    auc: 0.91,
    log_loss: 0.12,
    brier: 0.04,
    base_rate: 0.05,
    predicted_positive_rate: 0.045,
    intervals: {
      accuracy: p(0.95),
      precision: p(precision),
      recall: p(recall),
      fpr: p(0.02),
      base_rate: p(0.05),
      predicted_positive_rate: p(0.045),
    },
  };
}

const group = (n: number, recall: number) => ({
  rows: n,
  n,
  positives: Math.round(n * 0.05),
  negatives: n - Math.round(n * 0.05),
  predicted_positives: Math.round(n * 0.045),
  scored: n,
  confusion: { tp: 30, fp: 15, tn: 935, fn: 20 },
  metrics: metrics(recall),
  too_small: false,
});

function delta(baselineRecall: number, recall: number): PerformanceDelta {
  const d = (baseline: number, value: number) => ({
    baseline,
    value,
    delta: value - baseline,
    z: -3.1,
    p: 0.0019,
    q: 0.0038,
  });
  return {
    against: 'reference',
    n: 800,
    positives: 40,
    too_small: false,
    metrics: {
      accuracy: d(0.96, 0.95),
      precision: d(0.72, 0.7),
      recall: d(baselineRecall, recall),
      fpr: d(0.02, 0.02),
      f1: d(0.76, 0.65),
      auc: d(0.93, 0.91),
      log_loss: d(0.1, 0.12),
      brier: d(0.03, 0.04),
      base_rate: d(0.05, 0.05),
      predicted_positive_rate: d(0.05, 0.045),
    },
  };
}

const WEEKS = ['2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'];
const WEEK_RECALL = [0.81, 0.79, 0.52, 0.5];

function week(window: string, i: number): PerformanceWindow {
  const recall = WEEK_RECALL[i] ?? 0.8;
  return {
    window,
    ...group(250, recall),
    primary: {
      metric: 'recall',
      value: recall,
      baseline: 0.8,
      delta: recall - 0.8,
      relative_delta: (recall - 0.8) / 0.8,
      p: i >= 2 ? 0.004 : 0.8,
      worse: i >= 2,
    },
  };
}

export function performance(): PerformanceResult {
  return {
    task: 'binary',
    log: { rows: 1000 },
    reference: { rows: 800 },
    outcome: {
      label: 'is_fraud',
      positive: '1',
      prediction: 'predicted',
      score: 'score',
      threshold: null,
    },
    by: [],
    primary_metric: 'recall',
    overall: { ...group(1000, 0.6), delta: delta(0.8, 0.6) },
    cohorts: [],
    window: { column: 'ts', unit: 'week', requested: 'auto', span_days: 27, rows_without_time: 0 },
    timeline: WEEKS.map(week),
    since: { metric: 'recall', window: '2026-10-05' },
  };
}

export function cohort(column: string, value: string, recall: number): PerformanceCohort {
  return {
    ...group(200, recall),
    cohort: { [column]: value },
    predicates: [{ column, op: '=', value }],
    delta: delta(0.82, recall),
    since: { metric: 'recall', window: '2026-10-05' },
  };
}

export function calibration(): CalibrationResult {
  const bin = (b: number, mean: number, observed: number, n: number) => ({
    bin: b,
    n,
    positives: Math.round(n * observed),
    mean_score: mean,
    observed,
    low: Math.max(0, observed - 0.05),
    high: Math.min(1, observed + 0.05),
    lo: b / 10,
    hi: (b + 1) / 10,
  });
  const curve = (shift: number) => ({
    rows: 1000,
    n: 1000,
    positives: 50,
    skipped: { no_label: 0, no_score: 0, invalid_score: 0 },
    edges: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    bins: [bin(0, 0.03, 0.02 + shift, 900), bin(5, 0.55, 0.5 + shift, 60), bin(9, 0.93, 0.8, 40)],
    ece: 0.0421 + shift,
    mce: 0.13 + shift,
    brier: { total: 0.041, rel: 0.004, res: 0.01, unc: 0.0475, residual: -0.0005 },
    histogram: [],
    too_small: false,
  });
  return {
    ...curve(0.1),
    strategy: 'uniform',
    bin_count: 10,
    outcome: { label: 'is_fraud', positive: '1', score: 'score' },
    by: [],
    reference: curve(0),
  };
}
