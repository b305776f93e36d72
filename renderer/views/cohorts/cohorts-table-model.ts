import type { PerformanceSince } from '../../../shared/analyses/performance/performance-result.ts';
import {
  degradation,
  isSignificantDrop,
} from '../../../shared/analyses/performance/performance-order.ts';
import type { CountedProportion } from '../../../shared/stats/binary-metrics.ts';
import { isSignificant } from '../../../shared/stats/multiple-testing.ts';
import {
  nextTableSort,
  sortTableRows,
  type RowOrder,
  type TableSort,
} from '../../app/table-sort.ts';
import { compareCohorts } from '../performance/cohort-order.ts';
import { cohortKey, cohortValueText, cohortWords } from '../performance/cohort-words.ts';
import type { MetricInfo } from '../performance/performance-metrics.ts';
import {
  metricDelta,
  metricInterval,
  metricValue,
  unjudgedReason,
  type CohortRow,
  type PerformanceTable,
} from '../performance/performance-rows.ts';

/** One cohort as the table, the chart and the summary show it, for one metric. */
export interface CohortLine {
  key: string;
  row: CohortRow;
  /** The cohort's value per cohort column, for the table's first columns. */
  values: string[];
  /** "region = APAC and device = android". */
  words: string;
  value: number | null;
  interval: CountedProportion | null;
  /** The same cohort in the reference, or the rest of the log. */
  baseline: number | null;
  delta: number | null;
  q: number | null;
  /** How much worse than its baseline (positive = worse); by size for metrics without a side. */
  change: number | null;
  /** Why it is not judged ("too small to judge"); null when it is. */
  unjudged: string | null;
  /** A significant drop (q < 0.05, worse): never for an unjudged cohort. */
  drop: boolean;
  since: PerformanceSince | null;
  /** Position in the ranking: most degraded first. */
  rank: number;
  /** Position in reading order: by value, numeric bins from the lowest (compareCohorts). */
  order: number;
}

/** A cohort's change of `metric` against its baseline; size alone for metrics without a side. */
function changeOf(row: CohortRow, metric: MetricInfo): number | null {
  const worse = degradation(row, metric.name, metric.higherIsBetter ?? true);
  if (worse === null) return null;
  return metric.higherIsBetter === null ? Math.abs(worse) : worse;
}

/**
 * Every cohort of the table for one metric, ranked as the analysis ranks by its primary metric
 * (performance-order.ts): significant drops (or, for a metric without a good side, significant
 * changes) largest first, then the other judged cohorts by their change, then the unjudged by size.
 */
export function cohortLines(table: PerformanceTable, metric: MetricInfo): CohortLine[] {
  const reading = [...table.cohorts].sort((a, b) => compareCohorts(table.by, a.cohort, b.cohort));
  const lines = table.cohorts.map((row): Omit<CohortLine, 'rank'> => {
    const change = metricDelta(row, metric.name);
    const unjudged = unjudgedReason(row);
    const q = change?.q ?? null;
    return {
      key: cohortKey(table.by, row.cohort),
      row,
      values: table.by.map((b) => cohortValueText(row.cohort[b.name])),
      words: cohortWords(table.by, row.cohort),
      value: metricValue(row, metric.name),
      interval: metricInterval(row, metric.name),
      baseline: change?.baseline ?? null,
      delta: change?.delta ?? null,
      q,
      change: unjudged === null ? changeOf(row, metric) : null,
      unjudged,
      drop:
        unjudged === null &&
        metric.higherIsBetter !== null &&
        isSignificantDrop(row, metric.name, metric.higherIsBetter),
      since: row.since ?? null,
      order: reading.indexOf(row),
    };
  });
  const tier = (l: Omit<CohortLine, 'rank'>) => {
    if (l.change === null) return 2;
    const flagged = metric.higherIsBetter === null ? isSignificant(l.q) === true : l.drop;
    return flagged ? 0 : 1;
  };
  return lines
    .sort((a, b) => tier(a) - tier(b) || (b.change ?? 0) - (a.change ?? 0) || b.row.n - a.row.n)
    .map((l, rank) => ({ ...l, rank }));
}

/** What the table can be sorted by; `rank` is cohortLines' order (most degraded first). */
export type CohortSortKey = 'rank' | 'cohort' | 'n' | 'value' | 'delta' | 'q';

export type CohortSort = TableSort<CohortSortKey>;

export const defaultCohortSort: CohortSort = { key: 'rank', descending: false };

/** A click on a header: the same key flips the direction, a new key starts at its natural one. */
export const nextCohortSort = (sort: CohortSort, key: CohortSortKey): CohortSort =>
  nextTableSort(sort, key, (k) => k === 'n');

const orders: Record<CohortSortKey, RowOrder<CohortLine>> = {
  rank: 'rank',
  cohort: { compare: (a, b) => a.order - b.order },
  n: { measure: (l) => l.row.n },
  value: { measure: (l) => l.value },
  delta: { measure: (l) => l.delta },
  q: { measure: (l) => l.q },
};

/**
 * The lines in the chosen order. Lines without the measure go last in either direction, and ties
 * keep the ranking.
 */
export function sortCohortLines(lines: readonly CohortLine[], sort: CohortSort): CohortLine[] {
  return sortTableRows(lines, sort, orders, (l) => l.rank);
}
