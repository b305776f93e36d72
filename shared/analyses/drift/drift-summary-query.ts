// The one scan per side behind every column's counts, and its reader.
import type { Table } from 'apache-arrow';
import { readColumns, type Cell } from '../../engine/arrow-columns.ts';
import { ident, join, sql, type Sql } from '../../sql/sql.ts';
import { driftSides, invalidSql, sideSource, type DriftSide } from './drift-source.ts';
import type { DriftSpec } from './drift-spec.ts';

/** A result alias carrying a column's index, never its name, so hostile names cannot collide. */
export const indexAlias = (what: string, i: number): Sql => ident(`${what}_${i}`);

/**
 * One scan of a side: row count; per column non-null and invalid counts. Aliases: `rows`,
 * `nonnull_i`, `invalid_i`. Counting reads little; the numeric columns' moments come from the
 * grouped table of their values (drift-cdf.ts), which has to be built anyway.
 */
export function sideSummaryQuery(spec: DriftSpec, side: DriftSide): Sql {
  const parts = spec.columns.flatMap((column, i) => {
    const out = [sql`count(${ident(column.name)})::DOUBLE AS ${indexAlias('nonnull', i)}`];
    const invalid = invalidSql(column, side);
    if (invalid) out.push(sql`count_if(${invalid})::DOUBLE AS ${indexAlias('invalid', i)}`);
    return out;
  });
  const all = [sql`count(*)::DOUBLE AS ${ident('rows')}`, ...parts];
  return sql`SELECT ${join(all)} FROM ${sideSource(spec, side)}`;
}

export const cellNumber = (v: Cell | undefined): number | null =>
  typeof v === 'number' ? v : null;
export const cellCount = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);

/** The moments of a side's valid values (null without any). */
export interface Moments {
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
}

/** One side of one column: the summary scan's counts and, for numeric columns, its moments. */
export interface SideFacts extends Moments {
  rows: number;
  nulls: number;
  invalid: number;
  /** Valid values: non-null and not invalid. */
  n: number;
}

const noMoments: Moments = { mean: null, std: null, min: null, max: null };

/**
 * Per column, per side: the counts of sideSummaryQuery, from its two results, with the numeric
 * columns' moments where `moments` has them (by column index).
 */
export function readSideFacts(
  spec: DriftSpec,
  results: Record<DriftSide, Table>,
  moments: ReadonlyMap<number, Record<DriftSide, Moments>> = new Map(),
): Record<DriftSide, SideFacts>[] {
  const tables = {
    reference: readColumns(results.reference),
    current: readColumns(results.current),
  };
  return spec.columns.map((_column, i) => {
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
        n: nonNull - invalid,
        ...(moments.get(i)?.[side] ?? noMoments),
      };
    }
    return facts;
  });
}
