// Timeline windows of every analysis over time (CLI.md `--window`): a window is named by the ISO
// date of its start; days at midnight, weeks on Monday, months on the 1st (DuckDB's date_trunc: its
// 'week' is the ISO week, which starts on Monday). date_trunc is given the column as it is: the
// loader normalises TIMESTAMPTZ to TIMESTAMP, and DuckDB-WASM has no ICU for date_trunc on TZ.
import type { Table } from 'apache-arrow';
import { readRows } from '../engine/arrow-columns.ts';
import { FaultlineError } from '../errors.ts';
import type { DatasetSchema } from '../schema/dataset-schema.ts';
import { ident, raw, sql, type Sql } from '../sql/sql.ts';

/** A timeline window (CLI `--window`). */
export type WindowUnit = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

/**
 * `auto` thresholds on the current data's span (last time - first time), so that a timeline has
 * roughly 8 to 60 windows: up to 6 weeks by day (at most 43 windows), up to 52 weeks by week
 * (7 to 53), beyond that by month (12 or more). Shorter spans give fewer day windows.
 */
export const DAY_WINDOW_MAX_DAYS = 42;
export const WEEK_WINDOW_MAX_DAYS = 364;

/** The window `auto` picks for a span in epoch milliseconds (null span: day). */
export function chooseWindow(span: { start: number; end: number } | null): WindowUnit {
  if (span === null) return 'day';
  const days = (span.end - span.start) / DAY_MS;
  if (days <= DAY_WINDOW_MAX_DAYS) return 'day';
  if (days <= WEEK_WINDOW_MAX_DAYS) return 'week';
  return 'month';
}

const units: Record<WindowUnit, Sql> = {
  day: raw(`'day'`),
  week: raw(`'week'`),
  month: raw(`'month'`),
};

/** The window start of a time column, as a timestamp (NULL when the time is null). */
export function windowTruncSql(time: string, unit: WindowUnit): Sql {
  return sql`date_trunc(${units[unit]}, ${ident(time)})`;
}

/** A window start as `YYYY-MM-DD` text: after grouping, it formats a few groups, not every row. */
export function windowLabelSql(start: Sql): Sql {
  return sql`strftime(${start}, '%Y-%m-%d')`;
}

/** The window start of a time column as `YYYY-MM-DD` text (NULL when the time is null). */
export function windowStartSql(time: string, unit: WindowUnit): Sql {
  return windowLabelSql(windowTruncSql(time, unit));
}

/** First and last time of a time column in `from`, as epoch milliseconds (`start`, `end`). */
export function timeSpanQuery(from: Sql, time: string): Sql {
  const t = ident(time);
  return sql`SELECT epoch_ms(min(${t}))::DOUBLE AS start, epoch_ms(max(${t}))::DOUBLE AS "end"
    FROM ${from}`;
}

/** timeSpanQuery's span, or null when the column has no values. */
export function readTimeSpan(result: Table): { start: number; end: number } | null {
  const row = readRows(result)[0];
  const start = row?.start;
  const end = row?.end;
  return typeof start === 'number' && typeof end === 'number' ? { start, end } : null;
}

/** `--window` text → a unit, or null when it names none. */
export const isWindowUnit = (w: string): w is WindowUnit =>
  w === 'day' || w === 'week' || w === 'month';

/**
 * The first window from which a condition holds in every later window (STATS.md "Onset"), judged
 * on the windows where it can be judged: a window with `holds` null neither starts the run nor
 * breaks it. Null when the last judged window does not hold, or none is judged.
 */
export function onsetWindow(
  windows: readonly { window: string; holds: boolean | null }[],
): string | null {
  let since: string | null = null;
  for (const { window, holds } of windows) {
    if (holds === null) continue;
    if (holds) since ??= window;
    else since = null;
  }
  return since;
}

/**
 * The column a timeline is cut on: the one named, or the schema's time role (null when it has
 * none). A named column that is missing or not a date or timestamp fails, naming `data`.
 */
export function timeColumn(
  schema: DatasetSchema,
  named: string | undefined,
  data: string,
): string | null {
  if (named === undefined) return schema.columns.find((c) => c.role === 'time')?.name ?? null;
  const column = schema.columns.find((c) => c.name === named);
  if (!column) {
    throw new FaultlineError({
      code: 'unknown_column',
      column: named,
      message: `no time column named "${named}" in ${data}`,
    });
  }
  if (column.kind !== 'datetime') {
    throw new FaultlineError({
      code: 'bad_argument',
      column: named,
      message: `'${named}' is ${column.kind}: a timeline needs a date or timestamp column`,
    });
  }
  return named;
}
