import { readColumns, readScalar, type Cell } from '../../engine/arrow-columns.ts';
import type { Engine, QueryOptions, RunContext } from '../../engine/engine.ts';
import type { Sql } from '../../sql/sql.ts';
import { chiSquareHomogeneity } from '../../stats/chi-square.ts';
import { jsDistance } from '../../stats/js-distance.ts';
import { ksEffectiveN, ksPValue, roundHalfEven } from '../../stats/kolmogorov.ts';
import { benjaminiHochberg, isSignificant } from '../../stats/multiple-testing.ts';
import { psi, psiBand, shares } from '../../stats/psi.ts';
import {
  DRIFT_BINS,
  dedupeEdges,
  edgePositions,
  linearQuantile,
  orderStatisticIndexes,
} from '../../stats/quantile-edges.ts';
import { twoProportionZTest } from '../../stats/z-test.ts';
import { binCategories, type Binned } from './drift-category-bins.ts';
import { addDriftExtras, hasDriftExtras } from './drift-extras.ts';
import {
  binCountsQuery,
  categoryCountsQuery,
  driftSides,
  ecdfDistanceQuery,
  orderStatisticsQuery,
  readBinCounts,
  readCategoryRows,
  readEcdfDistances,
  readOrderStatistics,
  readOutside,
  readSideFacts,
  sideSummaryQuery,
  type BinRequest,
  type CategoryRow,
  type DriftSide,
  type EcdfDistances,
  type OrderStatisticsRequest,
  type RangeRequest,
  type SideFacts,
} from './drift-queries.ts';
import type {
  DriftColumnResult,
  DriftResult,
  DriftSideCounts,
  DriftSideSummary,
} from './drift-result.ts';
import type { DriftSpec } from './drift-spec.ts';

/** Missing-rate shift: the current rate must exceed the reference's by at least 5 points. */
const MISSING_SHIFT = 0.05;
/** Rates are quotients of counts: 0.15 - 0.1 is 0.04999999999999999, still 5 points. */
const RATE_SLACK = 1e-12;
/** W / std_R at or above this is flagged (STATS.md "Wasserstein-1"). */
const WASSERSTEIN_DRIFT = 0.1;
const SUMMARY_QUANTILES = [
  ['p01', 0.01],
  ['p05', 0.05],
  ['p50', 0.5],
  ['p95', 0.95],
  ['p99', 0.99],
] as const;
const STEPS = 6;

const rate = (k: number, n: number): number | null => (n > 0 ? k / n : null);

function sideCounts(f: SideFacts): DriftSideCounts {
  return {
    rows: f.rows,
    n: f.n,
    nulls: f.nulls,
    invalid: f.invalid,
    missing_rate: rate(f.nulls, f.rows),
    invalid_rate: rate(f.invalid, f.rows),
  };
}

/** std_R is exactly 0 when every valid value is equal; DuckDB's running variance agrees. */
function sampleStd(f: SideFacts): number | null {
  if (f.n < 2) return null;
  return f.min === f.max ? 0 : f.std;
}

/**
 * Drift of every spec column between the reference and the current table (STATS.md "Numeric
 * drift", "Categorical drift"). DuckDB aggregates in a fixed number of queries whatever the
 * column count; JS receives summaries and finishes the statistics.
 */
