// Performance over time (CLI.md `faultline performance --window`): every metric per window of the
// log's time column, and the onset of a drop of the primary metric (STATS.md "Onset").
import type { Table } from 'apache-arrow';
import type { Sql } from '../../sql/sql.ts';
import { isTooSmall, proportionCounts } from '../../stats/binary-metrics.ts';
import { metricDrop } from '../../stats/metric-drop.ts';
import { cohortSource } from '../cohort-source.ts';
import {
  chooseWindow,
  onsetWindow,
  readTimeSpan,
  timeSpanQuery,
  type WindowUnit,
} from '../windows.ts';
import { higherIsBetter } from './performance-metrics.ts';
import type { GroupCounts } from './performance-query.ts';
import type { OnsetCheck, PerformanceSince, PerformanceWindowInfo } from './performance-result.ts';
import type { CohortSpec, PrimaryMetric } from './performance-spec.ts';

const DAY_MS = 86_400_000;

/** The window unit (auto: from the log's span) and how the timeline is cut, less its row counts. */
export async function windowPlan(
  run: (q: Sql) => Promise<Table>,
  spec: CohortSpec,
  time: string,
): Promise<Omit<PerformanceWindowInfo, 'rows_without_time'>> {
  const requested = spec.window ?? 'auto';
  const span = readTimeSpan(
    await run(timeSpanQuery(cohortSource(spec.log.table, spec.where), time)),
  );
  const unit: WindowUnit = requested === 'auto' ? chooseWindow(span) : requested;
  return {
    column: time,
    unit,
    requested,
    span_days: span === null ? null : (span.end - span.start) / DAY_MS,
  };
}

/**
 * A window's primary metric (k of n) against its baseline's: null without a baseline; `worse`
 * null when either is too small to judge (such a window neither starts nor breaks an onset).
 */
export function onsetCheck(
  metric: PrimaryMetric,
  window: { k: number; n: number },
  baseline: { k: number; n: number } | null,
  judged: boolean,
): OnsetCheck | null {
  if (baseline === null) return null;
  const drop = metricDrop(baseline, window, higherIsBetter[metric] ?? true);
  return {
    metric,
    value: window.n > 0 ? window.k / window.n : null,
    baseline: baseline.n > 0 ? baseline.k / baseline.n : null,
    delta: drop.delta,
    relative_delta: drop.relative_delta,
    p: drop.p,
    worse: judged ? drop.worse : null,
  };
}

/** A binary window's primary metric against its baseline (onsetCheck on their counts). */
export function binaryOnset(
  metric: PrimaryMetric,
  window: GroupCounts,
  baseline: GroupCounts | null,
): OnsetCheck | null {
  return onsetCheck(
    metric,
    proportionCounts(window)[metric],
    baseline && proportionCounts(baseline)[metric],
    baseline !== null && !isTooSmall(window) && !isTooSmall(baseline),
  );
}

/** A window of a group's timeline: the group's numbers there, and its primary metric's check. */
export type TimelineWindow<G> = G & { window: string; primary: OnsetCheck | null };

/**
 * A group's timeline over `windows` (every window of the log, in order; a window where the group
 * has no rows shows n = 0 and null metrics, never zeros) and its onset (STATS.md "Onset").
 */
export function groupTimeline<T, G>(
  windows: readonly string[],
  countsIn: (window: string) => T,
  baselineIn: (window: string) => T | null,
  group: (counts: T) => G,
  onset: (window: T, baseline: T | null) => OnsetCheck | null,
): { timeline: TimelineWindow<G>[]; since: PerformanceSince | null } {
  const timeline = windows.map((window) => {
    const counts = countsIn(window);
    return { window, ...group(counts), primary: onset(counts, baselineIn(window)) };
  });
  const since = onsetWindow(
    timeline.map((w) => ({ window: w.window, holds: w.primary?.worse ?? null })),
  );
  const metric = timeline.find((w) => w.window === since)?.primary?.metric;
  return { timeline, since: since === null || !metric ? null : { metric, window: since } };
}
