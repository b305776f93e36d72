// The checks over time as a grid: a row per check worth following (every check that failed
// somewhere, and the critical checks of every row), a cell per window, so a steady failure reads
// apart from a burst. Pure.
import type {
  CanaryCheck,
  CanaryMetric,
  CanaryResult,
} from '../../../shared/analyses/canary/canary-result.ts';
import type { WindowUnit } from '../../../shared/analyses/windows.ts';
import { checkKey } from './canary-table-model.ts';
import { resultText } from './canary-words.ts';

/** One window's judgement of a check: its result, or null when the window had no such check. */
export interface TimelineCell {
  window: string;
  result: ReturnType<typeof resultText> | null;
  check: CanaryCheck | null;
}

/** A check followed over the windows. */
export interface TimelineRow {
  /** The segment and the metric, as the checks table keys them. */
  key: string;
  segment: string;
  metric: CanaryMetric;
  critical: boolean;
  /** How the whole comparison judged it; null when only windows have it. */
  overall: ReturnType<typeof resultText> | null;
  cells: TimelineCell[];
}

const worthFollowing = (c: CanaryCheck) =>
  c.passed === false || (c.critical && c.segment.column === null);

/**
 * The timeline's rows: the checks that failed overall or in any window, and the critical checks
 * of every row, in the comparison's order (failures first); null without a timeline.
 */
export function timelineRows(
  result: Pick<CanaryResult, 'checks' | 'timeline'>,
): TimelineRow[] | null {
  const windows = result.timeline?.windows;
  if (windows === undefined || windows.length === 0) return null;
  const overall = new Map(result.checks.map((c) => [checkKey(c), c]));
  const followed = new Map<string, CanaryCheck>();
  for (const c of [...result.checks, ...windows.flatMap((w) => w.checks)]) {
    if (worthFollowing(c) && !followed.has(checkKey(c))) followed.set(checkKey(c), c);
  }
  const byWindow = windows.map((w) => ({
    window: w.window,
    checks: new Map(w.checks.map((c) => [checkKey(c), c])),
  }));
  return [...followed].map(([key, c]) => {
    const whole = overall.get(key);
    return {
      key,
      segment: c.segment.name,
      metric: c.metric,
      critical: c.critical,
      overall: whole === undefined ? null : resultText(whole),
      cells: byWindow.map(({ window, checks }) => {
        const inWindow = checks.get(key) ?? null;
        return { window, result: inWindow === null ? null : resultText(inWindow), check: inWindow };
      }),
    };
  });
}

/**
 * A window's name in a narrow column: "10-26" for a day or week (the year is in the caption),
 * "2026-10" for a month.
 */
export function windowShortLabel(window: string, unit: WindowUnit): string {
  return unit === 'month' ? window.slice(0, 7) : window.slice(5);
}
