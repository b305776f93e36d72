// Drift over time (CLI.md `faultline drift --window`): each window of the current data against the
// WHOLE reference, on the bins of the overall result, and each column's onset (`since`).
import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import { ident, sql, type Sql } from '../../sql/sql.ts';
import { psi, psiBand, shares, type PsiBand } from '../../stats/psi.ts';
import { binCountsByColumn, binIndexSql, MISSING_BIN } from './drift-bin-sql.ts';
import { isMissingRise } from './drift-missing.ts';
import type { DriftColumnResult, DriftTimelineWindow, DriftWindowInfo } from './drift-result.ts';
import { sideSource } from './drift-source.ts';
import type { DriftSpec, DriftWindowUnit } from './drift-spec.ts';
import {
  chooseWindow,
  onsetWindow,
  readTimeSpan,
  timeSpanQuery,
  windowLabelSql,
  windowTruncSql,
} from '../windows.ts';

/**
 * A column's window PSI needs at least this many valid values; below it the window's psi and band
 * are null (a few rows give a noisy PSI), and such a window neither starts nor breaks a `since`.
 */
export const MIN_WINDOW_VALUES = 30;

/** The pseudo column index whose single bin counts every row of a window. */
const ROWS = -1;

const DAY_MS = 86_400_000;

/**
 * One scan of the current table, rows with a time only: per window (`window_start`), per column
 * (`column_index`, -1 for all rows) and bin (`bin`, drift-bin-sql.ts codes for missing values),
 * the row count `n`.
 */
export function timelineQuery(
  spec: DriftSpec,
  time: string,
  unit: DriftWindowUnit,
  bins: readonly (DriftColumnResult['bins'] | undefined)[],
): Sql {
  const binned = [
    { columnIndex: ROWS, bin: sql`0::INTEGER` },
    ...spec.columns.map((column, i) => ({
      columnIndex: i,
      bin: binIndexSql(column, bins[i] ?? null),
    })),
  ];
  const w = ident('window_start');
  const counts = binCountsByColumn(
    sideSource(spec, 'current'),
    binned,
    [{ name: w, value: windowTruncSql(time, unit) }],
    [],
    [sql`count(*)::DOUBLE AS n`],
    sql`${ident(time)} IS NOT NULL`,
  );
  // Grouped by the truncated time, labelled after: formatting every row cost ~7x (drift-perf.md).
  return sql`SELECT ${windowLabelSql(w)} AS ${w}, column_index, bin, n FROM (${counts})
    ORDER BY 1, 2, 3`;
}

/** Counts of one window: rows, and per column index its bin counts (codes kept as keys). */
interface WindowCounts {
  rows: number;
  columns: Map<number, Map<number, number>>;
}

/** timelineQuery's rows by window, in window order. */
export function readTimelineCounts(result: Table): Map<string, WindowCounts> {
  const out = new Map<string, WindowCounts>();
  for (const r of readRows(result)) {
    const name = String(r.window_start);
    const counts = out.get(name) ?? { rows: 0, columns: new Map() };
    const index = Number(r.column_index);
    const n = Number(r.n);
    if (index === ROWS) counts.rows = n;
    else {
      const bins = counts.columns.get(index) ?? new Map<number, number>();
      bins.set(Number(r.bin), n);
      counts.columns.set(index, bins);
    }
    out.set(name, counts);
  }
  return out;
}

/** The timeline's windows from the counts and the overall bins (reference shares p). */
export function timelineWindows(
  counts: Map<string, WindowCounts>,
  columns: readonly DriftColumnResult[],
): DriftTimelineWindow[] {
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([window, c]) => ({
      window,
      rows: c.rows,
      columns: columns.map((column, i) => {
        const binCounts = c.columns.get(i) ?? new Map<number, number>();
        const size = column.bins?.reference_counts.length ?? 0;
        const valid = Array.from({ length: size }, (_, k) => binCounts.get(k) ?? 0);
        const n = valid.reduce((s, x) => s + x, 0);
        const p = column.bins?.p ?? null;
        const q = shares(valid);
        const value = p && q && n >= MIN_WINDOW_VALUES ? psi(p, q) : null;
        const nulls = binCounts.get(MISSING_BIN) ?? 0;
        return {
          name: column.name,
          psi: value,
          band: value === null ? null : psiBand(value),
          missing_rate: c.rows > 0 ? nulls / c.rows : null,
          n,
        };
      }),
    }));
}

/** The first window from which the band stays significant (windows with psi null skipped). */
export function sinceWindow(
  bands: readonly { window: string; band: PsiBand | null }[],
): string | null {
  return onsetWindow(
    bands.map(({ window, band }) => ({
      window,
      holds: band === null ? null : band === 'significant',
    })),
  );
}

/**
 * The first window from which the missing rate stays at least 5 points above the reference's;
 * windows with fewer than MIN_WINDOW_VALUES rows are too noisy to judge and are skipped.
 */
export function missingSinceWindow(
  windows: readonly { window: string; rows: number; missingRate: number | null }[],
  referenceRate: number | null,
): string | null {
  return onsetWindow(
    windows.map(({ window, rows, missingRate }) => ({
      window,
      holds:
        referenceRate === null || missingRate === null || rows < MIN_WINDOW_VALUES
          ? null
          : isMissingRise(missingRate - referenceRate),
    })),
  );
}

/** The timeline of a spec with a time column, and each column's `since`. */
export async function driftTimeline(
  run: (q: Sql) => Promise<Table>,
  spec: DriftSpec,
  time: string,
  columns: readonly DriftColumnResult[],
  currentRows: number,
): Promise<{
  window: DriftWindowInfo;
  timeline: DriftTimelineWindow[];
  since: (string | null)[];
  missingSince: (string | null)[];
}> {
  const requested = spec.window ?? 'auto';
  const span = readTimeSpan(await run(timeSpanQuery(sideSource(spec, 'current'), time)));
  const unit = requested === 'auto' ? chooseWindow(span) : requested;
  const counts = readTimelineCounts(
    await run(
      timelineQuery(
        spec,
        time,
        unit,
        columns.map((c) => c.bins),
      ),
    ),
  );
  const timeline = timelineWindows(counts, columns);
  const withTime = timeline.reduce((s, w) => s + w.rows, 0);
  const since = columns.map((_, i) =>
    sinceWindow(timeline.map((w) => ({ window: w.window, band: w.columns[i]?.band ?? null }))),
  );
  const missingSince = columns.map((c, i) =>
    missingSinceWindow(
      timeline.map((w) => ({
        window: w.window,
        rows: w.rows,
        missingRate: w.columns[i]?.missing_rate ?? null,
      })),
      c.missing.reference,
    ),
  );
  return {
    window: {
      column: time,
      unit,
      requested,
      span_days: span === null ? null : (span.end - span.start) / DAY_MS,
      min_values: MIN_WINDOW_VALUES,
      rows_without_time: Math.max(0, currentRows - withTime),
    },
    timeline,
    since,
    missingSince,
  };
}
