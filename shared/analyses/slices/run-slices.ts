import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import type { Engine, QueryOptions, RunContext } from '../../engine/engine.ts';
import type { Predicate } from '../../sql/predicate.ts';
import { join, sql, table, type Sql } from '../../sql/sql.ts';
import { quantileCalibrationEdges } from '../../stats/calibration-bins.ts';
import { edgePositions } from '../../stats/quantile-edges.ts';
import { wilsonInterval } from '../../stats/wilson.ts';
import { cohortSource } from '../cohort-source.ts';
import {
  intSql,
  quantileBinLabel,
  quantileBinPredicates,
  sortedValuesOf,
} from '../quantile-bins.ts';
import { validNumberSql } from '../valid-value.ts';
import { isFloatType } from '../../schema/duck-types.ts';
import {
  basicSlicesSql,
  itemCodeSql,
  readItems,
  searchedRowsSql,
  type KeyedFeature,
  type SliceItem,
} from './slice-items.ts';
import {
  candidatesSql,
  encodedTableSql,
  erringRowsSql,
  errorPassSql,
  kthScoreSql,
  latticeTableSql,
  sizePassSql,
  topSlicesSql,
  type SliceScoring,
} from './slice-lattice-sql.ts';
import { bestFirst } from './slice-order.ts';
import { readReference, referenceCountsSql } from './slice-reference.ts';
import { errorMeasure, rowErrorSql } from './slice-row-error.ts';
import type { Slice, SliceLevel, SliceTerm, SlicesResult } from './slices-result.ts';
import { SLICE_BINS, defaultMinSupport, type SlicesSpec } from './slices-spec.ts';

// One set of names per run, so runs sharing an engine never see each other's tables.
let runs = 0;

/** Slack for comparing a bound computed in SQL with a score: prune only what is surely out. */
const SLACK = 1e-9;

/** STATS.md's score, in the same operations as the reference's oracle. */
export function sliceScore(size: number, errorSum: number, k: SliceScoring): number {
  return k.alpha * (errorSum / size / k.meanError - 1) - (1 - k.alpha) * (k.n / size - 1);
}

/** A term for people: `region = APAC`, `amount in (8.3, 15.38]`, `channel is missing`. */
function termOf(item: SliceItem, f: KeyedFeature): SliceTerm {
  if (f.edges === null) {
    return {
      column: f.name,
      value: item.value,
      bin: null,
      range: null,
      text: item.value === null ? `${f.name} is missing` : `${f.name} = ${item.text}`,
    };
  }
  if (item.bin === null) {
    return { column: f.name, value: null, bin: null, range: null, text: `${f.name} is missing` };
  }
  const lo = f.edges[item.bin - 1] ?? null;
  const hi = f.edges[item.bin] ?? null;
  const label = quantileBinLabel(f.edges, item.bin);
  const text =
    lo === null && hi === null
      ? `${f.name} is present`
      : lo === null
        ? `${f.name} ≤ ${label.slice(label.indexOf(',') + 2, -1)}`
        : hi === null
          ? `${f.name} > ${label.slice(1, label.indexOf(','))}`
          : `${f.name} in ${label}`;
  return { column: f.name, value: null, bin: item.bin, range: [lo, hi], text };
}

function predicatesOf(item: SliceItem, f: KeyedFeature): Predicate[] {
  if (f.edges === null || item.bin === null) {
    return [{ column: f.name, op: '=', value: item.value }];
  }
  const bin = quantileBinPredicates(f.name, f.edges, item.bin);
  if (!isFloatType(f.type)) return bin;
  // The open end bins would take in ±Infinity and NaN (DuckDB sorts NaN above every number),
  // which the search kept out: close them at the largest finite numbers.
  return [
    ...(item.bin === 0 ? [{ column: f.name, op: '>=' as const, value: -Number.MAX_VALUE }] : []),
    ...bin.filter((p) => p.op !== '!='),
    ...(item.bin === f.edges.length
      ? [{ column: f.name, op: '<=' as const, value: Number.MAX_VALUE }]
      : []),
  ];
}

/** A slice from its items (sorted, so its terms come in column order) and its counts. */
function sliceOf(
  items: readonly SliceItem[],
  features: readonly KeyedFeature[],
  size: number,
  errorSum: number,
  k: SliceScoring,
  classification: boolean,
): Slice {
  const withFeature = items.map((it) => {
    const f = features[it.feature];
    if (f === undefined) throw new RangeError(`runSlices: no feature ${it.feature}`);
    return { it, f };
  });
  const error = errorSum / size;
  const interval = classification ? wilsonInterval(Math.round(errorSum), size) : null;
  return {
    predicates: withFeature.flatMap(({ it, f }) => predicatesOf(it, f)),
    terms: withFeature.map(({ it, f }) => termOf(it, f)),
    text: withFeature.map(({ it, f }) => `${f.name} = ${it.text}`).join(' AND '),
    level: items.length,
    size,
    error_sum: errorSum,
    error,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    lift: error / k.meanError,
    score: sliceScore(size, errorSum, k),
  };
}

