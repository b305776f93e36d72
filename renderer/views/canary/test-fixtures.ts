import { DEFAULT_GUARDRAILS } from '../../../shared/analyses/canary/canary-guardrails.ts';
import type {
  CanaryCheck,
  CanaryJudgement,
  CanaryMetric,
  CanaryResult,
  CanarySegment,
  CanaryWindow,
} from '../../../shared/analyses/canary/canary-result.ts';
import type { SchemaColumn } from '../../../shared/schema/dataset-schema.ts';
import type { OpenDataset } from '../../store/datasets-slice.ts';
import { fraudColumns, openLog, schemaColumn } from '../performance/test-fixtures.ts';

/** A model-version column holding `versions` (as a summary lists them: most frequent first). */
export const modelColumn = (...versions: string[]): SchemaColumn =>
  schemaColumn('model_version', {
    role: 'model',
    distinct: versions.length,
    topValues: versions.map((value, i) => ({ value, count: 100 - i })),
  });

/**
 * The samples' canary log in small, opened as the log: v1 and v2 of the model in one log, a
 * time, region and card_type (3 values) to segment by, txn_count_24h with too many values to segment by.
 */
export const canaryLog = (): OpenDataset =>
  openLog('log', [
    ...fraudColumns(),
    schemaColumn('card_type', { distinct: 3 }),
    schemaColumn('txn_count_24h', { distinct: 40 }),
    schemaColumn('amount', { kind: 'numeric', type: 'DOUBLE', distinct: 900 }),
    modelColumn('v2', 'v1'),
  ]);

/** The `all` segment: every row. */
export const allRows: CanarySegment = { name: 'all', column: null, value: null, predicates: [] };

/** The segment `column = value`. */
export const segment = (column: string, value: string): CanarySegment => ({
  name: `${column} = ${value}`,
  column,
  value,
  predicates: [{ column, op: '=', value }],
});

const tolerances: Record<CanaryMetric, number> = {
  recall: DEFAULT_GUARDRAILS.tolerances.proportion_relative,
  precision: DEFAULT_GUARDRAILS.tolerances.proportion_relative,
  accuracy: DEFAULT_GUARDRAILS.tolerances.proportion_relative,
  success_rate: DEFAULT_GUARDRAILS.tolerances.proportion_relative,
  auc: DEFAULT_GUARDRAILS.tolerances.auc_absolute,
  latency_p99: DEFAULT_GUARDRAILS.tolerances.latency_p99_relative,
  latency_p99_ceiling: DEFAULT_GUARDRAILS.ceilings.latency_p99_ms_max,
  success_rate_floor: DEFAULT_GUARDRAILS.ceilings.success_rate_min,
};

/** What a hand-made check may set beyond its values. */
interface CheckOptions {
  /** The q of its test (p is half of it); 0.5 unless set. */
  q?: number;
  /** Too small to judge: not tested, passed null. */
  tooSmall?: boolean;
  /** Half the width of the relative delta's 95% interval; none for latency. */
  halfWidth?: number;
}

/**
 * A tested check of `metric` on `seg`, baseline against canary, judged as STATS.md says: it fails
 * when the degradation exceeds the default tolerance and q < 0.05.
 */
export function check(
  seg: CanarySegment,
  metric: CanaryMetric,
  baseline: number,
  canary: number,
  { q = 0.5, tooSmall = false, halfWidth = 0.05 }: CheckOptions = {},
): CanaryCheck {
  const ceiling = metric === 'latency_p99_ceiling' || metric === 'success_rate_floor';
  const latency = metric === 'latency_p99' || metric === 'latency_p99_ceiling';
  const delta = canary - baseline;
  const relative = delta / baseline;
  const tolerance = tolerances[metric];
  const degradation = ceiling
    ? metric === 'latency_p99_ceiling'
      ? canary - tolerance
      : tolerance - canary
    : metric === 'auc'
      ? -delta
      : latency
        ? relative
        : -relative;
  const exceeds = ceiling ? degradation > 0 : degradation > tolerance;
  const passed = tooSmall ? null : ceiling ? !exceeds : !(exceeds && q < 0.05);
  const tested = !ceiling && !tooSmall;
  return {
    metric,
    cohort: seg.column === null ? {} : { [seg.column]: seg.value },
    segment: seg,
    critical: DEFAULT_GUARDRAILS.critical.includes(metric),
    too_small: tooSmall,
    counts: ceiling ? null : { baseline: [baseline * 100, 100], canary: [canary * 100, 100] },
    baseline: ceiling ? null : baseline,
    canary,
    delta: ceiling ? null : delta,
    relative_delta: ceiling ? null : relative,
    interval: ceiling || latency ? null : { low: relative - halfWidth, high: relative + halfWidth },
    degradation,
    tolerance,
    tolerance_kind: ceiling ? 'ceiling' : metric === 'auc' ? 'absolute' : 'relative',
    exceeds_tolerance: tooSmall ? null : exceeds,
    test: ceiling ? null : latency ? 'Mann-Whitney U' : 'two-proportion z',
    statistic: tested ? 2.1 : null,
    p: tested ? q / 2 : null,
    q: tested ? q : null,
    passed,
    reason: `${metric} on ${seg.name}: ${passed === null ? 'too small to judge' : passed ? 'passed' : 'failed'}`,
  };
}

