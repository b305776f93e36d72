// Hand-built Investigations for the report's tests: small, with numbers chosen by hand so a test
// can find each one in the model and the rendered text. `hostile` names a feature column.
import { DEFAULT_GUARDRAILS } from '../analyses/canary/canary-guardrails.ts';
import type { CanaryCheck, CanaryResult } from '../analyses/canary/canary-result.ts';
import type { ErrorsPage } from '../analyses/errors/errors-result.ts';
import type { SlicesResult } from '../analyses/slices/slices-result.ts';
import type { Finding, FindingsSummary } from '../investigation/finding.ts';
import type { Investigation } from '../investigation/investigation.ts';
import {
  calibration,
  cohort,
  driftColumn,
  performance,
} from './report-fixture-results.test-support.ts';
import type { ReportContext } from './report-model.ts';

function slices(hostile: string): SlicesResult {
  return {
    task: 'binary',
    error_measure: 'misclassification',
    n: 1000,
    mean_error: 0.05,
    alpha: 0.95,
    k: 10,
    max_level: 3,
    min_support: 10,
    slices: [
      {
        predicates: [{ column: hostile, op: '=', value: 'x|y' }],
        terms: [
          { column: hostile, value: 'x|y', bin: null, range: null, text: `${hostile} = x|y` },
        ],
        text: `${hostile} = 'x|y'`,
        level: 1,
        size: 120,
        error_sum: 30,
        error: 0.25,
        low: 0.18,
        high: 0.33,
        lift: 5,
        score: 1.2,
        reference: {
          size: 90,
          error: 0.04,
          low: 0.01,
          high: 0.1,
          p: 1e-6,
          q: 1e-5,
          history: 'broke',
        },
      },
    ],
    levels: [],
    columns: [],
    skipped_columns: [],
    reference_mean_error: 0.04,
    empty_reason: null,
  };
}

function errors(hostile: string): ErrorsPage {
  const row = (row: number, label: number, confidence: number, value: string) => ({
    row,
    label,
    predicted: 1 - label,
    confidence,
    error: null,
    values: { id: `tx_${row}`, amount: 1234.5, region: 'APAC', [hostile]: value, note: 'n' },
  });
  return {
    task: 'binary',
    total: 50,
    rows_in_scope: 1000,
    offset: 0,
    columns: [
      { name: 'id', kind: 'text', role: 'id' },
      { name: 'amount', kind: 'numeric', role: 'feature' },
      { name: 'region', kind: 'categorical', role: 'feature' },
      { name: hostile, kind: 'categorical', role: 'feature' },
    ],
    rows: [row(7, 1, 0.998, '<b>&"\'</b>'), row(9, 0, 0.97, 'a|b\nc')],
  };
}

function canaryCheck(): CanaryCheck {
  return {
    metric: 'recall',
    cohort: { card_type: 'prepaid' },
    segment: {
      name: 'card_type = prepaid',
      column: 'card_type',
      value: 'prepaid',
      predicates: [{ column: 'card_type', op: '=', value: 'prepaid' }],
    },
    critical: true,
    too_small: false,
    counts: { baseline: [40, 50], canary: [20, 50] },
    baseline: 0.8,
    canary: 0.4,
    delta: -0.4,
    relative_delta: -0.5,
    interval: { low: -0.7, high: -0.3 },
    degradation: 0.5,
    tolerance: 0.03,
    tolerance_kind: 'relative',
    exceeds_tolerance: true,
    test: 'two-proportion z',
    statistic: -4,
    p: 6e-5,
    q: 0.0004,
    passed: false,
    reason: 'card_type = prepaid: recall fell from 80.0% to 40.0%',
  };
}

function canary(): CanaryResult {
  const check = canaryCheck();
  const passing: CanaryCheck = {
    ...check,
    cohort: {},
    segment: { name: 'all', column: null, value: null, predicates: [] },
    canary: 0.82,
    delta: 0.02,
    relative_delta: 0.025,
    passed: true,
  };
  return {
    verdict: 'FAIL',
    score: 83.33333333333333,
    scored: 12,
    passed: 10,
    failing: [check.reason],
    design: 'split',
    design_reason: 'the two sides hold different ids',
    source: { kind: 'model_column', column: 'model_version', baseline: 'v1', canary: 'v2' },
    rows: { baseline: 500, canary: 480, joined: null },
    columns: {
      label: 'is_fraud',
      score: 'score',
      prediction: 'predicted',
      id: 'id',
      time: 'ts',
      latency: null,
      success: null,
    },
    threshold: null,
    segments: ['card_type'],
    skipped: [{ metric: 'latency_p99', reason: 'no latency column' }],
    guardrails: DEFAULT_GUARDRAILS,
    population: { psi: 0.012, valid: true, columns: [], invalid_columns: [] },
    checks: [check, passing],
    per_segment: {},
    beside: {
      ece: { baseline: 0.01, canary: 0.02 },
      log_loss: { baseline: 0.1, canary: 0.11 },
      score_psi: 0.03,
      score_histogram: null,
    },
    latency: null,
  };
}

