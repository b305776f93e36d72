// The numeric half of runDrift: exact ECDF distances, then the quantile edges from order
// statistics, then each side's bin counts (STATS.md "Numeric drift"), all from one grouped table
// of both sides' values (drift-cdf.ts).
import type { Table } from 'apache-arrow';
import type { Engine, QueryOptions } from '../../engine/engine.ts';
import type { Sql } from '../../sql/sql.ts';
import {
  DRIFT_BINS,
  edgePositions,
  linearQuantile,
  orderStatisticIndexes,
  quantileEdges,
} from '../../stats/quantile-edges.ts';
import { withCdfTable } from './drift-cdf.ts';
import {
  binCountsQuery,
  ecdfDistanceQuery,
  momentsQuery,
  orderStatisticsQuery,
  readBinCountRows,
  readEcdfDistances,
  readMoments,
  readOrderStatistics,
  type BinCounts,
  type BinRequest,
  type EcdfDistances,
  type OrderStatisticsRequest,
  type RangeRequest,
} from './drift-numeric-queries.ts';
import { driftSides, type DriftSide } from './drift-source.ts';
import type { DriftSpec } from './drift-spec.ts';
import type { Moments, SideFacts } from './drift-summary-query.ts';

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
  /** Each side's mean, standard deviation, min and max of the columns with values. */
  moments: Map<number, Record<DriftSide, Moments>>;
  ecdf: Map<number, EcdfDistances>;
  /** Quantile-binned columns: their de-duplicated reference edges. */
  edges: Map<number, number[]>;
  /** Numeric columns with values on the reference but fewer distinct ones than bins. */
  binnedByValue: number[];
  /** Both sides' bin counts of quantile-binned columns, and the current side's out-of-range counts. */
  binCounts: BinCounts;
  /** The numpy-linear quantile of a side's valid values; null when it has none. */
  quantile: (columnIndex: number, side: DriftSide, q: number) => number | null;
}

/**
 * Measures the spec's numeric columns in one pass over the sides (the grouped table) and four
 * small queries of it, whatever their count; `step` reports each phase as steps 1 to 3 of runDrift.
 */
export async function measureNumeric(
  engine: Engine,
  opts: QueryOptions,
  spec: DriftSpec,
  facts: readonly Record<DriftSide, SideFacts>[],
  step: (done: number, phase: string) => void,
): Promise<NumericMeasures> {
  const run = (q: Sql) => engine.query(q, opts);
  const factsOf = (i: number) => {
    const f = facts[i];
    if (!f) throw new RangeError(`measureNumeric: no facts for column ${i}`);
    return f;
  };
  const numeric = spec.columns.flatMap((c, i) => (c.kind === 'numeric' ? [i] : []));
  const measurable = numeric.filter((i) => factsOf(i).reference.n > 0);
  // Columns without a value on either side ask nothing of the table.
  const grouped = numeric.filter((i) => driftSides.some((side) => factsOf(i)[side].n > 0));
  step(1, 'comparing distributions');
  if (grouped.length === 0) {
    return {
      moments: new Map(),
      ecdf: new Map(),
      edges: new Map(),
      binnedByValue: [],
      binCounts: new Map(),
      quantile: () => null,
    };
  }
  return withCdfTable(engine, opts, spec, grouped, (cdf) =>
    measureFrom(cdf, run, grouped, measurable, numeric, factsOf, step),
  );
}

/** measureNumeric's queries of the grouped table `cdf`. */
async function measureFrom(
  cdf: Sql,
  run: (q: Sql) => Promise<Table>,
  grouped: readonly number[],
  measurable: readonly number[],
  numeric: readonly number[],
  factsOf: (i: number) => Record<DriftSide, SideFacts>,
  step: (done: number, phase: string) => void,
): Promise<NumericMeasures> {
  const moments = readMoments(await run(momentsQuery(cdf, grouped)));
  const ecdf =
    measurable.length > 0
      ? readEcdfDistances(await run(ecdfDistanceQuery(cdf, measurable)))
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
      ? readOrderStatistics(await run(orderStatisticsQuery(cdf, requests)))
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
    const { min, max } = moments.get(i)?.reference ?? { min: null, max: null };
    return factsOf(i).current.n > 0 && min !== null && max !== null
      ? [{ columnIndex: i, min, max }]
      : [];
  });
  const binCounts =
    bins.length > 0 || ranges.length > 0
      ? readBinCountRows(await run(binCountsQuery(cdf, bins, ranges)))
      : new Map();
  return {
    moments,
    ecdf,
    edges,
    binnedByValue: measurable.filter((i) => !quantileMode.has(i)),
    binCounts,
    quantile,
  };
}
