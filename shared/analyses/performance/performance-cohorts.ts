// Cohorts of the performance table: the key each row is grouped by per cohort column (its value, or
// its equal-mass bin of a numeric column, STATS.md "Numeric drift" bins), and a key's name and
// predicates for people and for the cohort filter.
import type { Table } from 'apache-arrow';
import type { Cell } from '../../engine/arrow-columns.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import type { Predicate } from '../../sql/predicate.ts';
import { ident, sql, type Sql } from '../../sql/sql.ts';
import { edgePositions, quantileEdges } from '../../stats/quantile-edges.ts';
import { cohortSource } from '../cohort-source.ts';
import {
  intSql,
  quantileBinLabel,
  quantileBinPredicates,
  quantileBinSql,
  sortedValuesOf,
} from '../quantile-bins.ts';
import { invalidValueSql, validNumberSql } from '../valid-value.ts';
import type { CohortSpec, PerformanceByColumn } from './performance-spec.ts';

/** The bin key of a NaN or ±Infinity value: a cohort of its own, named `(invalid)`. */
export const INVALID_BIN = -1;

/** A cohort column's value in a result: as in the file, a bin's `(a, b]`, or null. */
export type CohortValue = string | number | boolean | null;

/** The side whose quantiles cut numeric cohort columns: the reference's, else the log's. */
const edgeSide = (spec: CohortSpec): { side: { table: string }; types: string[] } =>
  spec.reference
    ? { side: spec.reference, types: spec.by.map((b) => b.referenceType ?? b.logType) }
    : { side: spec.log, types: spec.by.map((b) => b.logType) };

/**
 * The quantile edges of each numeric cohort column (null for the others): STATS.md's 10
 * equal-mass bins of the reference's cohort-filtered values, else the log's. Two small queries
 * (valid counts, then the order statistics the edges need), none without numeric columns.
 */
export async function cohortEdges(
  run: (q: Sql) => Promise<Table>,
  spec: CohortSpec,
): Promise<(number[] | null)[]> {
  const numeric = spec.by.flatMap((b, i) => (b.mode === 'quantile' ? [i] : []));
  const edges: (number[] | null)[] = spec.by.map(() => null);
  if (numeric.length === 0) return edges;
  const { side, types } = edgeSide(spec);
  const value = (i: number) => validNumberSql(spec.by[i]?.name ?? '', types[i] ?? '');
  const sorted = await sortedValuesOf(
    run,
    cohortSource(side.table, spec.where),
    numeric.map(value),
    edgePositions(),
  );
  numeric.forEach((i, j) => {
    const s = sorted[j];
    // No valid value to cut on: every valid value of the other side falls in one bin.
    edges[i] = s === undefined || s.n === 0 ? [] : quantileEdges(s.n, s.at);
  });
  return edges;
}

/**
 * The SQL key a row is grouped by for a cohort column of type `type`: numbers as DOUBLE, booleans
 * as they are, anything else as text; for a quantile column, its bin (NULL stays NULL, NaN and
 * ±Infinity go to INVALID_BIN).
 */
export function cohortKeySql(by: PerformanceByColumn, type: string, edges: number[] | null): Sql {
  const c = ident(by.name);
  if (by.mode === 'quantile') {
    const invalid = invalidValueSql(by.name, type);
    const head = [
      sql`WHEN ${c} IS NULL THEN NULL::INTEGER`,
      ...(invalid ? [sql`WHEN ${invalid} THEN ${intSql(INVALID_BIN)}`] : []),
    ];
    return quantileBinSql(sql`${c}::DOUBLE`, edges ?? [], head);
  }
  if (isNumericType(type)) return sql`${c}::DOUBLE`;
  return type === 'BOOLEAN' ? c : sql`${c}::VARCHAR`;
}

/** The types of a side's cohort columns. */
export const sideTypes = (spec: CohortSpec, side: 'log' | 'reference'): string[] =>
  spec.by.map((b) => (side === 'log' ? b.logType : (b.referenceType ?? b.logType)));

/** A cohort for people and for the cohort filter. */
export interface CohortDescription {
  cohort: Record<string, CohortValue>;
  /** The `--where` predicates that select it; null when none can (NaN values). */
  predicates: Predicate[] | null;
}

const cellValue = (v: Cell | undefined): CohortValue => (v === undefined ? null : v);

/** A cohort's name per column and its predicates, from its keys (in `by` order). */
export function describeCohort(
  by: readonly PerformanceByColumn[],
  keys: readonly Cell[],
  edges: readonly (number[] | null)[],
): CohortDescription {
  const cohort: Record<string, CohortValue> = {};
  let predicates: Predicate[] | null = [];
  by.forEach((b, i) => {
    const key = cellValue(keys[i]);
    if (b.mode === 'value' || key === null) {
      cohort[b.name] = key;
      predicates?.push({ column: b.name, op: '=', value: key });
      return;
    }
    const bin = Number(key);
    const e = edges[i] ?? [];
    if (bin === INVALID_BIN) {
      cohort[b.name] = '(invalid)';
      predicates = null;
      return;
    }
    cohort[b.name] = quantileBinLabel(e, bin);
    predicates?.push(...quantileBinPredicates(b.name, e, bin));
  });
  return { cohort, predicates };
}