export async function runDrift(
  engine: Engine,
  spec: DriftSpec,
  ctx: RunContext = {},
): Promise<DriftResult> {
  const opts: QueryOptions = ctx.signal ? { signal: ctx.signal } : {};
  const run = (q: Sql) => engine.query(q, opts);
  const step = (done: number, phase: string) =>
    ctx.onProgress?.({ phase, done, total: STEPS, unit: 'steps' });
  const columns = spec.columns;

  step(0, 'counting values');
  const [referenceSummary, currentSummary] = await Promise.all([
    run(sideSummaryQuery(spec, 'reference')),
    run(sideSummaryQuery(spec, 'current')),
  ]);
  const facts = readSideFacts(spec, { reference: referenceSummary, current: currentSummary });
  const factsOf = (i: number) => {
    const f = facts[i];
    if (!f) throw new RangeError(`runDrift: no facts for column ${i}`);
    return f;
  };
  const numericIndexes = columns.flatMap((c, i) => (c.kind === 'numeric' ? [i] : []));
  const measurable = numericIndexes.filter((i) => factsOf(i).reference.n > 0);

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
  const requests: OrderStatisticsRequest[] = numericIndexes.flatMap((i) =>
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
  const quantile = (i: number, side: DriftSide, q: number): number | null => {
    const n = factsOf(i)[side].n;
    if (n === 0) return null;
    const values = orderStatistics.get(`${i}:${side}`);
    return linearQuantile(n, q, (index) => {
      const v = values?.get(index);
      if (v === undefined) throw new RangeError(`runDrift: order statistic ${index} not fetched`);
      return v;
    });
  };
  const edges = new Map<number, number[]>();
  for (const i of quantileMode) {
    const raw = edgePositions().map((q) => quantile(i, 'reference', q) ?? NaN);
    edges.set(i, dedupeEdges(raw));
  }

  step(3, 'counting bins');
  const binRequests: BinRequest[] = [...edges].map(([columnIndex, e]) => ({
    columnIndex,
    edges: e,
  }));
  const rangeRequests: RangeRequest[] = measurable.flatMap((i) => {
    const { min, max } = factsOf(i).reference;
    return factsOf(i).current.n > 0 && min !== null && max !== null
      ? [{ columnIndex: i, min, max }]
      : [];
  });
  const binCounts = { reference: {}, current: {} } as Record<DriftSide, Record<string, Cell[]>>;
  if (binRequests.length > 0) {
    binCounts.reference = readColumns(
      await run(binCountsQuery(spec, 'reference', binRequests, [])),
    );
  }
  if (binRequests.length > 0 || rangeRequests.length > 0) {
    binCounts.current = readColumns(
      await run(binCountsQuery(spec, 'current', binRequests, rangeRequests)),
    );
  }

  step(4, 'counting categories');
  const categoricalIndexes = columns.flatMap((c, i) =>
    c.kind === 'categorical' || (measurable.includes(i) && !quantileMode.has(i)) ? [i] : [],
  );
  const categories =
    categoricalIndexes.length > 0
      ? readCategoryRows(await run(categoryCountsQuery(spec, categoricalIndexes)))
      : new Map<number, CategoryRow[]>();

  step(5, 'testing');
  const results: DriftColumnResult[] = columns.map((column, i) => {
    const f = factsOf(i);
    const nR = f.reference.n;
    const nC = f.current.n;
    const numeric = column.kind === 'numeric';
    let binned: Binned | null = null;
    const e = edges.get(i);
    if (e) {
      const referenceCounts = readBinCounts(binCounts.reference, i, e.length + 1);
      const currentCounts = readBinCounts(binCounts.current, i, e.length + 1);
      binned = {
        bins: {
          mode: 'quantile',
          edges: e,
          categories: null,
          pooled: 0,
          reference_counts: referenceCounts,
          current_counts: currentCounts,
          p: shares(referenceCounts),
          q: nC > 0 ? shares(currentCounts) : null,
        },
        newCategories: [],
        vanished: [],
      };
    } else if (categoricalIndexes.includes(i)) {
      binned = binCategories(categories.get(i) ?? [], numeric, nR, nC);
    }
    const p = binned?.bins.p ?? null;
    const q = binned?.bins.q ?? null;
    const psiValue = p && q ? psi(p, q) : null;
    const band = psiValue === null ? null : psiBand(psiValue);

    const distances = ecdf.get(i);
    const d = distances?.d ?? null;
    const ks =
      numeric && nR > 0 && nC > 0 && d !== null
        ? {
            d,
            p: ksPValue(d, nR, nC),
            q: null,
            en: ksEffectiveN(nR, nC),
            n: roundHalfEven(ksEffectiveN(nR, nC)),
          }
        : null;
    const stdR = sampleStd(f.reference);
    const w = ks !== null ? (distances?.w ?? null) : null;
    const normed = w !== null && stdR !== null && stdR > 0 ? w / stdR : null;
    const chi2 =
      !numeric && binned
        ? chiSquareHomogeneity(binned.bins.reference_counts, binned.bins.current_counts)
        : null;
    const outside = readOutside(binCounts.current, i);

    const summary = (side: DriftSide): DriftSideSummary | DriftSideCounts => {
      const s = f[side];
      if (!numeric) return sideCounts(s);
      const quantiles = Object.fromEntries(
        SUMMARY_QUANTILES.map(([name, at]) => [name, quantile(i, side, at)]),
      ) as Record<(typeof SUMMARY_QUANTILES)[number][0], number | null>;
      return {
        ...sideCounts(s),
        mean: s.n > 0 ? s.mean : null,
        std: sampleStd(s),
        min: s.min,
        ...quantiles,
        max: s.max,
      };
    };
    const missing = twoProportionZTest(
      f.reference.nulls,
      f.reference.rows,
      f.current.nulls,
      f.current.rows,
    );
    return {
      name: column.name,
      kind: column.kind,
      psi: psiValue,
      band,
      js: p && q ? jsDistance(p, q) : null,
      ks,
      wasserstein:
        w === null
          ? null
          : {
              w,
              normed,
              std_reference: stdR,
              drift: normed === null ? null : normed >= WASSERSTEIN_DRIFT,
            },
      chi2: chi2 ? { ...chi2, q: null } : null,
      linf: !numeric && p && q ? Math.max(...p.map((pi, k) => Math.abs(pi - (q[k] ?? 0)))) : null,
      missing: {
        reference: rate(f.reference.nulls, f.reference.rows),
        current: rate(f.current.nulls, f.current.rows),
        shifted: false,
        delta: missing.delta,
        z: missing.z,
        p: missing.p,
        q: null,
      },
      invalid: {
        reference: rate(f.reference.invalid, f.reference.rows),
        current: rate(f.current.invalid, f.current.rows),
      },
      out_of_range: numeric && outside !== null && nC > 0 ? outside / nC : null,
      new_categories: binned?.newCategories ?? [],
      vanished: binned?.vanished ?? [],
      drifted: band === 'significant',
      constant_reference: numeric && stdR === 0,
      reference: summary('reference'),
      current: summary('current'),
      bins: binned?.bins ?? null,
    };
  });

  // One BH family for the distribution tests (KS or chi-square, one per column), one for the
  // missing-rate z-tests: each is a table of its own (STATS.md "Many tests at once").
  const testQ = benjaminiHochberg(results.map((r) => r.ks?.p ?? r.chi2?.p ?? null));
  const missingQ = benjaminiHochberg(results.map((r) => r.missing.p));
  results.forEach((r, i) => {
    const q = testQ[i] ?? null;
    if (r.ks) r.ks.q = q;
    if (r.chi2) r.chi2.q = q;
    const mq = missingQ[i] ?? null;
    r.missing.q = mq;
    r.missing.shifted =
      r.missing.delta !== null &&
      r.missing.delta >= MISSING_SHIFT - RATE_SLACK &&
      isSignificant(mq) === true;
  });
  const result: DriftResult = {
    reference: { rows: Number(readScalar(referenceSummary)) },
    current: { rows: Number(readScalar(currentSummary)) },
    columns: results,
  };
  if (hasDriftExtras(spec)) await addDriftExtras(run, spec, result, (phase) => step(5, phase));
  step(STEPS, 'done');
  return result;
}