/** Verdict and score of checks as STATS.md judges them (ceilings and too-small ones unscored). */
export function judge(checks: readonly CanaryCheck[]): CanaryJudgement {
  const scoredChecks = checks.filter((c) => c.passed !== null && c.tolerance_kind !== 'ceiling');
  const passed = scoredChecks.filter((c) => c.passed).length;
  const score = scoredChecks.length === 0 ? null : (100 * passed) / scoredChecks.length;
  const failed = checks.filter((c) => c.passed === false);
  const criticalFailed = failed.some((c) => c.critical);
  return {
    verdict:
      criticalFailed || (score ?? 100) < 75 ? 'FAIL' : (score ?? 100) < 95 ? 'MARGINAL' : 'PASS',
    score,
    scored: scoredChecks.length,
    passed,
    failing: [...failed.filter((c) => c.critical), ...failed.filter((c) => !c.critical)].map(
      (c) => c.reason,
    ),
  };
}

const prepaid = segment('card_type', 'prepaid');
const credit = segment('card_type', 'credit');
const tiny = segment('region', 'Tiny');

/** A day of the sample's canary: prepaid's recall fails on the first, too few rows on the second. */
function windowOf(window: string, prepaidRecall: CanaryCheck): CanaryWindow {
  const checks = [
    prepaidRecall,
    check(allRows, 'recall', 0.57, 0.69, { q: 0.01 }),
    check(allRows, 'precision', 0.92, 0.91),
  ];
  return { window, rows: { baseline: 3250, canary: 3250 }, checks, ...judge(checks) };
}

/**
 * The samples' canary in small: v2 against v1, split traffic; v2 is better overall (recall 0.57
 * → 0.69, AUC 0.86 → 0.98) but its recall on prepaid cards collapses (0.70 → 0.21, critical:
 * FAIL); p99 latency grows 10.4%, beyond its 10% tolerance but not significantly; region = Tiny
 * is too small to judge. Two daily windows.
 */
export function canaryFail(): CanaryResult {
  const checks = [
    check(prepaid, 'recall', 0.6957, 0.2143, { q: 0.002, halfWidth: 0.2 }),
    check(allRows, 'recall', 0.5721, 0.6916, { q: 0.001 }),
    check(allRows, 'precision', 0.92, 0.91),
    check(allRows, 'auc', 0.8614, 0.9759, { q: 1e-9, halfWidth: 0.02 }),
    check(allRows, 'latency_p99', 111.8, 123.44, { q: 0.2 }),
    check(allRows, 'latency_p99_ceiling', 111.8, 123.44),
    check(prepaid, 'precision', 0.9, 0.92),
    check(credit, 'recall', 0.55, 0.7, { q: 0.01 }),
    check(credit, 'precision', 0.93, 0.92),
    check(tiny, 'recall', 0.5, 0.25, { tooSmall: true }),
  ];
  const per_segment: CanaryResult['per_segment'] = {};
  for (const c of checks) {
    const entry = (per_segment[c.segment.name] ??= {
      scored: 0,
      passed: 0,
      failing: [],
      too_small: c.too_small,
    });
    if (c.passed === null || c.tolerance_kind === 'ceiling') continue;
    entry.scored++;
    if (c.passed) entry.passed++;
    else entry.failing.push(c.metric);
  }
  const edges = [0, 25, 50, 75, 100, 125, 150];
  return {
    ...judge(checks),
    design: 'split',
    design_reason: 'the two versions scored different rows (no id in both)',
    source: { kind: 'model_column', column: 'model_version', baseline: 'v1', canary: 'v2' },
    rows: { baseline: 6500, canary: 6500, joined: null },
    columns: {
      label: 'is_fraud',
      score: 'fraud_score',
      prediction: 'predicted_fraud',
      id: 'transaction_id',
      time: 'event_time',
      latency: 'latency_ms',
      success: null,
    },
    threshold: null,
    segments: ['card_type', 'region'],
    skipped: [{ metric: 'success_rate', reason: 'no success or status column' }],
    guardrails: DEFAULT_GUARDRAILS,
    population: {
      psi: 0.004,
      valid: true,
      columns: [
        { name: 'amount', kind: 'numeric', psi: 0.004, band: 'stable' },
        { name: 'card_type', kind: 'categorical', psi: 0.001, band: 'stable' },
      ],
      invalid_columns: [],
    },
    checks,
    per_segment,
    beside: {
      ece: { baseline: 0.012, canary: 0.034 },
      log_loss: { baseline: 0.081, canary: 0.062 },
      score_psi: 0.31,
      score_histogram: {
        edges: [
          0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8,
          0.9, 1,
        ],
        baseline: [5200, 700, 300, 200, 150, 100, 80, 60, 50, 40],
        canary: [5600, 500, 250, 150, 120, 90, 70, 60, 60, 50],
      },
    },
    latency: {
      edges,
      baseline: [100, 2400, 2600, 1100, 250, 40, 10],
      canary: [80, 2200, 2700, 1150, 300, 55, 15],
      quantiles: {
        baseline: { p50: 45, p95: 88, p99: 111.8 },
        canary: { p50: 47, p95: 95, p99: 123.44 },
      },
    },
    timeline: {
      column: 'event_time',
      unit: 'week',
      windows: [
        windowOf('2026-10-26', check(prepaid, 'recall', 0.7, 0.2, { q: 0.01 })),
        windowOf('2026-11-02', check(prepaid, 'recall', 0.68, 0.3, { tooSmall: true })),
      ],
    },
  };
}

/** The same comparison on two populations that differ: amount's PSI makes it INVALID. */
export function canaryInvalid(): CanaryResult {
  const result = canaryFail();
  return {
    ...result,
    verdict: 'INVALID',
    population: {
      psi: 0.41,
      valid: false,
      columns: [
        { name: 'amount', kind: 'numeric', psi: 0.41, band: 'significant' },
        { name: 'region', kind: 'categorical', psi: 0.23, band: 'significant' },
        { name: 'card_type', kind: 'categorical', psi: 0.001, band: 'stable' },
      ],
      invalid_columns: ['amount', 'region'],
    },
  };
}
