// The checks of one comparison from DuckDB's per-group sums (STATS.md "Comparing two models or
// windows"): per segment recall, precision, accuracy, AUC, success rate and p99 latency with their
// tests (unpaired, or paired for a shadow comparison), BH within the comparison, pass or fail
// against the guardrails' tolerances, then the canary's ceilings on all rows.
import { aucFromRankSum } from '../../stats/auc.ts';
import { isTooSmall, MIN_JUDGED_ROWS } from '../../stats/binary-metrics.ts';
import { aucDifferenceTest } from '../../stats/hanley-mcneil.ts';
import { mannWhitneyAsymptotic, type MannWhitneyInputs } from '../../stats/mann-whitney.ts';
import { mcnemar } from '../../stats/mcnemar.ts';
import { benjaminiHochberg, isSignificant } from '../../stats/multiple-testing.ts';
import { newcombeDifference } from '../../stats/newcombe.ts';
import { wilcoxonSignedRank, type WilcoxonInputs } from '../../stats/wilcoxon.ts';
import { Z95 } from '../../stats/wilson.ts';
import { twoProportionZTest } from '../../stats/z-test.ts';
import type { CanaryGuardrails } from './canary-guardrails.ts';
import type {
  CanaryCheck,
  CanaryDesign,
  CanarySegment,
  PairedTable,
  TestedMetric,
  WilcoxonSummary,
} from './canary-result.ts';
import { checkReason } from './canary-words.ts';

/** One side's sums over a group's rows (canary-queries.ts countsQuery and the AUC rank sums). */
export interface SideSums {
  rows: number;
  /** Rows with a label and a prediction. */
  n: number;
  positives: number;
  predicted: number;
  tp: number;
  correct: number;
  okN: number;
  okK: number;
  latN: number;
  /** The smallest latency; null without values. */
  latMin: number | null;
  /** p50, p95, p99 of latency; null without values. */
  latency: [number, number, number] | null;
  scored: number;
  scoredPositives: number;
  positiveRankSum: number;
  logLossSum: number;
}

export const noSums: SideSums = {
  rows: 0,
  n: 0,
  positives: 0,
  predicted: 0,
  tp: 0,
  correct: 0,
  okN: 0,
  okK: 0,
  latN: 0,
  latMin: null,
  latency: null,
  scored: 0,
  scoredPositives: 0,
  positiveRankSum: 0,
  logLossSum: 0,
};

/** A shadow group's paired sums. */
export interface PairedSums {
  accuracy: PairedTable;
  recall: PairedTable;
  success: PairedTable;
  /** Per-row differences (latency, or the absolute error when read so), for Wilcoxon. */
  differences: WilcoxonInputs & { pairs: number; zeros: number };
}

/** Everything one segment's checks are made of. */
export interface GroupSums {
  segment: CanarySegment;
  baseline: SideSums;
  canary: SideSums;
  /** Pooled latency ranks (split design). */
  latencyRanks: MannWhitneyInputs | null;
  paired: PairedSums | null;
}

/** What the comparison can check. */
export interface CheckContext {
  design: CanaryDesign;
  guardrails: CanaryGuardrails;
  /** What the model checks judge: a binary outcome (four checks), a multiclass one (accuracy). */
  outcome: 'binary' | 'multiclass' | null;
  latency: boolean;
  success: boolean;
}

const proportionTests = {
  z: 'two-proportion z (pooled)',
  mcnemar: 'McNemar (no continuity correction)',
  auc: 'Hanley-McNeil z',
  mannWhitney: 'Mann-Whitney U (asymptotic, U of the baseline)',
  wilcoxon: 'Wilcoxon signed-rank (paired latency)',
} as const;

/**
 * STATS.md's "too small to judge", on either side: binary, fewer than 30 judged rows or 5 of a
 * class; multiclass, fewer than 30 judged rows; without an outcome, fewer than 30 rows.
 */
function tooSmall(g: GroupSums, outcome: CheckContext['outcome']): boolean {
  return [g.baseline, g.canary].some((s) =>
    outcome === 'binary'
      ? isTooSmall({ n: s.n, positives: s.positives })
      : (outcome === 'multiclass' ? s.n : s.rows) < MIN_JUDGED_ROWS,
  );
}

/** A check before the multiple-testing step: q and passed are filled in by finishChecks. */
type Draft = Omit<CanaryCheck, 'reason'>;

