// The numeric half of runDrift: exact ECDF distances, then the quantile edges from order
// statistics, then each side's bin counts (STATS.md "Numeric drift").
import type { Table } from 'apache-arrow';
import { readColumns, type Cell } from '../../engine/arrow-columns.ts';
import type { Sql } from '../../sql/sql.ts';
import {
  DRIFT_BINS,
  edgePositions,
  linearQuantile,
  orderStatisticIndexes,
  quantileEdges,
} from '../../stats/quantile-edges.ts';
import {
  binCountsQuery,
  ecdfDistanceQuery,
  orderStatisticsQuery,
  readEcdfDistances,
  readOrderStatistics,
  type BinRequest,
  type EcdfDistances,
  type OrderStatisticsRequest,
  type RangeRequest,
} from './drift-numeric-queries.ts';
import { driftSides, type DriftSide } from './drift-source.ts';
import type { DriftSpec } from './drift-spec.ts';
import type { SideFacts } from './drift-summary-query.ts';

/** The per-side quantiles every numeric column reports (STATS.md "Also per side"). */
export const SUMMARY_QUANTILES = [
  ['p01', 0.01],
  ['p05', 0.05],
  ['p50', 0.5],
  ['p95', 0.95],
  ['p99', 0.99],
] as const;

/** What DuckDB measured of the numeric columns, by column index. */
export interface NumericMeasures {
  ecdf: Map<number, EcdfDistances>;
  /** Quantile-binned columns: their de-duplicated reference edges. */
  edges: Map<number, number[]>;
  /** Numeric columns with values on the reference but fewer distinct ones than bins. */
  binnedByValue: number[];
  /** binCountsQuery's results per side (empty when nothing was asked of that side). */
  binCounts: Record<DriftSide, Record<string, Cell[]>>;
  /** The numpy-linear quantile of a side's valid values; null when it has none. */
  quantile: (columnIndex: number, side: DriftSide, q: number) => number | null;
}

/**
 * Measures the spec's numeric columns in three to four queries, whatever their count; `step`
 * reports each phase as steps 1 to 3 of runDrift.
 */
export async function measureNumeric(
  run: (q: Sql) => Promise<Table>,
  spec: DriftSpec,
  facts: readonly Record<DriftSide, SideFacts>[],
  step: (done: number, phase: string) => void,
): Promise<NumericMeasures> {
  const factsOf = (i: number) => {
    const f = facts[i];
    if (!f) throw new RangeError(`measureNumeric: no facts for column ${i}`);
    return f;
  };
  const numeric = spec.columns.flatMap((c, i) => (c.kind === 'numeric' ? [i] : []));
  const measurable = numeric.filter((i) => factsOf(i).reference.n > 0);

  step(1, 'comparing distributions');
  const ecdf =
    measurable.length > 0
      ? readEcdfDistances(await run(ecdfDistanceQuery(spec, measurable)))
      : new Map<number, EcdfDistances>();
  // Fewer distinct reference values than bins: the distinct values are the categories.
  const quantileMode = new Set(
    measurable.filter((i) => (ecdf.get(i)?.referenceDistinct ?? 0) >= DRIFT_BINS),
  );

  step(2, 'finding quantiles');
  const positions = (i: number, side: DriftSide) => [
    ...SUMMARY_QUANTILES.map(([, q]) => q),
    ...(side === 'reference' && quantileMode.has(i) ? edgePositions() : []),
  ];
  const requests: OrderStatisticsRequest[] = numeric.flatMap((i) =>
    driftSides
      .filter((side) => factsOf(i)[side].n > 0)
      .map((side) => ({
        columnIndex: i,
        side,
        indexes: orderStatisticIndexes(factsOf(i)[side].n, positions(i, side)),
      })),
  );
  const orderStatistics =
    requests.length > 0
      ? readOrderStatistics(await run(orderStatisticsQuery(spec, requests)))
      : new Map<string, Map<number, number>>();
  const fetched = (i: number, side: DriftSide, index: number): number => {
    const v = orderStatistics.get(`${i}:${side}`)?.get(index);
    if (v === undefined) throw new RangeError(`runDrift: order statistic ${index} not fetched`);
    return v;
  };
  const quantile = (i: number, side: DriftSide, q: number): number | null => {
    const n = factsOf(i)[side].n;
    return n === 0 ? null : linearQuantile(n, q, (index) => fetched(i, side, index));
  };
  const edges = new Map<number, number[]>();
  for (const i of quantileMode) {
    edges.set(
      i,
      quantileEdges(factsOf(i).reference.n, (index) => fetched(i, 'reference', index)),
    );
  }

  step(3, 'counting bins');
  const bins: BinRequest[] = [...edges].map(([columnIndex, e]) => ({ columnIndex, edges: e }));
  const ranges: RangeRequest[] = measurable.flatMap((i) => {
    const { min, max } = factsOf(i).reference;
    return factsOf(i).current.n > 0 && min !== null && max !== null
      ? [{ columnIndex: i, min, max }]
      : [];
  });
  const binCounts: NumericMeasures['binCounts'] = { reference: {}, current: {} };
  if (bins.length > 0) {
    binCounts.reference = readColumns(await run(binCountsQuery(spec, 'reference', bins, [])));
  }
  if (bins.length > 0 || ranges.length > 0) {
    binCounts.current = readColumns(await run(binCountsQuery(spec, 'current', bins, ranges)));
  }
  return {
    ecdf,
    edges,
    binnedByValue: measurable.filter((i) => !quantileMode.has(i)),
    binCounts,
    quantile,
  };
}
