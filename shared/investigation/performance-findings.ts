// Findings from the performance analyses: the overall primary metric against the reference, and
// the worst cohorts against the same cohorts there (rules in findings.ts).
import { isSignificantDrop } from '../analyses/performance/performance-order.ts';
import type { MetricDelta, PerformanceCohort } from '../analyses/performance/performance-result.ts';
import type { AnyPerformanceResult } from '../analyses/performance/performance-task-result.ts';
import type { Predicate } from '../sql/predicate.ts';
import type { Finding, Severity } from './finding.ts';
import {
  countText,
  denominatorText,
  metricTitle,
  sharePredicate,
  pText,
  relativeText,
  valuePair,
  whoText,
  type PositiveWords,
} from './finding-words.ts';
import type { Investigation } from './investigation.ts';

/** Cohort findings named at most. */
export const MAX_COHORT_FINDINGS = 5;

/** The primary metric of a log, which way is better, and its positives in words. */
export interface Primary {
  metric: string;
  higherIsBetter: boolean;
  words: PositiveWords | null;
}

/** A group's metrics; binary and multiclass ones hold their proportions under `intervals`. */
type CountedMetrics = object;

/** The k of n a group's metric is made of (binary: every proportion; multiclass: accuracy). */
export function countedOf(
  metrics: CountedMetrics,
  metric: string,
): { k: number; n: number } | null {
  const { intervals } = metrics as {
    intervals?: Partial<Record<string, { k: number; n: number }>>;
  };
  return intervals?.[metric] ?? null;
}

/** One metric of a delta, whatever the task's metric names. */
function metricDelta(
  delta: { metrics: object },
  metric: string,
): Pick<MetricDelta, 'baseline' | 'value' | 'p' | 'q'> | null {
  return (delta.metrics as Partial<Record<string, MetricDelta>>)[metric] ?? null;
}

/**
 * The primary metric over the windows from `since` on: the sum of their k over the sum of their
 * n, the same proportion the analysis counts per window (null without such windows or counts).
 */
export function sinceProportion(
  timeline: readonly { window: string; metrics: CountedMetrics }[] | undefined,
  since: string,
  metric: string,
): { k: number; n: number; value: number } | null {
  let k = 0;
  let n = 0;
  for (const w of timeline ?? []) {
    if (w.window < since) continue;
    const counted = countedOf(w.metrics, metric);
    if (counted === null) return null;
    k += counted.k;
    n += counted.n;
  }
  return n > 0 ? { k, n, value: k / n } : null;
}

/** What a drop is quoted as: the value since the onset when there is one, else over the log. */
interface Quoted {
  baseline: number;
  value: number;
  /** (value - baseline) / baseline, signed. */
  relative: number;
  /** How much worse, relatively (positive = worse), at most 1. */
  drop: number;
  since: string | null;
  /** The counts the value is made of, when known. */
  counted: { k: number; n: number } | null;
  p: number | null;
  q: number | null;
}

/** A group's primary metric against its baseline, as quoted. */
interface Judged {
  metrics: CountedMetrics;
  delta?: { metrics: object } | null;
  timeline?: readonly { window: string; metrics: CountedMetrics }[];
  since?: { window: string } | null;
}

function quoted(group: Judged, primary: Primary): Quoted | null {
  const m = group.delta ? metricDelta(group.delta, primary.metric) : null;
  const baseline = m?.baseline ?? null;
  const overall = m?.value ?? null;
  if (m === null || baseline === null || baseline === 0 || overall === null) return null;
  const since = group.since?.window ?? null;
  const fromSince = since === null ? null : sinceProportion(group.timeline, since, primary.metric);
  const value = fromSince?.value ?? overall;
  const relative = (value - baseline) / baseline;
  return {
    baseline,
    value,
    relative,
    drop: Math.min(1, primary.higherIsBetter ? -relative : relative),
    since: fromSince === null ? null : since,
    counted: fromSince ?? countedOf(group.metrics, primary.metric),
    p: m.p,
    q: m.q,
  };
}

function dropTitle(primary: Primary, q: Quoted, who: string | null): string {
  const [b, v] = valuePair(q.baseline, q.value);
  const moved = q.value < q.baseline ? 'fell' : 'rose';
  const since = q.since === null ? '' : ` since ${q.since}`;
  const count =
    q.counted === null ? '' : ` (${denominatorText(primary.metric, q.counted.n, primary.words)})`;
  return `${metricTitle(primary.metric)} ${moved} from ${b} to ${v} ${who === null ? 'overall' : `for ${who}`}${since}${count}`;
}

/**
 * The numbers behind a drop: "Recall 0.0531 (13 of 245) from 2026-09-21 on against 0.6337 in the
 * same cohort of the reference (-92%); over the whole current log 0.2280 (75 of 329),
 * two-proportion z-test p = 2.4e-14, q = 2.9e-13."
 */
