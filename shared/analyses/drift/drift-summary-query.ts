// The one scan per side behind every column's counts, and its reader.
import type { Table } from 'apache-arrow';
import { readColumns, type Cell } from '../../engine/arrow-columns.ts';
import { ident, join, sql, type Sql } from '../../sql/sql.ts';
import { driftSides, invalidSql, sideSource, validNumber, type DriftSide } from './drift-source.ts';
import type { DriftSpec } from './drift-spec.ts';

/** A result alias carrying a column's index, never its name, so hostile names cannot collide. */
export const indexAlias = (what: string, i: number): Sql => ident(`${what}_${i}`);

/**
 * One scan of a side: row count; per column non-null and invalid counts; per numeric column
 * n, mean, std (n-1), min and max of the valid values. Aliases: `rows`, `nonnull_i`, ...
 */
export function sideSummaryQuery(spec: DriftSpec, side: DriftSide): Sql {
  const parts = spec.columns.flatMap((column, i) => {
    const out = [sql`count(${ident(column.name)})::DOUBLE AS ${indexAlias('nonnull', i)}`];
    const invalid = invalidSql(column, side);
    if (invalid) out.push(sql`count_if(${invalid})::DOUBLE AS ${indexAlias('invalid', i)}`);
    if (column.kind === 'numeric') {
      const v = validNumber(column, side);
      out.push(
        sql`count(${v})::DOUBLE AS ${indexAlias('n', i)}`,
        sql`avg(${v}) AS ${indexAlias('mean', i)}`,
        sql`stddev_samp(${v}) AS ${indexAlias('std', i)}`,
        sql`min(${v}) AS ${indexAlias('min', i)}`,
        sql`max(${v}) AS ${indexAlias('max', i)}`,
      );
    }
    return out;
  });
  const all = [sql`count(*)::DOUBLE AS ${ident('rows')}`, ...parts];
  return sql`SELECT ${join(all)} FROM ${sideSource(spec, side)}`;
}

export const cellNumber = (v: Cell | undefined): number | null =>
  typeof v === 'number' ? v : null;
export const cellCount = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);

/** One side of one column as the summary scan saw it. */
export interface SideFacts {
  rows: number;
  nulls: number;
  invalid: number;
  /** Valid values. */
  n: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
}

/** Per column, per side: the facts of sideSummaryQuery, from its two results. */
export function readSideFacts(
  spec: DriftSpec,
  results: Record<DriftSide, Table>,
): Record<DriftSide, SideFacts>[] {
  const tables = {
    reference: readColumns(results.reference),
    current: readColumns(results.current),
  };
  return spec.columns.map((column, i) => {
    const facts = {} as Record<DriftSide, SideFacts>;
    for (const side of driftSides) {
      const t = tables[side];
      const get = (what: string) => t[`${what}_${i}`]?.[0];
      const rows = cellCount(t.rows?.[0]);
      const nonNull = cellCount(get('nonnull'));
      const invalid = cellCount(get('invalid'));
      facts[side] = {
        rows,
        nulls: rows - nonNull,
        invalid,
        n: column.kind === 'numeric' ? cellCount(get('n')) : nonNull - invalid,
        mean: cellNumber(get('mean')),
        std: cellNumber(get('std')),
        min: cellNumber(get('min')),
        max: cellNumber(get('max')),
      };
    }
    return facts;
  });
}
