// An independent exhaustive SliceLine oracle for tests (STATS.md "Weak-slice discovery
// (SliceLine)"; the same enumeration as ../shared/reference/make_reference.py
// `sliceline_exhaustive`): every conjunction of 1..maxLevel distinct columns, one value each, is
// sized and scored; no lattice, no pruning, no DuckDB. Small data only.
import { binIndex, linearQuantile } from '../shared/stats/quantile-edges.ts';

/** Numeric columns are cut into this many equal-mass bins. */
export const ORACLE_BINS = 5;

export type OracleValue = string | number | boolean | null;

export interface OracleColumn {
  name: string;
  /** Numeric: searched by equal-mass bin; otherwise by the value's text. */
  numeric: boolean;
}

export interface OracleInput {
  /** The table's rows (all of them: rows whose error is null are not searched). */
  rows: readonly Record<string, OracleValue>[];
  /** The feature columns searched, in the table's column order. */
  columns: readonly OracleColumn[];
  /** Each row's error; null when the row is not searched (no known error, outside the subset). */
  errors: readonly (number | null)[];
  alpha: number;
  k: number;
  maxLevel: number;
  /** Null: STATS.md's default, max(32, ceil(0.01 n)). */
  minSupport: number | null;
}

/** One `column = value` of a slice. */
export interface OracleTerm {
  column: string;
  /** A categorical value's text (null for the nulls); null for a numeric column. */
  value: string | null;
  /** A numeric column's bin 0..4 (null for its nulls, and for a categorical column). */
  bin: number | null;
}

export interface OracleSlice {
  /** In the table's column order. */
  terms: OracleTerm[];
  /** STATS.md's predicate text: `column = value` joined by ' AND ' (a bin by index, null NULL). */
  text: string;
  level: number;
  size: number;
  error_sum: number;
  error: number;
  score: number;
  /** Indexes (into `rows`) of the rows in the slice, ascending. */
  rows: number[];
}

export interface OracleInfo {
  /** Rows searched (known error). */
  n: number;
  mean_error: number;
  min_support: number;
  /** Every conjunction of distinct columns up to maxLevel, empty ones included (as Python's). */
  candidates_evaluated: number;
  /** Slices with score > 0 and size >= min support. */
  qualifying: number;
  /** Per numeric column, its 4 bin edges (duplicates kept); null without a finite value. */
  edges: Record<string, number[] | null>;
}

export interface OracleResult {
  /** The top k, best first. */
  slices: OracleSlice[];
  /** Every qualifying slice, best first. */
  ranked: OracleSlice[];
  info: OracleInfo;
}

/** Compares two strings by Unicode code point (not by UTF-16 code unit, as `<` does). */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done === true) return y.done === true ? 0 : -1;
    if (y.done === true) return 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** STATS.md's ranking: score desc, size desc, predicate text asc by code point. */
export function compareSlices(
  a: Pick<OracleSlice, 'score' | 'size' | 'text'>,
  b: Pick<OracleSlice, 'score' | 'size' | 'text'>,
): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.size !== b.size) return b.size - a.size;
  return compareCodePoints(a.text, b.text);
}

/** numpy.quantile(x, [k/5 for k in 1..4], method='linear') of the finite values, sorted. */
export function oracleEdges(values: readonly number[], bins = ORACLE_BINS): number[] | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const edges: number[] = [];
  for (let q = 1; q < bins; q++) {
    edges.push(linearQuantile(sorted.length, q / bins, (i) => sorted[i] ?? NaN));
  }
  return edges;
}

/** A value as a number: numbers as they are, text parsed, anything else not a number. */
function asNumber(v: OracleValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? NaN : Number(v);
  return NaN;
}

/** One searchable value of a column: the items of the lattice's level 1. */
interface Item {
  term: OracleTerm;
  text: string;
}

/** A column's items and each searched row's item index (-1: the row never forms a slice). */
interface ColumnItems {
  items: Item[];
  codes: Int32Array;
}

