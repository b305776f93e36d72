import type { CohortValue } from '../../../shared/analyses/performance/performance-cohorts.ts';
import {
  applyDeltaSignificance,
  groupDelta,
} from '../../../shared/analyses/performance/performance-delta.ts';
import { groupResult } from '../../../shared/analyses/performance/performance-metrics.ts';
import type { GroupCounts } from '../../../shared/analyses/performance/performance-query.ts';
import type {
  OnsetCheck,
  PerformanceCohort,
  PerformanceResult,
  PerformanceWindow,
} from '../../../shared/analyses/performance/performance-result.ts';
import type { SchemaColumn } from '../../../shared/schema/dataset-schema.ts';
import type { DatasetSide, OpenDataset } from '../../store/datasets-slice.ts';
import { makeDataset } from '../../store/test-fixtures.ts';

/** A group's counts: `rows` labelled rows, `positives` of them positive, `tp` found. */
export function counts(rows: number, positives: number, tp: number, predicted = tp): GroupCounts {
  return {
    rows,
    n: rows,
    positives,
    predictedPositives: predicted,
    truePositives: tp,
    scored: rows,
    scoredPositives: positives,
    twiceRankSum: null,
    logLossSum: 0.2 * rows,
    brierSum: 0.05 * rows,
  };
}

/** A window of a timeline with its recall check against `baseline` (hand-set `worse`). */
export function week(window: string, c: GroupCounts, worse: boolean | null): PerformanceWindow {
  const group = groupResult(c);
  const primary: OnsetCheck = {
    metric: 'recall',
    value: group.metrics.recall,
    baseline: 0.7,
    delta: null,
    relative_delta: null,
    p: null,
    worse,
  };
  return { window, ...group, primary };
}

/** A cohort of `region` against its reference counts. */
export function regionCohort(
  value: CohortValue,
  log: GroupCounts,
  reference: GroupCounts | null,
  extra: Partial<PerformanceCohort> = {},
): PerformanceCohort {
  return {
    cohort: { region: value },
    predicates: [{ column: 'region', op: '=', value }],
    ...groupResult(log),
    delta: reference === null ? null : groupDelta(log, reference, 'reference'),
    ...extra,
  };
}

/**
 * A binary result by region against a reference: APAC's recall collapses (0.25 vs 0.70, since
 * 2026-09-21), EU holds (0.70 vs 0.68), Tiny has too few rows to judge, Mars is absent from the
 * reference. Weekly timelines for the whole log and APAC.
 */
export function regionResult(): PerformanceResult {
  const apacWeeks = [
    week('2026-09-07', counts(100, 10, 7), false),
    week('2026-09-14', counts(100, 10, 7), false),
    week('2026-09-21', counts(100, 10, 2), true),
    week('2026-09-28', counts(100, 10, 1), true),
  ];
  const cohorts = [
    regionCohort('EU', counts(500, 50, 35), counts(500, 50, 34)),
    regionCohort('APAC', counts(400, 40, 10, 30), counts(400, 40, 28), {
      timeline: apacWeeks,
      since: { metric: 'recall', window: '2026-09-21' },
    }),
    regionCohort('Tiny', counts(12, 2, 1), counts(12, 2, 2)),
    regionCohort('Mars', counts(60, 10, 6), null),
  ];
  applyDeltaSignificance(cohorts.map((c) => c.delta));
  const overallCounts = counts(972, 102, 52);
  const overallDelta = groupDelta(overallCounts, counts(972, 102, 64), 'reference');
  if (overallDelta !== null) applyDeltaSignificance([overallDelta]);
  return {
    task: 'binary',
    log: { rows: 972 },
    reference: { rows: 972 },
    outcome: {
      label: 'is_fraud',
      positive: '1',
      prediction: 'predicted_fraud',
      score: null,
      threshold: null,
    },
    by: [{ name: 'region', mode: 'value', edges: null }],
    primary_metric: 'recall',
    overall: { ...groupResult(overallCounts), ...(overallDelta ? { delta: overallDelta } : {}) },
    cohorts,
    window: {
      column: 'event_time',
      unit: 'week',
      requested: 'auto',
      span_days: 27,
      rows_without_time: 0,
    },
    timeline: [
      week('2026-09-07', counts(250, 25, 17), false),
      week('2026-09-14', counts(250, 25, 17), false),
      week('2026-09-21', counts(250, 25, 12), true),
      week('2026-09-28', counts(222, 27, 6), true),
    ],
    since: { metric: 'recall', window: '2026-09-21' },
  };
}

/** A schema column with only what a test sets. */
export function schemaColumn(name: string, fields: Partial<SchemaColumn> = {}): SchemaColumn {
  return {
    name,
    type: 'VARCHAR',
    kind: 'categorical',
    kindReason: '',
    role: 'feature',
    roleReason: '',
    scoresClass: null,
    nulls: 0,
    nullRate: 0,
    distinct: 4,
    invalid: 0,
    min: null,
    max: null,
    topValues: null,
    ...fields,
  };
}

/** The samples' model columns: a time, a region, the label and the predicted label. */
export const fraudColumns = (): SchemaColumn[] => [
  schemaColumn('event_time', { kind: 'datetime', role: 'time', type: 'TIMESTAMP' }),
  schemaColumn('region'),
  schemaColumn('is_fraud', { role: 'label', distinct: 2 }),
  schemaColumn('predicted_fraud', { role: 'prediction', distinct: 2 }),
];

/** A binary log opened on `side` (table `t_<side>`), with `columns`. */
export function openLog(side: DatasetSide, columns: SchemaColumn[] = fraudColumns()): OpenDataset {
  const dataset = makeDataset(side, [], side);
  return {
    ...dataset,
    schema: {
      ...dataset.schema,
      columns,
      task: 'binary',
      label: { positive: '1', negative: '0', reason: '' },
    },
  };
}