function draft(
  g: GroupSums,
  metric: TestedMetric,
  ctx: CheckContext,
  small: boolean,
  values: {
    counts: CanaryCheck['counts'];
    baseline: number | null;
    canary: number | null;
    interval: { low: number; high: number } | null;
    test: string | null;
    statistic: number | null;
    p: number | null;
  },
): Draft {
  const { baseline, canary } = values;
  const delta = baseline === null || canary === null ? null : canary - baseline;
  const relative = delta === null || !baseline ? null : delta / baseline;
  const { tolerances } = ctx.guardrails;
  const [tolerance, kind, degradation] =
    metric === 'auc'
      ? ([tolerances.auc_absolute, 'absolute', delta === null ? null : -delta] as const)
      : metric === 'latency_p99'
        ? ([tolerances.latency_p99_relative, 'relative', relative] as const)
        : ([
            tolerances.proportion_relative,
            'relative',
            relative === null ? null : -relative,
          ] as const);
  return {
    metric,
    cohort: g.segment.column === null ? {} : { [g.segment.column]: g.segment.value },
    segment: g.segment,
    critical: ctx.guardrails.critical.includes(metric),
    too_small: small,
    counts: values.counts,
    baseline,
    canary,
    delta,
    relative_delta: relative,
    interval: values.interval,
    degradation,
    tolerance,
    tolerance_kind: kind,
    exceeds_tolerance: degradation === null ? null : degradation > tolerance,
    test: values.test,
    statistic: values.statistic,
    p: values.p,
    q: null,
    passed: null,
  };
}

/** The relative interval of a delta interval: divided by the baseline (held fixed). */
const relativeInterval = (
  d: { low: number; high: number } | null,
  baseline: number | null,
): { low: number; high: number } | null =>
  d === null || !baseline ? null : { low: d.low / baseline, high: d.high / baseline };

/** A proportion check: unpaired z, or McNemar on the paired table. */
function proportionCheck(
  g: GroupSums,
  metric: 'recall' | 'precision' | 'accuracy' | 'success_rate',
  ctx: CheckContext,
  small: boolean,
  count: (s: SideSums) => [k: number, n: number],
  paired: PairedTable | null,
): Draft {
  const [kb, nb] = count(g.baseline);
  const [kc, nc] = count(g.canary);
  const baseline = nb > 0 ? kb / nb : null;
  const canary = nc > 0 ? kc / nc : null;
  const interval = relativeInterval(newcombeDifference(kb, nb, kc, nc), baseline);
  const counts = { baseline: [kb, nb], canary: [kc, nc] };
  if (paired !== null) {
    const m = mcnemar(paired.baseline_only_correct, paired.canary_only_correct);
    const check = draft(g, metric, ctx, small, {
      counts,
      baseline,
      canary,
      interval,
      test: proportionTests.mcnemar,
      statistic: m.statistic,
      p: m.p,
    });
    return { ...check, paired };
  }
  const z = baseline !== null && canary !== null ? twoProportionZTest(kb, nb, kc, nc) : null;
  return draft(g, metric, ctx, small, {
    counts,
    baseline,
    canary,
    interval,
    test: z === null ? null : proportionTests.z,
    statistic: z?.z ?? null,
    p: z?.p ?? null,
  });
}

function aucCheck(g: GroupSums, ctx: CheckContext, small: boolean): Draft {
  const sample = (s: SideSums) => ({
    auc: aucFromRankSum({
      positives: s.scoredPositives,
      negatives: s.scored - s.scoredPositives,
      positiveRankSum: s.positiveRankSum,
    }),
    nPositives: s.scoredPositives,
    nNegatives: s.scored - s.scoredPositives,
  });
  const b = sample(g.baseline);
  const c = sample(g.canary);
  const t = aucDifferenceTest(b, c);
  const halfWidth =
    t.seBaseline === null || t.seCanary === null
      ? null
      : Z95 * Math.hypot(t.seBaseline, t.seCanary);
  const interval =
    t.delta === null || halfWidth === null
      ? null
      : relativeInterval({ low: t.delta - halfWidth, high: t.delta + halfWidth }, b.auc);
  const check = draft(g, 'auc', ctx, small, {
    counts: { baseline: [b.nPositives, b.nNegatives], canary: [c.nPositives, c.nNegatives] },
    baseline: b.auc,
    canary: c.auc,
    interval,
    test: b.auc === null || c.auc === null ? null : proportionTests.auc,
    statistic: t.z,
    p: t.p,
  });
  return { ...check, se: { baseline: t.seBaseline, canary: t.seCanary } };
}

export function wilcoxonSummary(
  w: WilcoxonInputs & { pairs: number; zeros: number },
): WilcoxonSummary {
  const r = wilcoxonSignedRank(w);
  return {
    n_pairs: w.pairs,
    zero_differences: w.zeros,
    n: w.n,
    r_plus: r.rPlus,
    r_minus: r.rMinus,
    z: r.z,
    p: r.p,
  };
}

