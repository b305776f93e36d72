// runSlices (the pruned SliceLine lattice in DuckDB) against the exhaustive enumerator of
// test-support/sliceline-oracle.ts on seeded random logs: STATS.md "Weak-slice discovery
// (SliceLine)" says the results equal the exhaustive enumeration on the same data, so the slices,
// their order (ties included), sizes, error sums, errors and scores must all match, whatever the
// bounds prune. Each log is small (200–1300 rows), has 3–8 feature columns (categorical ones with
// nulls, a SQL keyword for a name, values with spaces, quotes and non-BMP text; numeric ones with
// nulls and heavy ties, so quantile edges repeat) and errors planted in a few random conjunctions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../samples/prng.ts';
import { loadCsvText } from '../../../test-support/csv-table.ts';
import {
  slicelineOracle,
  type OracleColumn,
  type OracleResult,
  type OracleValue,
} from '../../../test-support/sliceline-oracle.ts';
import { readRows } from '../../engine/arrow-columns.ts';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { ColumnKind } from '../../schema/column-kind.ts';
import type { ColumnRole } from '../../schema/column-role.ts';
import { predicateSql, type Predicate, type PredicateValue } from '../../sql/predicate.ts';
import { ident, join, sql } from '../../sql/sql.ts';
import { runSlices } from './run-slices.ts';
import type { Slice, SlicesResult } from './slices-result.ts';
import { slicesSpecFromSchemas, type SlicesSpecOptions } from './slices-spec.ts';

// ----------------------------------------------------------------------------- random logs

type Task = 'binary' | 'regression';

/** A feature column of a random log: its values, and how it is searched. */
interface Feature {
  name: string;
  numeric: boolean;
  kind: ColumnKind;
  values: OracleValue[];
}

interface Log {
  /** Feature columns in the table's column order. */
  features: Feature[];
  /** Binary: 0/1 labels and predictions; regression: numbers on a 1/4 grid (exact squares). */
  label: (number | null)[];
  prediction: (number | null)[];
}

interface CaseSpec {
  name: string;
  seed: number;
  task: Task;
  rows: number;
  options: Pick<SlicesSpecOptions, 'alpha' | 'k' | 'maxLevel' | 'minSupport'>;
  /** Builds the subset searched from the log (values it holds). */
  where?: (log: Log) => Predicate[];
  /** Add a copy of a column (under another name) so slices tie exactly. */
  duplicate?: boolean;
  /** Rows come in pairs differing only in `sym` (😀 or ﬀ): every sym slice ties with its twin. */
  paired?: boolean;
  /** The continuous numeric column also holds NaN, Infinity and -Infinity. */
  nonFinite?: boolean;
  /** How many feature columns to draw from the pool (before copies and `sym`). */
  columns?: [number, number];
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)] as T;

function shuffled<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** `count` distinct values of `pool`, in a random order. */
const someOf = <T>(rng: Rng, pool: readonly T[], count: number): T[] =>
  shuffled(rng, pool).slice(0, count);

const between = (rng: Rng, lo: number, hi: number): number =>
  lo + Math.floor(rng.uniform() * (hi - lo + 1));

/** Draws one categorical column: `count` values from `pool`, some nulls. */
function categorical(rng: Rng, name: string, pool: readonly OracleValue[], n: number): Feature {
  const values = someOf(rng, pool, between(rng, 2, Math.min(6, pool.length)));
  const weights = values.map(() => 0.2 + rng.uniform());
  const nullRate = rng.chance(0.5) ? 0.1 : 0;
  const column: OracleValue[] = [];
  for (let i = 0; i < n; i++) {
    column.push(rng.chance(nullRate) ? null : (values[rng.weightedIndex(weights)] as OracleValue));
  }
  return { name, numeric: false, kind: 'categorical', values: column };
}