/** A binary investigation where everything ran; `hostile` is one feature column's name. */
export function fullInvestigation(hostile = 'merchant name'): Investigation {
  return {
    current: { rows: 1000 },
    reference: { rows: 800 },
    drift: {
      reference: { rows: 800 },
      current: { rows: 1000 },
      columns: [
        driftColumn('region', 'categorical', 0.004),
        driftColumn('amount', 'numeric', 0.8512),
        driftColumn('merchant_category', 'categorical', 0.31, {
          new_categories: [{ value: 'crypto', count: 80, share: 0.08 }],
          since: '2026-09-28',
        }),
        driftColumn('channel', 'categorical', 0.02, {
          missing: {
            reference: 0.01,
            current: 0.2,
            shifted: true,
            delta: 0.19,
            z: 9,
            p: 1e-12,
            q: 1e-11,
            since: '2026-09-28',
          },
        }),
        driftColumn(hostile, 'categorical', 0.15),
      ],
      window: {
        column: 'ts',
        unit: 'week',
        requested: 'auto',
        span_days: 27,
        min_values: 30,
        rows_without_time: 0,
      },
    },
    performance: performance(),
    cohorts: [cohort('region', 'APAC', 0.41), cohort(hostile, 'x|y', 0.55)],
    pinned: [
      {
        pin: {
          kind: 'cohort',
          name: 'EU',
          predicates: [{ column: 'region', op: '=', value: 'EU' }],
        },
        performance: performance(),
        skipped: null,
      },
    ],
    calibration: calibration(),
    slices: slices(hostile),
    errors: errors(hostile),
    canary: canary(),
    skipped: [],
  };
}

/** Findings in rank order for fullInvestigation, and their summary. */
export function fullFindings(): { findings: Finding[]; summary: FindingsSummary } {
  const finding = (
    id: string,
    kind: Finding['kind'],
    severity: Finding['severity'],
    title: string,
    since: string | null,
  ): Finding => ({
    id,
    kind,
    severity,
    title,
    detail: `${title}: the evidence`,
    since,
    who: null,
    evidence: { view: 'drift', ...(kind === 'drift' ? { column: id.split(':')[1] ?? '' } : {}) },
    numbers: {},
  });
  const findings = [
    finding(
      'performance:recall',
      'performance',
      'critical',
      'Recall fell from 80.0% to 60.0%',
      '2026-10-05',
    ),
    finding('drift:amount', 'drift', 'high', 'amount drifted (PSI 0.85)', '2026-10-05'),
    finding(
      'drift:merchant_category',
      'drift',
      'medium',
      'merchant_category gained crypto',
      '2026-09-28',
    ),
  ];
  return {
    findings,
    summary: {
      status: 'failing',
      headline: 'Failing: Recall fell from 80.0% to 60.0% since 2026-10-05.',
      what: 'Recall fell by 20 points',
      who: 'All rows, worst in region = APAC',
      since: '2026-10-05',
      how_big: '20 points, 25% relative',
    },
  };
}

/** A report context with two inputs and the usual parameters. */
export function reportContext(extra: Partial<ReportContext> = {}): ReportContext {
  return {
    title: 'Fraud model postmortem',
    generated_at: '2026-10-20T09:30:00.000Z',
    inputs: [
      {
        role: 'reference',
        name: 'training.parquet',
        path: 'data/training.parquet',
        sha256: 'ab'.repeat(32),
        rows: 800,
        format: 'parquet',
      },
      {
        role: 'current',
        name: 'production.csv',
        path: 'data/production.csv',
        sha256: 'cd'.repeat(32),
        rows: 1000,
        format: 'csv',
      },
    ],
    parameters: { where: null, threshold: 0.5, window: 'auto', guardrails: null },
    notes: 'Checked with the payments team.\n# not a heading\n- not a list <i>x</i>',
    pinned: [
      { kind: 'slice', name: '', predicates: [{ column: 'device', op: '=', value: 'ios' }] },
    ],
    version: '0.1.0',
    ...extra,
  };
}