function latencyCheck(g: GroupSums, ctx: CheckContext, small: boolean): Draft {
  const p99 = (s: SideSums) => s.latency?.[2] ?? null;
  const counts = { baseline: [g.baseline.latN], canary: [g.canary.latN] };
  const values = { counts, baseline: p99(g.baseline), canary: p99(g.canary), interval: null };
  if (g.paired !== null) {
    const w = wilcoxonSummary(g.paired.differences);
    const check = draft(g, 'latency_p99', ctx, small, {
      ...values,
      test: proportionTests.wilcoxon,
      statistic: w.r_plus === null || w.r_minus === null ? null : Math.min(w.r_plus, w.r_minus),
      p: w.p,
    });
    return { ...check, wilcoxon: w };
  }
  const mw = g.latencyRanks === null ? null : mannWhitneyAsymptotic(g.latencyRanks);
  return draft(g, 'latency_p99', ctx, small, {
    ...values,
    test: mw?.u == null ? null : proportionTests.mannWhitney,
    statistic: mw?.u ?? null,
    p: mw?.p ?? null,
  });
}

/** One segment's checks, in the order STATS.md lists them. */
export function segmentChecks(g: GroupSums, ctx: CheckContext): Draft[] {
  const small = tooSmall(g, ctx.outcome);
  const paired = ctx.design === 'shadow' ? g.paired : null;
  const out: Draft[] = [];
  const accuracy = () =>
    proportionCheck(g, 'accuracy', ctx, small, (s) => [s.correct, s.n], paired?.accuracy ?? null);
  if (ctx.outcome === 'binary') {
    out.push(
      proportionCheck(g, 'recall', ctx, small, (s) => [s.tp, s.positives], paired?.recall ?? null),
      proportionCheck(g, 'precision', ctx, small, (s) => [s.tp, s.predicted], null),
      accuracy(),
      aucCheck(g, ctx, small),
    );
  }
  if (ctx.outcome === 'multiclass') out.push(accuracy());
  if (ctx.success) {
    out.push(
      proportionCheck(
        g,
        'success_rate',
        ctx,
        small,
        (s) => [s.okK, s.okN],
        paired?.success ?? null,
      ),
    );
  }
  if (ctx.latency) out.push(latencyCheck({ ...g, paired }, ctx, small));
  return out;
}

/**
 * q by Benjamini–Hochberg over the tested checks (not too small, with a p and a degradation);
 * passed = not (beyond the tolerance and q < 0.05), null when too small or not judgeable.
 */
export function finishChecks(drafts: readonly Draft[]): CanaryCheck[] {
  const tested = drafts.map((d) => !d.too_small && d.p !== null && d.degradation !== null);
  const qs = benjaminiHochberg(drafts.map((d, i) => (tested[i] ? d.p : null)));
  return drafts.map((d, i) => {
    const q = tested[i] ? (qs[i] ?? null) : null;
    const passed =
      d.too_small || d.degradation === null
        ? null
        : !(d.exceeds_tolerance === true && q !== null && isSignificant(q));
    const check = { ...d, q, passed, reason: '' };
    return { ...check, reason: checkReason(check) };
  });
}

/** The canary's ceilings on all rows, from the overall checks (none without the columns). */
export function ceilingChecks(
  overall: readonly CanaryCheck[],
  guardrails: CanaryGuardrails,
): CanaryCheck[] {
  const limits = [
    [
      'latency_p99',
      'latency_p99_ceiling',
      guardrails.ceilings.latency_p99_ms_max,
      (v: number, l: number) => v <= l,
    ],
    [
      'success_rate',
      'success_rate_floor',
      guardrails.ceilings.success_rate_min,
      (v: number, l: number) => v >= l,
    ],
  ] as const;
  return limits.flatMap(([from, metric, limit, within]) => {
    const source = overall.find((c) => c.metric === from);
    if (source === undefined) return [];
    const value = source.canary;
    const check: CanaryCheck = {
      metric,
      cohort: {},
      segment: source.segment,
      critical: guardrails.critical.includes(metric),
      too_small: false,
      counts: null,
      baseline: null,
      canary: value,
      delta: null,
      relative_delta: null,
      interval: null,
      degradation: null,
      tolerance: limit,
      tolerance_kind: 'ceiling',
      exceeds_tolerance: value === null ? null : !within(value, limit),
      test: null,
      statistic: null,
      p: null,
      q: null,
      passed: value === null ? null : within(value, limit),
      reason: '',
    };
    return [{ ...check, reason: checkReason(check) }];
  });
}
