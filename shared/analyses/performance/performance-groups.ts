// The groups every performance scan aggregates in one pass, whatever the task: the overall rows,
// each cohort, and with a time column each window of both (DuckDB GROUPING SETS), and how a result
// row says which group it is.
import type { Table } from 'apache-arrow';
import { readRows, type Cell } from '../../engine/arrow-columns.ts';
import { ident, join, raw, sql, type Sql } from '../../sql/sql.ts';

/** Aliases of the cohort keys: by index, never a user's name, so no name can collide. */
const keyAlias = (i: number): Sql => ident(`k_${i}`);

/** The grouping a scan of `from` is cut by: its cohort keys and window start, as SQL. */
export interface Grouping {
  cohortKeys: readonly Sql[];
  /** The window start text of a row, or null for no timeline. */
  windowStart: Sql | null;
}

/** The fields each row gets before grouping: `k_0`, `k_1`, … and `w`. */
export function groupFieldsSql(g: Grouping): Sql[] {
  return [
    ...g.cohortKeys.map((k, i) => sql`${k} AS ${keyAlias(i)}`),
    ...(g.windowStart ? [sql`${g.windowStart} AS w`] : []),
  ];
}

/**
 * The select list naming a group: `no_window` and `no_cohort` (1 when the group spans all windows
 * / all cohorts), `w` (NULL without a timeline) and the cohort keys.
 */
export function groupFlagsSql(g: Grouping): Sql {
  const first = g.cohortKeys.length > 0 ? keyAlias(0) : null;
  return join([
    g.windowStart ? sql`grouping(w) AS no_window` : sql`1 AS no_window`,
    first ? sql`grouping(${first}) AS no_cohort` : sql`1 AS no_cohort`,
    g.windowStart ? raw('w') : sql`NULL::VARCHAR AS w`,
    ...g.cohortKeys.map((_, i) => keyAlias(i)),
  ]);
}

/** The columns that name a group once it is aggregated (for PARTITION BY and GROUP BY). */
export function groupKeysSql(g: Grouping): Sql {
  return join([
    raw('no_window'),
    raw('no_cohort'),
    raw('w'),
    ...g.cohortKeys.map((_, i) => keyAlias(i)),
  ]);
}

/**
 * GROUPING SETS for the overall rows and the cohorts, each per window too when there is a
 * timeline; `within` are columns every set also groups by (e.g. the score, for midranks).
 */
export function groupingSetsSql(g: Grouping, within: readonly Sql[] = []): Sql {
  const keys = g.cohortKeys.map((_, i) => keyAlias(i));
  const sets = [[...within], ...(keys.length > 0 ? [[...keys, ...within]] : [])];
  const all = g.windowStart ? [...sets, ...sets.map((set) => [raw('w'), ...set])] : sets;
  return sql`GROUPING SETS (${join(all.map((set) => sql`(${join(set)})`))})`;
}

/** Which group a result row is. */
export interface GroupKey {
  /** Null for the groups over all windows (and the window of rows without a time). */
  window: string | null;
  /** True for groups of one window: rows with a null time make a window of their own, null. */
  windowed: boolean;
  /** The cohort keys, in `by` order; null for the groups over all cohorts. */
  keys: Cell[] | null;
}

/** A result row's group, for `keyCount` cohort keys. */
export function readGroupKey(r: Record<string, Cell>, keyCount: number): GroupKey {
  return {
    window: typeof r.w === 'string' ? r.w : null,
    windowed: r.no_window === 0,
    keys:
      r.no_cohort === 0 ? Array.from({ length: keyCount }, (_, i) => r[`k_${i}`] ?? null) : null,
  };
}

/** A cohort's keys as a map key. */
export const keyText = (keys: readonly Cell[]): string => JSON.stringify(keys);

/** A side's groups, split: overall, per cohort, per window, per window and cohort. */
export interface SideGroups<T> {
  overall: T;
  cohorts: Map<string, { keys: Cell[]; counts: T }>;
  windows: Map<string, T>;
  /** Keyed `${window}|${keyText(keys)}`. */
  cohortWindows: Map<string, T>;
  /** Rows of the window of rows without a time. */
  rowsWithoutTime: number;
}

/**
 * A scan's rows, each added into its group's counts (a scan may return several rows per group,
 * e.g. one per cell of a confusion matrix), then split by kind of group. `add` must not mutate.
 */
export function splitGroups<T>(
  result: Table,
  keyCount: number,
  add: (counts: T, r: Record<string, Cell>) => T,
  rowsOf: (c: T) => number,
  zero: T,
): SideGroups<T> {
  const out: SideGroups<T> = {
    overall: zero,
    cohorts: new Map(),
    windows: new Map(),
    cohortWindows: new Map(),
    rowsWithoutTime: 0,
  };
  let withoutTime = zero;
  for (const r of readRows(result)) {
    const g = readGroupKey(r, keyCount);
    if (g.windowed && g.window === null) {
      if (g.keys === null) withoutTime = add(withoutTime, r);
    } else if (g.windowed && g.window !== null) {
      const map = g.keys === null ? out.windows : out.cohortWindows;
      const key = g.keys === null ? g.window : `${g.window}|${keyText(g.keys)}`;
      map.set(key, add(map.get(key) ?? zero, r));
    } else if (g.keys === null) out.overall = add(out.overall, r);
    else {
      const key = keyText(g.keys);
      out.cohorts.set(key, { keys: g.keys, counts: add(out.cohorts.get(key)?.counts ?? zero, r) });
    }
  }
  out.rowsWithoutTime = rowsOf(withoutTime);
  return out;
}
