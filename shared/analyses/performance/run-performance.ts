import type { Engine, RunContext } from '../../engine/engine.ts';
import type { TaskRules } from './performance-assembly.ts';
import { applyDeltaSignificance, groupDelta } from './performance-delta.ts';
import { groupResult, higherIsBetter } from './performance-metrics.ts';
import { rankCohorts } from './performance-order.ts';
import {
  noCounts,
  performanceCountsQuery,
  readBinaryGroups,
  subtractCounts,
  type GroupCounts,
} from './performance-query.ts';
import type {
  PerformanceDelta,
  PerformanceGroup,
  PerformanceResult,
} from './performance-result.ts';
import { runTask } from './performance-runner.ts';
import {
  DEFAULT_PRIMARY_METRIC,
  type PerformanceSpec,
  type PrimaryMetric,
} from './performance-spec.ts';
import { binaryOnset } from './performance-timeline.ts';

/** How binary counts become rows, deltas and onset checks (STATS.md "Classification metrics"). */
const binaryRules = (
  primary: PrimaryMetric,
): TaskRules<GroupCounts, PerformanceGroup, PerformanceDelta> => ({
  zero: noCounts,
  subtract: subtractCounts,
  group: groupResult,
  delta: groupDelta,
  significance: applyDeltaSignificance,
  onset: (window, baseline) => binaryOnset(primary, window, baseline),
});

/**
 * Binary metrics overall and per cohort (STATS.md "Classification metrics (binary), per cohort"),
 * each against the same cohort of the reference or, without one, the rest of the log; with a time
 * column, per window too, with each cohort's onset. One scan per table (plus two small queries
 * for numeric cohort columns' edges, and one for the time span): JS receives per-group counts.
 */
export async function runPerformance(
  engine: Engine,
  spec: PerformanceSpec,
  ctx: RunContext = {},
): Promise<PerformanceResult> {
  const primary = spec.primary ?? DEFAULT_PRIMARY_METRIC;
  const { table, common } = await runTask(
    engine,
    spec,
    {
      query: (from, side, grouping) => performanceCountsQuery(from, side.outcome, grouping),
      read: readBinaryGroups,
      rowsOf: (c) => c.rows,
    },
    binaryRules(primary),
    ctx,
  );
  const { outcome } = spec.log;
  return {
    task: 'binary',
    ...common,
    outcome: { ...outcome, threshold: outcome.prediction === null ? outcome.threshold : null },
    primary_metric: primary,
    overall: table.overall,
    cohorts: rankCohorts(table.cohorts, primary, higherIsBetter[primary] ?? true),
    ...(table.timeline ? { timeline: table.timeline } : {}),
    ...(table.since !== undefined ? { since: table.since } : {}),
  };
}