function columnItems(
  input: OracleInput,
  column: OracleColumn,
  searched: readonly number[],
  edges: Record<string, number[] | null>,
): ColumnItems {
  const codes = new Int32Array(input.rows.length).fill(-1);
  const byKey = new Map<string, number>();
  const items: Item[] = [];
  const itemOf = (key: string, term: OracleTerm, shown: string): number => {
    let index = byKey.get(key);
    if (index === undefined) {
      index = items.length;
      byKey.set(key, index);
      items.push({ term, text: `${column.name} = ${shown}` });
    }
    return index;
  };
  const cell = (row: number): OracleValue => input.rows[row]?.[column.name] ?? null;
  if (column.numeric) {
    const values = searched.map((r) => asNumber(cell(r))).filter((v): v is number => v !== null);
    const e = oracleEdges(values);
    edges[column.name] = e;
    for (const r of searched) {
      const x = asNumber(cell(r));
      if (x === null) {
        codes[r] = itemOf('null', { column: column.name, value: null, bin: null }, 'NULL');
      } else if (Number.isFinite(x) && e !== null) {
        const bin = binIndex(e, x);
        codes[r] = itemOf(`bin ${bin}`, { column: column.name, value: null, bin }, String(bin));
      }
      // NaN and ±Infinity: the row is searched (it counts in n) but forms no slice here.
    }
  } else {
    for (const r of searched) {
      const v = cell(r);
      codes[r] =
        v === null
          ? itemOf('null', { column: column.name, value: null, bin: null }, 'NULL')
          : itemOf(
              `value ${String(v)}`,
              { column: column.name, value: String(v), bin: null },
              String(v),
            );
    }
  }
  return { items, codes };
}

/**
 * The exhaustive SliceLine answer: every conjunction of 1..maxLevel distinct columns (one value
 * each) over the rows with a known error, scored by STATS.md's sc(S), the qualifying ones
 * (score > 0, size >= min support) ranked, the top k returned.
 */
export function slicelineOracle(input: OracleInput): OracleResult {
  const { alpha, k, maxLevel } = input;
  const searched: number[] = [];
  let total = 0;
  input.errors.forEach((e, r) => {
    if (e === null) return;
    searched.push(r);
    total += e;
  });
  const n = searched.length;
  const mean = total / n;
  const minSupport = input.minSupport ?? Math.max(32, Math.ceil(0.01 * n));
  const edges: Record<string, number[] | null> = {};
  const columns = input.columns.map((c) => columnItems(input, c, searched, edges));
  const err = (r: number): number => input.errors[r] ?? 0;

  const found: OracleSlice[] = [];
  let evaluated = 0;
  const visit = (start: number, rows: readonly number[], path: Item[]): void => {
    for (let c = start; c < columns.length; c++) {
      const { items, codes } = columns[c] as ColumnItems;
      // Rows of the parent conjunction, split by this column's item.
      const split: number[][] = items.map(() => []);
      for (const r of rows) {
        const code = codes[r] ?? -1;
        if (code >= 0) split[code]?.push(r);
      }
      items.forEach((item, i) => {
        const sub = split[i] ?? [];
        const terms = [...path, item];
        evaluated++;
        const size = sub.length;
        if (size > 0 && size >= minSupport) {
          let errorSum = 0;
          for (const r of sub) errorSum += err(r);
          const error = errorSum / size;
          const score = alpha * (error / mean - 1) - (1 - alpha) * (n / size - 1);
          if (score > 0) {
            found.push({
              terms: terms.map((t) => ({ ...t.term })),
              text: terms.map((t) => t.text).join(' AND '),
              level: terms.length,
              size,
              error_sum: errorSum,
              error,
              score,
              rows: sub,
            });
          }
        }
        if (terms.length < maxLevel) visit(c + 1, sub, terms);
      });
    }
  };
  visit(0, searched, []);
  found.sort(compareSlices);
  return {
    slices: found.slice(0, k),
    ranked: found,
    info: {
      n,
      mean_error: mean,
      min_support: minSupport,
      candidates_evaluated: evaluated,
      qualifying: found.length,
      edges,
    },
  };
}