/** A numeric column with heavy ties: about half zeros, small whole numbers, nulls. */
function tiedAmount(rng: Rng, name: string, n: number): Feature {
  const zeros = 0.3 + 0.4 * rng.uniform();
  const values: OracleValue[] = [];
  for (let i = 0; i < n; i++) {
    if (rng.chance(0.08)) values.push(null);
    else if (rng.chance(zeros)) values.push(0);
    else values.push(Math.round(rng.lognormal(4, 1)));
  }
  return { name, numeric: true, kind: 'numeric', values };
}

/** A numeric column with one decimal (ties too), negatives, nulls; optionally NaN and ±Infinity. */
function decimals(rng: Rng, name: string, n: number, nonFinite: boolean): Feature {
  const values: OracleValue[] = [];
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    if (u < 0.05) values.push(null);
    else if (nonFinite && u < 0.08) values.push(pick(rng, [NaN, Infinity, -Infinity]));
    else values.push(Math.round(rng.normal() * 40 + 5) / 10);
  }
  return { name, numeric: true, kind: 'numeric', values };
}

/** The pool of feature columns a log draws from. */
function drawFeatures(rng: Rng, spec: CaseSpec, n: number): Feature[] {
  const pool: (() => Feature)[] = [
    () => categorical(rng, 'region', ['EU', 'US', 'APAC', 'LATAM', 'MEA', 'ANZ'], n),
    () => categorical(rng, 'select', ['x', 'y', 'z', 'w'], n),
    () =>
      categorical(
        rng,
        'group by',
        ['a b', "it's", 'say "hi"', 'Ünïcödé', '\u{1F600} smile', '\uFB00 lig', 'x, y'],
        n,
      ),
    () => categorical(rng, 'tier', ['gold', 'silver', 'bronze'], n),
    () => categorical(rng, 'code', [1, 2, 3, 10, 20], n),
    () => categorical(rng, 'flag', [true, false], n),
    () => tiedAmount(rng, 'amount', n),
    () => decimals(rng, 'score x', n, spec.nonFinite === true),
  ];
  const [lo, hi] = spec.columns ?? [3, 6];
  const chosen = someOf(rng, pool, between(rng, lo, hi));
  // At least one numeric column: always keep the non-finite one when asked for it.
  if (spec.nonFinite === true && !chosen.includes(pool[7] as () => Feature)) {
    chosen.push(pool[7] as () => Feature);
  }
  if (!chosen.includes(pool[6] as () => Feature)) chosen.push(pool[6] as () => Feature);
  const features = chosen.map((make) => make());
  if (spec.duplicate === true) {
    // A categorical copy named so its text sorts first ('R' < 'r') and a numeric copy.
    const cat = features.find((f) => !f.numeric) ?? categorical(rng, 'region', ['EU', 'US'], n);
    if (!features.includes(cat)) features.push(cat);
    const num = features.find((f) => f.numeric) as Feature;
    features.push({ ...cat, name: `${cat.name[0]?.toUpperCase() ?? ''}${cat.name.slice(1)} copy` });
    features.push({ ...num, name: `${num.name}2` });
  }
  return shuffled(rng, features);
}

/** Does the row fall in the conjunction? (numeric conditions: a value above a threshold) */
type Condition = (row: number) => boolean;

function randomCondition(rng: Rng, features: Feature[], n: number): Condition {
  const terms: Condition[] = [];
  for (const f of someOf(rng, features, between(rng, 1, Math.min(3, features.length)))) {
    const v = f.values[Math.floor(rng.uniform() * n)] ?? null;
    if (f.numeric && typeof v === 'number' && Number.isFinite(v)) {
      terms.push((r) => {
        const x = f.values[r];
        return typeof x === 'number' && x >= v;
      });
    } else {
      terms.push((r) => (f.values[r] ?? null) === v);
    }
  }
  return (r) => terms.every((t) => t(r));
}

const quarter = (x: number): number => Math.round(x * 4) / 4;

