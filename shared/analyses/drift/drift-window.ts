// Timeline windows of drift (CLI.md `faultline drift --window`): a window is named by the ISO date
// of its start; days at midnight, weeks on Monday, months on the 1st (DuckDB's date_trunc: its
// 'week' is the ISO week, which starts on Monday). date_trunc is given the column as it is: the
// loader normalises TIMESTAMPTZ to TIMESTAMP, and DuckDB-WASM has no ICU for date_trunc on TZ.
import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import { ident, raw, sql, type Sql } from '../../sql/sql.ts';
import type { DriftWindowUnit } from './drift-spec.ts';

const DAY_MS = 86_400_000;

/**
 * `auto` thresholds on the current data's span (last time - first time), so that a timeline has
 * roughly 8 to 60 windows: up to 6 weeks by day (at most 43 windows), up to 52 weeks by week
 * (7 to 53), beyond that by month (12 or more). Shorter spans give fewer day windows.
 */
export const DAY_WINDOW_MAX_DAYS = 42;
export const WEEK_WINDOW_MAX_DAYS = 364;

/** The window `auto` picks for a span in epoch milliseconds (null span: day). */
export function chooseWindow(span: { start: number; end: number } | null): DriftWindowUnit {
  if (span === null) return 'day';
  const days = (span.end - span.start) / DAY_MS;
  if (days <= DAY_WINDOW_MAX_DAYS) return 'day';
  if (days <= WEEK_WINDOW_MAX_DAYS) return 'week';
  return 'month';
}

const units: Record<DriftWindowUnit, Sql> = {
  day: raw(`'day'`),
  week: raw(`'week'`),
  month: raw(`'month'`),
};

/** The window start of a time column as `YYYY-MM-DD` text (NULL when the time is null). */
export function windowStartSql(time: string, unit: DriftWindowUnit): Sql {
  return sql`strftime(date_trunc(${units[unit]}, ${ident(time)}), '%Y-%m-%d')`;
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