/** The numeric features' equal-mass edges over the searched rows (STATS.md: 5 bins). */
async function keyedFeatures(
  run: (q: Sql) => Promise<Table>,
  spec: SlicesSpec,
  searched: Sql,
): Promise<KeyedFeature[]> {
  const numeric = spec.features.filter((f) => f.numeric);
  const sorted = await sortedValuesOf(
    run,
    searched,
    numeric.map((f) => validNumberSql(f.name, f.type)),
    edgePositions(SLICE_BINS),
  );
  return spec.features.map((f) => {
    if (!f.numeric) return { ...f, edges: null };
    const s = sorted[numeric.indexOf(f)];
    return {
      ...f,
      edges: s === undefined || s.n === 0 ? [] : quantileCalibrationEdges(s.n, s.at, SLICE_BINS),
    };
  });
}

/** A result without slices, saying why. */
function emptyResult(
  spec: SlicesSpec,
  base: Pick<SlicesResult, 'n' | 'mean_error' | 'min_support' | 'columns'>,
  reason: string,
): SlicesResult {
  return {
    task: spec.log.outcome.task,
    error_measure: errorMeasure(spec.log.outcome),
    ...base,
    alpha: spec.alpha,
    k: spec.k,
    max_level: spec.maxLevel,
    slices: [],
    levels: [],
    skipped_columns: spec.skipped,
    reference_mean_error: null,
    empty_reason: reason,
  };
}

/**
 * Weak-slice discovery (STATS.md "Weak-slice discovery (SliceLine)"): the top-k slices of the
 * searched rows by SliceLine's score, equal to exhaustive enumeration, found level by level in
 * DuckDB with SliceLine's size, error and score bounds. A few queries cut the numeric columns and
 * count the rows; one grouped scan counts every value; one scan encodes the rows as small item
 * columns, grouped; each further level then joins its candidates in SQL and groups the encoded
 * rows twice (those with errors, for exact error bounds; all, for the survivors' sizes). JS gets counts and the top slices only. With a reference, one
 * more scan measures the top slices there.
 */