function randomLog(spec: CaseSpec): Log {
  const rng = new Rng(spec.seed);
  const base = spec.paired === true ? Math.ceil(spec.rows / 2) : spec.rows;
  const features = drawFeatures(rng, spec, base);
  const planted = [0, 1, 2].map(() => randomCondition(rng, features, base));
  const label: (number | null)[] = [];
  const prediction: (number | null)[] = [];
  for (let r = 0; r < base; r++) {
    const hot = planted.filter((c) => c(r)).length;
    if (spec.task === 'binary') {
      const y = rng.chance(0.4) ? 1 : 0;
      const wrong = rng.chance(Math.min(0.9, 0.08 + 0.3 * hot));
      label.push(rng.chance(0.03) ? null : y);
      prediction.push(rng.chance(0.02) ? null : wrong ? 1 - y : y);
    } else {
      const y = quarter(rng.normal() * 5 + 20);
      label.push(rng.chance(0.03) ? null : y);
      prediction.push(rng.chance(0.02) ? null : quarter(y + rng.normal() * (1 + 3 * hot)));
    }
  }
  if (spec.paired !== true) return { features, label, prediction };
  // Each row twice, once with each symbol: the two symbols' slices have identical rows.
  const twice = <T>(xs: T[]): T[] => xs.flatMap((x) => [x, x]);
  const sym: Feature = {
    name: 'sym',
    numeric: false,
    kind: 'categorical',
    values: features[0]?.values.flatMap(() => ['\u{1F600}', '\uFB00']) ?? [],
  };
  const doubled = features.map((f) => ({ ...f, values: twice(f.values) }));
  doubled.splice(Math.floor(doubled.length / 2), 0, sym);
  return { features: doubled, label: twice(label), prediction: twice(prediction) };
}

// ----------------------------------------------------------------------------- CSV and errors

