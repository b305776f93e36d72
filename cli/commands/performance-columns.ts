// Which numbers each task's readable tables show: the columns of the cohort table and of the
// timeline, per task, as cells computed from one row of the result.
import type { MetricDelta } from '../../shared/analyses/performance/performance-result.ts';
import type { AnyPerformanceResult } from '../../shared/analyses/performance/performance-task-result.ts';
import type { CountedProportion } from '../../shared/stats/binary-metrics.ts';
import { formatPValue } from '../../shared/text/p-value.ts';

export type { AnyPerformanceResult };

/** A row as the tables read it: counts, metrics by name, and its comparison. */
export interface TableRow {
  rows: number;
  n: number;
  too_small: boolean;
  metrics: object;
  delta?: {
    against: 'reference' | 'rest';
    too_small: boolean;
    metrics: Record<string, MetricDelta>;
  } | null;
}

export interface Column {
  header: string;
  cell: (row: TableRow) => string;
  /** Right-aligned (numbers). */
  numeric: boolean;
}

export const count = new Intl.NumberFormat('en-US');
export const fixed = (x: number | null | undefined, digits = 3): string =>
  x === null || x === undefined ? '-' : x.toFixed(digits);
export const signed = (x: number | null | undefined): string =>
  x === null || x === undefined
    ? '-'
    : `${x > 0 ? '+' : x < 0 ? '-' : '±'}${Math.abs(x).toFixed(3)}`;

const metric = (row: TableRow, name: string): number | null => {
  const v: unknown = (row.metrics as Record<string, unknown>)[name];
  return typeof v === 'number' ? v : null;
};

const interval = (row: TableRow, name: string): CountedProportion | null =>
  (row.metrics as { intervals?: Record<string, CountedProportion> }).intervals?.[name] ?? null;

/** A proportion with its interval: `0.228 [0.192, 0.268]`. */
export function withInterval(row: TableRow, name: string): string {
  const i = interval(row, name);
  return i === null || i.value === null
    ? '-'
    : `${fixed(i.value)} [${fixed(i.low)}, ${fixed(i.high)}]`;
}

const plain = (header: string, name: string, digits = 3): Column => ({
  header,
  cell: (r) => fixed(metric(r, name), digits),
  numeric: true,
});
const withCi = (name: string): Column => ({
  header: `${name} [95% CI]`,
  cell: (r) => withInterval(r, name),
  numeric: true,
});
const change = (name: string, label = name): Column[] => [
  { header: `Δ ${label}`, cell: (r) => signed(r.delta?.metrics[name]?.delta), numeric: true },
  {
    header: 'q',
    cell: (r) => {
      const q = r.delta?.metrics[name]?.q ?? null;
      return q === null ? '-' : formatPValue(q);
    },
    numeric: true,
  },
];
const n: Column = { header: 'n', cell: (r) => count.format(r.n), numeric: true };

/** The cohort table's metric columns (after the cohort names, before since and note). */
export function cohortColumns(result: AnyPerformanceResult): Column[] {
  if (result.task === 'multiclass') {
    return [
      n,
      withCi('accuracy'),
      plain('macro F1', 'macro_f1'),
      plain('weighted F1', 'weighted_f1'),
      ...change('accuracy'),
    ];
  }
  if (result.task === 'regression') {
    return [
      n,
      plain('MAE', 'mae'),
      plain('RMSE', 'rmse'),
      plain('bias', 'mean_error'),
      plain('R²', 'r2'),
      { header: 'Δ MAE', cell: (r) => signed(r.delta?.metrics.mae?.delta), numeric: true },
    ];
  }
  const primary = result.primary_metric;
  return [
    n,
    withCi(primary),
    ...(primary === 'precision' ? [] : [plain('precision', 'precision')]),
    plain('AUC', 'auc'),
    ...change(primary),
  ];
}

/** The timeline's metric columns (after window, rows and labelled rows). */
export function timelineColumns(result: AnyPerformanceResult): Column[] {
  if (result.task === 'multiclass') return [withCi('accuracy'), plain('macro F1', 'macro_f1')];
  if (result.task === 'regression') {
    return [plain('MAE', 'mae'), plain('RMSE', 'rmse'), plain('bias', 'mean_error')];
  }
  return [withCi(result.primary_metric), plain('base rate', 'base_rate'), plain('AUC', 'auc')];
}