export async function runSlices(
  engine: Engine,
  spec: SlicesSpec,
  ctx: RunContext = {},
): Promise<SlicesResult> {
  const opts: QueryOptions = ctx.signal ? { signal: ctx.signal } : {};
  const run = (q: Sql): Promise<Table> => engine.query(q, opts);
  const levelsAbove = Math.max(0, Math.min(spec.maxLevel, spec.features.length) - 1);
  const total = 3 + levelsAbove + (spec.reference ? 1 : 0);
  const step = (done: number, phase: string) =>
    ctx.onProgress?.({ phase, done, total, unit: 'steps' });

  step(0, 'cutting numeric columns into bins');
  const error = rowErrorSql(spec.log.outcome);
  const from = cohortSource(spec.log.table, [...(spec.where ?? []), ...(spec.window ?? [])]);
  const features = await keyedFeatures(
    run,
    spec,
    sql`(SELECT * FROM ${from} WHERE ${error} IS NOT NULL)`,
  );
  const columns = features.map((f) => ({ name: f.name, edges: f.edges }));

  const rows = searchedRowsSql(from, features, error);
  const id = ++runs;
  const encoded = table(`faultline_slices_rows_${id}`);
  const erring = table(`faultline_slices_erring_${id}`);
  const lattice = table(`faultline_slices_lattice_${id}`);
  const candidates = table(`faultline_slices_candidates_${id}`);
  let failed = true;
  try {
    step(1, 'counting every value');
    const totals = readRows(
      await run(sql`SELECT count(*)::DOUBLE AS n, coalesce(sum(e), 0) AS se FROM ${rows}`),
    )[0];
    const n = Number(totals?.n ?? 0);
    const errorTotal = Number(totals?.se ?? 0);
    const minSupport = spec.minSupport ?? defaultMinSupport(n);
    const base = { n, mean_error: n > 0 ? errorTotal / n : null, min_support: minSupport, columns };
    if (n === 0 || errorTotal === 0) {
      failed = false;
      return emptyResult(
        spec,
        base,
        n === 0
          ? 'no rows with a known error to search'
          : 'the model makes no errors on these rows: no slice is worse',
      );
    }
    const k: SliceScoring = { n, meanError: errorTotal / n, alpha: spec.alpha, minSupport };
    const { items, values } = readItems(
      await run(basicSlicesSql(rows, features, minSupport)),
      features,
    );
    const levels: SliceLevel[] = [
      { level: 1, candidates: values, pruned: 0, evaluated: values, qualifying: 0 },
    ];

    step(2, 'encoding rows');
    // Only features with valid values get a column; `column` maps a feature to its column.
    const used = features.flatMap((_, f) => (items.some((it) => it.feature === f) ? [f] : []));
    const column = (f: number) => used.indexOf(f);
    await run(latticeTableSql(lattice));
    if (items.length > 0) {
      const codes = used.map((f) =>
        itemCodeSql(
          features[f] as KeyedFeature,
          f,
          items.filter((it) => it.feature === f),
        ),
      );
      await run(encodedTableSql(encoded, rows, codes, items.length));
      await run(erringRowsSql(erring, encoded));
      await run(
        sql`INSERT INTO ${lattice} VALUES ${join(
          items.map(
            (it) =>
              sql`(1, [${intSql(it.id)}], [${intSql(it.feature)}], ${it.size}, ${it.errorSum}, ${it.errorMax})`,
          ),
        )}`,
      );
    }

    let kth: number | null = null;
    const floor = () => Math.max(kth ?? 0, 0) - SLACK * Math.max(1, Math.abs(kth ?? 0));
    const refreshKth = async () => {
      const r = readRows(await run(kthScoreSql(lattice, k, spec.k)))[0];
      kth = r === undefined ? null : Number(r.score);
    };
    await refreshKth();
    for (let level = 2; level <= used.length && level <= spec.maxLevel; level++) {
      step(1 + level, `level ${level}`);
      await run(candidatesSql(candidates, lattice, level, k, floor()));
      const made = readRows(
        await run(sql`SELECT count(*)::DOUBLE AS pairs, count(*) FILTER (WHERE keep)::DOUBLE AS kept
          FROM ${candidates}`),
      )[0];
      const pairs = Number(made?.pairs ?? 0);
      let evaluated = 0;
      if (Number(made?.kept ?? 0) > 0) {
        const featureSets = readRows(
          await run(
            sql`SELECT DISTINCT array_to_string(feats, ',') AS f FROM ${candidates} WHERE keep`,
          ),
        ).map((r) => String(r.f).split(',').map(Number));
        const survivors = errorPassSql(candidates, erring, featureSets, column, k, floor());
        await run(sizePassSql(lattice, survivors, encoded, featureSets, column, level));
        evaluated = Number(
          readRows(
            await run(
              sql`SELECT count(*)::DOUBLE AS n FROM ${lattice} WHERE level = ${intSql(level)}`,
            ),
          )[0]?.n ?? 0,
        );
      }
      await run(sql`DROP TABLE ${candidates}`);
      levels.push({
        level,
        candidates: pairs,
        pruned: pairs - evaluated,
        evaluated,
        qualifying: 0,
      });
      if (evaluated === 0) break;
      await refreshKth();
    }

    const qualifying = readRows(
      await run(sql`SELECT level, count(*)::DOUBLE AS n FROM (${topSlicesSql(lattice, k, 0)})
        GROUP BY level`),
    );
    for (const q of qualifying) {
      const l = levels.find((x) => x.level === Number(q.level));
      if (l) l.qualifying = Number(q.n);
    }
    const byId = new Map(items.map((it) => [it.id, it]));
    const classification = spec.log.outcome.task !== 'regression';
    const slices = readRows(await run(topSlicesSql(lattice, k, kth === null ? 0 : floor())))
      .map((r) =>
        sliceOf(
          String(r.items)
            .split(',')
            .map((x) => byId.get(Number(x)) as SliceItem),
          features,
          Number(r.ss),
          Number(r.se),
          k,
          classification,
        ),
      )
      .filter((s) => s.score > 0)
      .sort(bestFirst)
      .slice(0, spec.k);

    const result: SlicesResult = {
      task: spec.log.outcome.task,
      error_measure: errorMeasure(spec.log.outcome),
      ...base,
      columns,
      alpha: spec.alpha,
      k: spec.k,
      max_level: spec.maxLevel,
      slices,
      levels,
      skipped_columns: spec.skipped,
      reference_mean_error: null,
      empty_reason: null,
    };
    if (spec.reference) {
      step(total - 1, 'measuring the slices in the reference');
      const ref = readReference(
        await run(referenceCountsSql({ ...spec, reference: spec.reference }, slices)),
        slices,
        classification,
      );
      result.reference_mean_error = ref.meanError;
      slices.forEach((s, i) => {
        const r = ref.inReference[i];
        if (r) s.reference = r;
      });
    }
    failed = false;
    return result;
  } finally {
    // Without the signal, so a cancelled run cleans up too; the run's own error wins.
    for (const t of [candidates, lattice, erring, encoded]) {
      await engine.query(sql`DROP TABLE IF EXISTS ${t}`).catch((e: unknown) => {
        if (!failed) throw e;
      });
    }
  }
}
