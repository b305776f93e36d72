import type { Table } from 'apache-arrow';
import type { Sql } from '../../sql/sql.ts';
import { driftImpact } from './drift-impact.ts';
import type { DriftResult } from './drift-result.ts';
import type { DriftSpec } from './drift-spec.ts';
import { driftTimeline } from './drift-timeline.ts';

/** Whether the spec asks for more than the drift table (a timeline, impact, or says why not). */
export const hasDriftExtras = (spec: DriftSpec): boolean =>
  spec.time !== undefined || spec.outcome !== undefined || spec.skipped !== undefined;

/**
 * Adds to runDrift's result, on its bins: the timeline with each column's `since` and
 * `missing.since` when the spec has a time column, impact when it has an outcome, and why either
 * was skipped. One query each (plus the time span when the window is `auto`).
 */
export async function addDriftExtras(
  run: (q: Sql) => Promise<Table>,
  spec: DriftSpec,
  result: DriftResult,
  onPhase: (phase: string) => void,
): Promise<void> {
  if (spec.time !== undefined) {
    onPhase('drift over time');
    const t = await driftTimeline(run, spec, spec.time, result.columns, result.current.rows);
    result.window = t.window;
    result.timeline = t.timeline;
    result.columns.forEach((c, i) => {
      c.since = t.since[i] ?? null;
      c.missing.since = t.missingSince[i] ?? null;
    });
  }
  if (spec.outcome !== undefined) {
    onPhase('where the errors are');
    const m = await driftImpact(run, spec, spec.outcome, result.columns);
    result.impact = m.impact;
    result.columns.forEach((c, i) => {
      c.impact = m.columns[i] ?? null;
    });
  }
  if (spec.skipped !== undefined) result.skipped = { ...spec.skipped };
}
