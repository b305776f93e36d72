import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import type { Engine, QueryOptions, RunContext } from '../../engine/engine.ts';
import type { Predicate } from '../../sql/predicate.ts';
import { tempTableNames, withTempTables } from '../../engine/temp-tables.ts';
import { join, sql, type Sql } from '../../sql/sql.ts';
import { quantileCalibrationEdges } from '../../stats/calibration-bins.ts';
import { edgePositions } from '../../stats/quantile-edges.ts';
import { wilsonInterval } from '../../stats/wilson.ts';
import { cohortSource } from '../cohort-source.ts';
import {
  intSql,
  orderStatisticsOf,
  quantileBinLabel,
  quantileBinPredicates,
  valueCounts,
  valueCountsSql,
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
import { searchLevels } from './slice-levels.ts';
import {
  encodedTableSql,
  erringRowsSql,
  latticeTableSql,
  topSlicesSql,
  type SliceScoring,
} from './slice-lattice-sql.ts';
import { bestFirst } from './slice-order.ts';
import { readReference, referenceCountsSql } from './slice-reference.ts';
import { errorMeasure, rowErrorSql } from './slice-row-error.ts';
import type { Slice, SliceLevel, SliceTerm, SlicesResult } from './slices-result.ts';
import {
  SLICE_BINS,
  defaultMinSupport,
  type SliceFeature,
  type SlicesSpec,
} from './slices-spec.ts';

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
  numeric: { features: SliceFeature[]; values: Sql[]; sizes: number[] },
): Promise<KeyedFeature[]> {
  const sorted = await orderStatisticsOf(
    run,
    searched,
    numeric.values,
    numeric.sizes,
    edgePositions(SLICE_BINS),
  );
  return spec.features.map((f) => {
    if (!f.numeric) return { ...f, edges: null };
    const s = sorted[numeric.features.indexOf(f)];
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
 * rows twice (those with errors, for exact error bounds; all, for the survivors' sizes). JS gets
 * counts and the top slices only. With a reference, one more scan measures the top slices there.
 */
export async function runSlices(
  engine: Engine,
  spec: SlicesSpec,
  ctx: RunContext = {},
): Promise<SlicesResult> {
  const opts: QueryOptions = ctx.signal ? { signal: ctx.signal } : {};
  const run = (q: Sql): Promise<Table> => engine.query(q, opts);
  const levelsAbove = Math.max(0, Math.min(spec.maxLevel, spec.features.length) - 1);
  const total = 4 + levelsAbove + (spec.reference ? 1 : 0);
  const step = (done: number, phase: string) =>
    ctx.onProgress?.({ phase, done, total, unit: 'steps' });

  step(0, 'counting rows');
  const error = rowErrorSql(spec.log.outcome);
  const from = cohortSource(spec.log.table, [...(spec.where ?? []), ...(spec.window ?? [])]);
  const searched = sql`(SELECT * FROM ${from} WHERE ${error} IS NOT NULL)`;
  // The rows, their errors and each numeric column's valid values: one scan.
  const numericFeatures = spec.features.filter((f) => f.numeric);
  const values = numericFeatures.map((f) => validNumberSql(f.name, f.type));
  const [totals] = readRows(
    await run(
      sql`SELECT ${join([
        sql`count(*)::DOUBLE AS n`,
        sql`coalesce(sum(${error}), 0) AS se`,
        ...valueCountsSql(values),
      ])} FROM ${searched}`,
    ),
  );
  const n = Number(totals?.n ?? 0);
  const errorTotal = Number(totals?.se ?? 0);
  const minSupport = spec.minSupport ?? defaultMinSupport(n);
  if (n === 0 || errorTotal === 0) {
    const columns = spec.features.map((f) => ({ name: f.name, edges: null }));
    return emptyResult(
      spec,
      { n, mean_error: n > 0 ? errorTotal / n : null, min_support: minSupport, columns },
      n === 0
        ? 'no rows with a known error to search'
        : 'the model makes no errors on these rows: no slice is worse',
    );
  }

  step(1, 'cutting numeric columns into bins');
  const features = await keyedFeatures(run, spec, searched, {
    features: numericFeatures,
    values,
    sizes: valueCounts(totals ?? {}, values),
  });
  const columns = features.map((f) => ({ name: f.name, edges: f.edges }));
  const base = { n, mean_error: errorTotal / n, min_support: minSupport, columns };

  const rows = searchedRowsSql(from, features, error);
  const t = tempTableNames('slices', ['encoded', 'erring', 'lattice', 'candidates']);
  return withTempTables(engine, [t.candidates, t.lattice, t.erring, t.encoded], async () => {
    step(2, 'counting every value');
    const k: SliceScoring = { n, meanError: errorTotal / n, alpha: spec.alpha, minSupport };
    const { items, values } = readItems(
      await run(basicSlicesSql(rows, features, minSupport)),
      features,
    );

    step(3, 'encoding rows');
    // Only features with valid values get a column.
    const used = features.flatMap((_, f) => (items.some((it) => it.feature === f) ? [f] : []));
    await run(latticeTableSql(t.lattice));
    if (items.length > 0) {
      const codes = used.map((f) =>
        itemCodeSql(
          features[f] as KeyedFeature,
          f,
          items.filter((it) => it.feature === f),
        ),
      );
      await run(encodedTableSql(t.encoded, rows, codes, items.length));
      await run(erringRowsSql(t.erring, t.encoded));
      await run(
        sql`INSERT INTO ${t.lattice} VALUES ${join(
          items.map(
            (it) =>
              sql`(1, [${intSql(it.id)}], [${intSql(it.feature)}], ${it.size}, ${it.errorSum}, ${it.errorMax})`,
          ),
        )}`,
      );
    }
    const search = await searchLevels(run, t, used, k, spec, (level) =>
      step(2 + level, `level ${level}`),
    );
    const levels: SliceLevel[] = [
      { level: 1, candidates: values, pruned: 0, evaluated: values, qualifying: 0 },
      ...search.levels,
    ];
    const qualifying = readRows(
      await run(sql`SELECT level, count(*)::DOUBLE AS n FROM (${topSlicesSql(t.lattice, k, 0)})
        GROUP BY level`),
    );
    for (const q of qualifying) {
      const l = levels.find((x) => x.level === Number(q.level));
      if (l) l.qualifying = Number(q.n);
    }
    const byId = new Map(items.map((it) => [it.id, it]));
    const classification = spec.log.outcome.task !== 'regression';
    const slices = readRows(await run(topSlicesSql(t.lattice, k, search.floor)))
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
    return result;
  });
}
