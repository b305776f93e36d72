// The groups every canary query aggregates in one pass: all rows and each value of each segment
// column (one GROUPING SET per column, so segments never cross), per side where the query
// compares sides, and with a timeline each window of those too. A result row says its group in
// `seg` (-1 all rows, else the segment column's index), the keys `k_i`, `windowed` and `w`.
import type { Table } from 'apache-arrow';
import { readRows, type Cell } from '../../engine/arrow-columns.ts';
import { join, raw, sql, type Sql } from '../../sql/sql.ts';
import { windowLabelSql } from '../windows.ts';
import { segmentKey } from './canary-rows.ts';

export interface CanaryGrouping {
  /** Columns every set groups by (e.g. `side`). */
  always: readonly Sql[];
  segments: number;
  /** Per window too (`w` of canaryRowsSql). */
  windowed: boolean;
}

const keys = (g: CanaryGrouping) => Array.from({ length: g.segments }, (_, i) => segmentKey(i));

/** GROUPING SETS of the grouping; `within` are columns every set also groups by (a ranked value). */
export function groupingSetsSql(g: CanaryGrouping, within: readonly Sql[] = []): Sql {
  const base = [...g.always, ...within];
  const plain = [base, ...keys(g).map((k) => [...base, k])];
  const sets = g.windowed ? [...plain, ...plain.map((set) => [raw('w'), ...set])] : plain;
  return sql`GROUPING SETS (${join(sets.map((set) => sql`(${join(set)})`))})`;
}

/** The select list naming a group, before aggregation is finished: `windowed`, `seg`, keys, `w`. */
export function groupFlagsSql(g: CanaryGrouping): Sql {
  const seg =
    g.segments === 0
      ? raw('-1')
      : sql`CASE ${join(
          keys(g).map((k, i) => sql`WHEN grouping(${k}) = 0 THEN ${raw(`${i}`)}`),
          ' ',
        )} ELSE -1 END`;
  return join([
    ...g.always,
    g.windowed ? raw('1 - grouping(w) AS windowed') : raw('0 AS windowed'),
    sql`${seg} AS seg`,
    ...keys(g),
    g.windowed ? raw('w') : raw('NULL::TIMESTAMP AS w'),
  ]);
}

/** The columns naming a group once flagged (PARTITION BY and GROUP BY of a second level). */
export function groupColumnsSql(g: CanaryGrouping): Sql {
  return join([...g.always, raw('windowed'), raw('seg'), ...keys(g), raw('w')]);
}

/** `w` as its `YYYY-MM-DD` label, for a select list (`w` grouped, or a column of a grouped result). */
export const windowLabel = (g: CanaryGrouping): Sql =>
  g.windowed ? sql`${windowLabelSql(raw('w'))} AS w_label` : raw('NULL::VARCHAR AS w_label');

/** Which group a result row is. */
export interface CanaryGroupKey {
  /** -1 for all rows, else the segment column's index. */
  seg: number;
  value: Cell;
  /** Null for the groups over all windows (and the window of rows without a time). */
  window: string | null;
  windowed: boolean;
}

/** A map key for a group: the same for every query's row of it. */
export const groupId = (k: CanaryGroupKey): string =>
  JSON.stringify([
    k.windowed ? (k.window ?? '(no time)') : null,
    k.seg,
    k.seg < 0 ? null : k.value,
  ]);

/** A result's rows, each with its group key. */
export function readGroupRows(result: Table): { key: CanaryGroupKey; row: Record<string, Cell> }[] {
  return readRows(result).map((row) => {
    const seg = Number(row.seg);
    return {
      key: {
        seg,
        value: seg < 0 ? null : (row[`k_${seg}`] ?? null),
        window: typeof row.w_label === 'string' ? row.w_label : null,
        windowed: row.windowed === 1,
      },
      row,
    };
  });
}