function dropDetail(primary: Primary, q: Quoted, group: Judged, against: string): string {
  const ofCounts = (c: { k: number; n: number }) => `${countText(c.k)} of ${countText(c.n)}`;
  const counts = q.counted ? ` (${ofCounts(q.counted)})` : '';
  const from = q.since ? ` from ${q.since} on` : '';
  const overall = q.since === null ? null : countedOf(group.metrics, primary.metric);
  const whole =
    overall === null || overall.n === 0
      ? ''
      : `over the whole current log ${(overall.k / overall.n).toFixed(4)} (${ofCounts(overall)}), `;
  const test = `two-proportion z-test p ${pText(q.p)}${q.q !== q.p ? `, q ${pText(q.q)}` : ''}`;
  return `${metricTitle(primary.metric)} ${q.value.toFixed(4)}${counts}${from} against ${q.baseline.toFixed(4)} in ${against} (${relativeText(q.relative)}); ${whole}${test}.`;
}

function dropNumbers(primary: Primary, q: Quoted): Finding['numbers'] {
  return {
    metric: primary.metric,
    baseline: q.baseline,
    value: q.value,
    relative_change: q.relative,
    k: q.counted?.k ?? null,
    n: q.counted?.n ?? null,
    /** What n counts, in words: "245 frauds". */
    counted:
      q.counted === null ? null : denominatorText(primary.metric, q.counted.n, primary.words),
    p: q.p,
    q: q.q,
    since: q.since,
    magnitude: q.drop,
    /** Rows of n the model got wrong beyond its baseline rate: how many the drop cost. */
    excess_errors: q.counted === null ? null : Math.abs(q.value - q.baseline) * q.counted.n,
  };
}

/**
 * The overall primary metric, significantly worse than the reference's (q < 0.05): critical from
 * a 20% relative drop (since the onset when there is one), else high.
 */
export function performanceFinding(
  performance: AnyPerformanceResult | null,
  primary: Primary,
): Finding | null {
  const delta = performance?.overall.delta;
  if (!performance || !delta || delta.against !== 'reference' || delta.too_small) return null;
  if (!isSignificantDrop(performance.overall, primary.metric, primary.higherIsBetter)) return null;
  const group: Judged = {
    metrics: performance.overall.metrics,
    delta,
    ...(performance.timeline ? { timeline: performance.timeline } : {}),
    since: 'since' in performance ? performance.since : null,
  };
  const q = quoted(group, primary);
  if (q === null || q.drop <= 0) return null;
  return {
    id: 'performance',
    kind: 'performance',
    severity: q.drop >= 0.2 ? 'critical' : 'high',
    title: dropTitle(primary, q, null),
    detail: dropDetail(primary, q, group, 'the reference'),
    since: q.since,
    who: null,
    evidence: { view: 'timeline' },
    numbers: dropNumbers(primary, q),
  };
}

/** A cohort judged against the same cohort of the reference, significantly worse there. */
function droppedCohort(
  c: PerformanceCohort,
  primary: Primary,
): c is PerformanceCohort & {
  predicates: Predicate[];
} {
  return (
    c.predicates !== null &&
    !c.too_small &&
    c.delta?.against === 'reference' &&
    !c.delta.too_small &&
    isSignificantDrop(c, primary.metric, primary.higherIsBetter)
  );
}

function cohortSeverity(drop: number): Severity {
  if (drop >= 0.5) return 'critical';
  if (drop >= 0.2) return 'high';
  return 'medium';
}

/**
 * Whether `who` shares a predicate with a finding already made: a cohort coarser or finer than it
 * (region = APAC beside region = APAC AND device = android) or cut through it by another column
 * (region = APAC AND channel = phone), the same failure seen again.
 */
export function sharesWithNamed(who: readonly Predicate[], findings: readonly Finding[]): boolean {
  return findings.some((f) => f.who !== null && sharePredicate(who, f.who));
}

/**
 * The cohorts significantly worse than the same cohort in the reference, largest relative drop
 * first (since the onset when there is one); a cohort sharing a predicate with one already named
 * is the same failure seen again, and is not named. At most MAX_COHORT_FINDINGS.
 */
export function cohortFindings(cohorts: readonly PerformanceCohort[], primary: Primary): Finding[] {
  const candidates = cohorts
    .filter((c) => droppedCohort(c, primary))
    .flatMap((c) => {
      const q = quoted(c, primary);
      return q === null || q.drop <= 0 || c.predicates === null
        ? []
        : [{ c, q, who: c.predicates }];
    })
    .sort((a, b) => b.q.drop - a.q.drop);
  const out: Finding[] = [];
  for (const { c, q, who } of candidates) {
    if (out.length >= MAX_COHORT_FINDINGS) break;
    if (sharesWithNamed(who, out)) continue;
    out.push({
      id: `cohort:${whoText(who)}`,
      kind: 'cohort',
      severity: cohortSeverity(q.drop),
      title: dropTitle(primary, q, whoText(who)),
      detail: dropDetail(primary, q, c, 'the same cohort of the reference'),
      since: q.since,
      who,
      evidence: { view: 'cohorts', cohort: who },
      numbers: { ...dropNumbers(primary, q), rows: c.rows },
    });
  }
  return out;
}

/** The investigation's primary metric (recall unless performance judged another) and direction. */
export function primaryOf(investigation: Investigation, words: PositiveWords | null): Primary {
  const metric = investigation.performance?.primary_metric ?? 'recall';
  return { metric, higherIsBetter: higherIsBetter(metric), words };
}

/** Lower is better for the false-positive rate and MAE; higher for the other primary metrics. */
export const higherIsBetter = (metric: string): boolean => metric !== 'fpr' && metric !== 'mae';
