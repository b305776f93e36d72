// Multiclass performance per cohort and over time (STATS.md's multiclass paragraph): one scan per
// side counts each group's confusion cells; accuracy is compared with the two-proportion z-test
// and is the primary metric of the onset.
import type { Cell } from '../../engine/arrow-columns.ts';
import type { Engine, RunContext } from '../../engine/engine.ts';
import { ident, join, raw, sql, type Sql } from '../../sql/sql.ts';
import { MIN_JUDGED_ROWS } from '../../stats/binary-metrics.ts';
import { multiclassMetrics, type ConfusionCell } from '../../stats/multiclass-metrics.ts';
import { wilsonInterval } from '../../stats/wilson.ts';
import { twoProportionZTest } from '../../stats/z-test.ts';
import type { TaskRules } from './performance-assembly.ts';
import { applyDeltaSignificance, untested } from './performance-delta.ts';
import {
  groupFieldsSql,
  groupFlagsSql,
  groupingSetsSql,
  type Grouping,
} from './performance-groups.ts';
import { rankCohorts } from './performance-order.ts';
import { groupedScan, runTask } from './performance-runner.ts';
import type {
  MulticlassDeltaMetric,
  MulticlassGroup,
  MulticlassPerformanceResult,
  TaskDelta,
} from './performance-task-result.ts';
import type { LabelledSide, MulticlassPerformanceSpec } from './performance-task-spec.ts';
import { onsetCheck } from './performance-timeline.ts';

/** A group's rows and its confusion cells (labelled, predicted rows only). */
interface ClassCounts {
  rows: number;
  cells: ConfusionCell[];
}

const noClassCounts: ClassCounts = { rows: 0, cells: [] };

/**
 * One scan of a side: per group (performance-groups.ts) and per (true label `y`, predicted label
 * `yhat`), the rows `all_rows`; y and yhat are NULL for rows missing either (numbers as DOUBLE when
 * both columns are numeric, else text).
 */
export function multiclassCountsQuery(from: Sql, side: LabelledSide, grouping: Grouping): Sql {
  const label = ident(side.label);
  const prediction = ident(side.prediction);
  const as = (c: Sql) => (side.numeric ? sql`${c}::DOUBLE` : sql`${c}::VARCHAR`);
  const known = sql`${label} IS NOT NULL AND ${prediction} IS NOT NULL`;
  const fields = [
    ...groupFieldsSql(grouping),
    sql`CASE WHEN ${known} THEN ${as(label)} END AS y`,
    sql`CASE WHEN ${known} THEN ${as(prediction)} END AS yhat`,
  ];
  return sql`SELECT ${groupFlagsSql(grouping)}, y, yhat, count(*)::DOUBLE AS all_rows
    FROM (SELECT ${join(fields)} FROM ${from})
    GROUP BY ${groupingSetsSql(grouping, [raw('y'), raw('yhat')])}`;
}

const label = (v: Cell | undefined): string | number | null =>
  typeof v === 'number' || typeof v === 'string' ? v : null;

function addCell(c: ClassCounts, r: Record<string, Cell>): ClassCounts {
  const rows = typeof r.all_rows === 'number' ? r.all_rows : 0;
  const actual = label(r.y);
  const predicted = label(r.yhat);
  if (actual === null || predicted === null) return { rows: c.rows + rows, cells: c.cells };
  return { rows: c.rows + rows, cells: [...c.cells, { actual, predicted, count: rows }] };
}

const cellKey = (c: ConfusionCell) => JSON.stringify([c.actual, c.predicted]);

/** The cells of `a` less those of `b` (b's rows a subset of a's). */
function subtractCells(a: ClassCounts, b: ClassCounts): ClassCounts {
  const counts = new Map(a.cells.map((c) => [cellKey(c), { ...c }]));
  for (const c of b.cells) {
    const cell = counts.get(cellKey(c));
    if (cell) cell.count -= c.count;
  }
  return { rows: a.rows - b.rows, cells: [...counts.values()].filter((c) => c.count > 0) };
}

/** Correct rows of n. */
function accuracyCounts(c: ClassCounts): { k: number; n: number } {
  let k = 0;
  let n = 0;
  for (const cell of c.cells) {
    n += cell.count;
    if (cell.actual === cell.predicted) k += cell.count;
  }
  return { k, n };
}

function group(c: ClassCounts): MulticlassGroup {
  const { k, n } = accuracyCounts(c);
  return {
    rows: c.rows,
    n,
    metrics: {
      ...multiclassMetrics(c.cells),
      intervals: { accuracy: { ...wilsonInterval(k, n), k, n } },
    },
    too_small: n < MIN_JUDGED_ROWS,
  };
}

function delta(
  cur: ClassCounts,
  base: ClassCounts,
  against: 'reference' | 'rest',
): TaskDelta<MulticlassDeltaMetric> | null {
  const b = accuracyCounts(base);
  const c = accuracyCounts(cur);
  if (b.n === 0) return null;
  const t = twoProportionZTest(b.k, b.n, c.k, c.n);
  const bm = multiclassMetrics(base.cells);
  const cm = multiclassMetrics(cur.cells);
  return {
    against,
    n: b.n,
    too_small: b.n < MIN_JUDGED_ROWS || c.n < MIN_JUDGED_ROWS,
    metrics: {
      accuracy: {
        baseline: bm.accuracy,
        value: cm.accuracy,
        delta: t.delta,
        z: t.z,
        p: t.p,
        q: null,
      },
      macro_f1: untested(bm.macro_f1, cm.macro_f1),
      weighted_f1: untested(bm.weighted_f1, cm.weighted_f1),
    },
  };
}

const multiclassRules: TaskRules<ClassCounts, MulticlassGroup, TaskDelta<MulticlassDeltaMetric>> = {
  zero: noClassCounts,
  subtract: subtractCells,
  group,
  delta,
  significance: (deltas) => applyDeltaSignificance(deltas, ['accuracy']),
  onset: (window, baseline) => {
    const w = accuracyCounts(window);
    const b = baseline && accuracyCounts(baseline);
    const judged = b !== null && w.n >= MIN_JUDGED_ROWS && b.n >= MIN_JUDGED_ROWS;
    return onsetCheck('accuracy', w, b, judged);
  },
};

/**
 * Multiclass metrics overall and per cohort (labels = the sorted union of true and predicted,
 * per-class precision and recall, macro and weighted F1, the confusion matrix), accuracy against
 * the reference's cohort or the rest of the log, and over time with accuracy's onset.
 */
export async function runMulticlassPerformance(
  engine: Engine,
  spec: MulticlassPerformanceSpec,
  ctx: RunContext = {},
): Promise<MulticlassPerformanceResult> {
  const { table, common } = await runTask(
    engine,
    spec,
    groupedScan(multiclassCountsQuery, addCell, noClassCounts),
    multiclassRules,
    ctx,
  );
  return {
    task: 'multiclass',
    ...common,
    outcome: { label: spec.log.label, prediction: spec.log.prediction },
    primary_metric: 'accuracy',
    overall: table.overall,
    cohorts: rankCohorts(table.cohorts, 'accuracy', true),
    ...(table.timeline ? { timeline: table.timeline } : {}),
    ...(table.since !== undefined ? { since: table.since } : {}),
  };
}