const csvName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function csvCell(v: OracleValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return csvName(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

/** The log as CSV: id, the features, then label and prediction. */
function toCsv(log: Log): string {
  const names = ['id', ...log.features.map((f) => f.name), 'label', 'prediction'];
  const lines = [names.map(csvName).join(',')];
  log.label.forEach((y, r) => {
    const cells = [
      String(r),
      ...log.features.map((f) => csvCell(f.values[r] ?? null)),
      csvCell(y),
      csvCell(log.prediction[r] ?? null),
    ];
    lines.push(cells.join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** A feature's value in row `r`. */
function valueAt(log: Log, column: string, r: number): OracleValue {
  const f = log.features.find((x) => x.name === column);
  if (f === undefined) throw new Error(`no feature ${column}`);
  return f.values[r] ?? null;
}

/** DuckDB's order of values: NaN above every number and equal to itself. */
function duckCompare(a: OracleValue, b: PredicateValue): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) {
      return Number.isNaN(a) && Number.isNaN(b) ? 0 : Number.isNaN(a) ? 1 : -1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A cohort predicate over the generated values, as SQL reads it (NULL matches nothing). */
function holds(p: Predicate, v: OracleValue): boolean {
  if (p.op === 'IN') {
    const list = p.value as PredicateValue[];
    return list.some((w) => (w === null ? v === null : duckCompare(v, w) === 0));
  }
  const w = p.value as PredicateValue;
  if (w === null) return p.op === '=' ? v === null : v !== null;
  const c = duckCompare(v, w);
  if (c === null) return false;
  switch (p.op) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/**
 * Each row's error as STATS.md defines it (binary: label ≠ prediction, 0/1; regression: squared
 * error), null for a row not searched: an unknown label or prediction, or outside `where`.
 */
function rowErrors(log: Log, task: Task, where: readonly Predicate[]): (number | null)[] {
  return log.label.map((y, r) => {
    const p = log.prediction[r] ?? null;
    if (y === null || p === null) return null;
    if (!where.every((w) => holds(w, valueAt(log, w.column, r)))) return null;
    if (task === 'binary') return y === p ? 0 : 1;
    const d = p - y;
    return d * d;
  });
}

// ----------------------------------------------------------------------------- comparison

const relClose = (a: number, b: number, rel = 1e-9): boolean =>
  a === b || Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

/** A slice's terms as the oracle keys them: the column, and its value's text or its bin. */
const resultKey = (s: Slice): string =>
  JSON.stringify(
    s.terms.map((t) => [t.column, t.value === null ? null : String(t.value), t.bin ?? null]),
  );
const oracleKey = (s: OracleResult['slices'][number]): string =>
  JSON.stringify(s.terms.map((t) => [t.column, t.value, t.bin]));

const show = (s: { text: string; size: number; error_sum: number; error: number; score: number }) =>
  `${JSON.stringify(s.text)} size ${s.size} error_sum ${s.error_sum} error ${s.error} score ${s.score}`;

/** The first way runSlices differs from the oracle, in words, or null when they agree. */
function firstDifference(got: SlicesResult, want: OracleResult): string | null {
  if (got.n !== want.info.n) return `n ${got.n} vs oracle ${want.info.n}`;
  if (got.min_support !== want.info.min_support) {
    return `min_support ${got.min_support} vs oracle ${want.info.min_support}`;
  }
  if (got.mean_error === null || !relClose(got.mean_error, want.info.mean_error)) {
    return `mean_error ${got.mean_error} vs oracle ${want.info.mean_error}`;
  }
  const count = Math.max(got.slices.length, want.slices.length);
  for (let i = 0; i < count; i++) {
    const g = got.slices[i];
    const w = want.slices[i];
    if (g === undefined || w === undefined) {
      return `#${i}: runSlices ${g ? show(g) : 'has no slice'}; oracle ${w ? show(w) : 'has no slice'} (runSlices ${got.slices.length} slices, oracle ${want.slices.length})`;
    }
    const same =
      g.text === w.text &&
      resultKey(g) === oracleKey(w) &&
      g.level === w.level &&
      g.size === w.size &&
      g.error_sum === w.error_sum &&
      relClose(g.error, w.error) &&
      relClose(g.score, w.score);
    if (!same) {
      const rank = want.ranked.findIndex((s) => s.text === g.text);
      return (
        `#${i}: runSlices ${show(g)} terms ${resultKey(g)}; oracle ${show(w)} terms ${oracleKey(w)}` +
        ` (runSlices' slice is the oracle's #${rank}${rank >= 0 ? `: ${show(want.ranked[rank] as OracleResult['ranked'][number])}` : ', not qualifying there'})`
      );
    }
  }
  return null;
}

// ----------------------------------------------------------------------------- cases

const CASES: CaseSpec[] = [
  { name: 'binary, defaults', seed: 11, task: 'binary', rows: 900, options: {} },
  {
    // alpha 0.5: sc > 0 needs a slice's error sum above the total: nothing ever qualifies, and
    // a slice of every row scores exactly 0 (no rounding may lift it above).
    name: 'binary, alpha 0.5 (nothing qualifies), k 50, level 2, min support 5',
    seed: 12,
    task: 'binary',
    rows: 1000,
    options: { alpha: 0.5, k: 50, maxLevel: 2, minSupport: 5 },
  },
  {
    name: 'binary, alpha 1, k 50, level 4, min support 5',
    seed: 13,
    task: 'binary',
    rows: 500,
    options: { alpha: 1, k: 50, maxLevel: 4, minSupport: 5 },
    columns: [4, 5],
  },
  {
    name: 'binary, k 1, level 1',
    seed: 14,
    task: 'binary',
    rows: 800,
    options: { k: 1, maxLevel: 1 },
  },
  {
    name: 'binary, a where subset (bins cut on it), k 20, min support 10',
    seed: 15,
    task: 'binary',
    rows: 1200,
    options: { k: 20, minSupport: 10 },
    where: () => [{ column: 'amount', op: '>', value: 0 }],
  },
  {
    name: 'binary, duplicated columns: exact ties, k 50, min support 5',
    seed: 16,
    task: 'binary',
    rows: 700,
    options: { k: 50, minSupport: 5 },
    duplicate: true,
    columns: [3, 4],
  },
  {
    name: 'binary, paired rows: 😀 and ﬀ slices tie (code point order), alpha 1, k 50',
    seed: 17,
    task: 'binary',
    rows: 1000,
    options: { alpha: 1, k: 50, minSupport: 8 },
    paired: true,
    columns: [3, 4],
  },
  {
    name: 'binary, NaN and ±Infinity in a numeric column, k 50, min support 5',
    seed: 18,
    task: 'binary',
    rows: 900,
    options: { k: 50, minSupport: 5 },
    nonFinite: true,
  },
  {
    name: 'binary, 200 rows, default min support',
    seed: 19,
    task: 'binary',
    rows: 200,
    options: { alpha: 0.95, k: 10, maxLevel: 3 },
  },
  {
    name: 'binary, nothing qualifies (min support = every row)',
    seed: 20,
    task: 'binary',
    rows: 300,
    options: { k: 10, minSupport: 300 },
  },
  { name: 'regression, defaults', seed: 21, task: 'regression', rows: 800, options: {} },
  {
    name: 'regression, alpha 0.8, k 50, level 4, min support 5, duplicated columns',
    seed: 22,
    task: 'regression',
    rows: 600,
    options: { alpha: 0.8, k: 50, maxLevel: 4, minSupport: 5 },
    duplicate: true,
    columns: [3, 3],
  },
  {
    name: 'regression, a where subset on a category, k 10, level 2, min support 8',
    seed: 23,
    task: 'regression',
    rows: 1300,
    options: { k: 10, maxLevel: 2, minSupport: 8 },
    where: (log) => {
      const f = log.features.find((x) => !x.numeric && x.values.some((v) => v !== null));
      const v = f?.values.find((x) => x !== null) ?? null;
      return f ? [{ column: f.name, op: '!=', value: v }] : [];
    },
  },
  {
    name: 'regression, alpha 1, k 1, level 3',
    seed: 24,
    task: 'regression',
    rows: 700,
    options: { alpha: 1, k: 1, maxLevel: 3 },
  },
  {
    name: 'regression, paired rows, NaN/±Infinity, k 50, min support 5',
    seed: 25,
    task: 'regression',
    rows: 800,
    options: { alpha: 0.9, k: 50, minSupport: 5 },
    paired: true,
    nonFinite: true,
    columns: [3, 3],
  },
];

// ----------------------------------------------------------------------------- the tests

let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

interface Ran {
  log: Log;
  where: Predicate[];
  errors: (number | null)[];
  got: SlicesResult;
  want: OracleResult;
  table: string;
}

/** The oracle's answer for a case: the log's rows, the errors computed here, the same parameters. */
function oracleFor(spec: CaseSpec, log: Log, errors: (number | null)[]): OracleResult {
  return slicelineOracle({
    rows: log.label.map((_, r) =>
      Object.fromEntries(log.features.map((f) => [f.name, f.values[r] ?? null])),
    ),
    columns: log.features.map((f): OracleColumn => ({ name: f.name, numeric: f.numeric })),
    errors,
    alpha: spec.options.alpha ?? 0.95,
    k: spec.options.k ?? 10,
    maxLevel: spec.options.maxLevel ?? 3,
    minSupport: spec.options.minSupport ?? null,
  });
}

async function runCase(spec: CaseSpec, index: number): Promise<Ran> {
  const log = randomLog(spec);
  const table = `oracle_${index}`;
  const roles: Record<string, ColumnRole> = { id: 'id', label: 'label', prediction: 'prediction' };
  const kinds: Record<string, ColumnKind> = {};
  for (const f of log.features) {
    roles[f.name] = 'feature';
    kinds[f.name] = f.kind;
  }
  const schema = await loadCsvText(engine, toCsv(log), table, {
    task: spec.task,
    roles,
    kinds,
    ...(spec.task === 'binary' ? { positive: '1' } : {}),
  });
  const where = spec.where?.(log) ?? [];
  const slicesSpec = slicesSpecFromSchemas(schema, null, { ...spec.options, where });
  // Every generated feature is searched, as generated (a numeric column read as text would not be).
  expect(slicesSpec.features.map((f) => [f.name, f.numeric])).toEqual(
    log.features.map((f) => [f.name, f.numeric]),
  );
  expect(slicesSpec.skipped).toEqual([]);
  const got = await runSlices(engine, slicesSpec);
  const errors = rowErrors(log, spec.task, where);
  return { log, where, errors, got, want: oracleFor(spec, log, errors), table };
}

describe('runSlices equals the exhaustive enumeration (seeded random logs)', () => {
  CASES.forEach((spec, index) => {
    const label = `seed ${spec.seed}: ${spec.name}`;
    let ran: Promise<Ran> | undefined;
    const once = (): Promise<Ran> => (ran ??= runCase(spec, index));

    it(`${label}: same top-k, order, sizes, error sums, errors and scores`, async () => {
      const { got, want, log } = await once();
      expect(firstDifference(got, want), label).toBeNull();
      expect(got.slices.map((s) => s.text)).toEqual(want.slices.map((s) => s.text));
      expect(got.slices.map(resultKey)).toEqual(want.slices.map(oracleKey));
      expect(got.slices.map((s) => [s.level, s.size, s.error_sum])).toEqual(
        want.slices.map((s) => [s.level, s.size, s.error_sum]),
      );
      got.slices.forEach((s, i) => {
        const w = want.slices[i];
        expect(w && relClose(s.error, w.error), `${s.text} error`).toBe(true);
        expect(w && relClose(s.score, w.score), `${s.text} score`).toBe(true);
        expect(relClose(s.lift, s.error / want.info.mean_error), `${s.text} lift`).toBe(true);
        // Terms come in the table's column order.
        const order = s.terms.map((t) => log.features.findIndex((f) => f.name === t.column));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      });
      expect(got.task).toBe(spec.task);
      expect(got.error_measure).toBe(
        spec.task === 'binary' ? 'misclassification' : 'squared_error',
      );
      expect([got.alpha, got.k, got.max_level]).toEqual([
        spec.options.alpha ?? 0.95,
        spec.options.k ?? 10,
        spec.options.maxLevel ?? 3,
      ]);
      if (want.slices.length > 0) expect(got.empty_reason).toBeNull();
    });

    it(`${label}: numeric edges and bin ranges are the oracle's (duplicates kept)`, async () => {
      const { got, want } = await once();
      for (const c of got.columns) {
        const edges = want.info.edges[c.name];
        if (edges === undefined) {
          expect(c.edges, `${c.name} is categorical`).toBeNull();
          continue;
        }
        expect(c.edges?.length, `${c.name} edges ${JSON.stringify(c.edges)}`).toBe(edges?.length);
        c.edges?.forEach((e, i) =>
          expect(
            relClose(e, edges?.[i] ?? NaN, 1e-12),
            `${c.name} edge ${i}: ${e} vs ${edges?.[i]}`,
          ).toBe(true),
        );
      }
      for (const s of got.slices) {
        for (const t of s.terms) {
          if (t.bin === null) continue;
          const edges = want.info.edges[t.column] ?? [];
          const lo = t.bin > 0 ? (edges[t.bin - 1] ?? null) : null;
          const hi = t.bin < edges.length ? (edges[t.bin] ?? null) : null;
          expect(t.range, `${s.text}: ${t.column} bin ${t.bin}`).not.toBeNull();
          const [glo, ghi] = t.range ?? [null, null];
          expect([glo === null, ghi === null], `${s.text}: open ends`).toEqual([
            lo === null,
            hi === null,
          ]);
          if (lo !== null && glo !== null) expect(relClose(glo, lo, 1e-12)).toBe(true);
          if (hi !== null && ghi !== null) expect(relClose(ghi, hi, 1e-12)).toBe(true);
        }
      }
    });

    it(`${label}: each slice's predicates select its rows`, async () => {
      const { got, want, where, errors, table, log } = await once();
      const searched = new Set(errors.flatMap((e, r) => (e === null ? [] : [r])));
      if (got.slices.length === 0) return;
      // One query: each slice's rows by its predicates (and the subset), tagged by its rank.
      const each = got.slices.map(
        (s, i) =>
          sql`SELECT ${i}::INTEGER AS i, id FROM ${ident(table)} WHERE ${predicateSql([...where, ...s.predicates])}`,
      );
      const selected: number[][] = got.slices.map(() => []);
      for (const row of readRows(await engine.query(join(each, ' UNION ALL ')))) {
        const id = Number(row.id);
        if (searched.has(id)) selected[Number(row.i)]?.push(id);
      }
      got.slices.forEach((s, i) => {
        const ids = (selected[i] ?? []).sort((a, b) => a - b);
        const rows = want.slices[i]?.rows ?? [];
        // On failure, the first few rows selected but not in the slice, with their values.
        const extra = ids
          .filter((id) => !rows.includes(id))
          .slice(0, 5)
          .map(
            (id) =>
              `${id} ${JSON.stringify(s.terms.map((t) => String(valueAt(log, t.column, id))))}`,
          );
        expect(
          ids,
          `${s.text}: rows of ${JSON.stringify(s.predicates)}; extra: ${extra.join('; ')}`,
        ).toEqual(rows);
      });
    });

    it(`${label}: the lattice's level counts are consistent`, async () => {
      const { got, want } = await once();
      expect(got.levels.length).toBeGreaterThan(0);
      expect(got.levels.length).toBeLessThanOrEqual(spec.options.maxLevel ?? 3);
      got.levels.forEach((l, i) => {
        expect(l.level).toBe(i + 1);
        expect(l.evaluated + l.pruned).toBeLessThanOrEqual(l.candidates);
        expect(l.qualifying).toBeLessThanOrEqual(l.evaluated);
      });
      const evaluated = got.levels.reduce((a, l) => a + l.evaluated, 0);
      const qualifying = got.levels.reduce((a, l) => a + l.qualifying, 0);
      expect(evaluated).toBeLessThanOrEqual(want.info.candidates_evaluated);
      expect(qualifying).toBeLessThanOrEqual(want.info.qualifying);
      expect(qualifying).toBeGreaterThanOrEqual(want.slices.length);
    });
  });

  it('the random logs are not trivial: slices found, exact ties, repeated edges', () => {
    const ran = CASES.map((spec) => {
      const log = randomLog(spec);
      return oracleFor(spec, log, rowErrors(log, spec.task, spec.where?.(log) ?? []));
    });
    const empty = CASES.filter((_, i) => ran[i]?.slices.length === 0).map((c) => c.name);
    expect(empty).toEqual(CASES.map((c) => c.name).filter((n) => n.includes('nothing qualifies')));
    const tied = ran.filter((r) =>
      r.slices.some((s, i) => {
        const next = r.slices[i + 1];
        return next !== undefined && next.score === s.score && next.size === s.size;
      }),
    );
    expect(tied.length).toBeGreaterThanOrEqual(3);
    // Paired logs: some top slices tie with their twin differing only by 😀 / ﬀ (code point order).
    CASES.forEach((spec, i) => {
      const texts = ran[i]?.slices.map((x) => x.text) ?? [];
      const twins = texts.filter(
        (t) =>
          t.includes('sym = \uFB00') &&
          texts.includes(t.replace('sym = \uFB00', 'sym = \u{1F600}')),
      );
      if (spec.paired === true) expect(twins.length, spec.name).toBeGreaterThan(0);
      if (spec.duplicate === true) {
        expect(texts.filter((t) => t.includes(' copy = ')).length, spec.name).toBeGreaterThan(0);
      }
    });
    // Somewhere the k-th slice ties with the (k+1)-th: the cut falls inside a tie.
    const cutInTie = ran.filter((r) => {
      const last = r.slices[r.slices.length - 1];
      const next = r.ranked[r.slices.length];
      return last !== undefined && next !== undefined && next.score === last.score;
    });
    expect(cutInTie.length).toBeGreaterThan(0);
    const repeated = ran.filter((r) =>
      Object.values(r.info.edges).some((e) => e !== null && new Set(e).size < e.length),
    );
    expect(repeated.length).toBeGreaterThanOrEqual(5);
  });
});
