// The table every task's performance result is made of, from the groups of each side's scan:
// the overall row, one row per cohort of either side against its baseline (the same cohort in the
// reference, or the rest of the log), and with windows each row's timeline and onset.
import type { OnsetCheck, PerformanceSince } from './performance-result.ts';
import { describeCohort, type CohortDescription } from './performance-cohorts.ts';
import type { SideGroups } from './performance-groups.ts';
import type { PerformanceByColumn } from './performance-spec.ts';
import { groupTimeline, type TimelineWindow } from './performance-timeline.ts';

/** How one task turns counts into a result row, a comparison and an onset check. */
export interface TaskRules<T, G, D> {
  zero: T;
  /** The rows of `a` not in `b` (the rest of the log); what cannot be subtracted is unknown. */
  subtract: (a: T, b: T) => T;
  group: (counts: T) => G;
  /** Null when the baseline has no labelled row. */
  delta: (current: T, baseline: T, against: 'reference' | 'rest') => D | null;
  /** Sets the q-values of one table of deltas (BH within it). */
  significance: (deltas: readonly (D | null)[]) => void;
  /** A window's primary metric against its baseline; null when it cannot be compared. */
  onset: (window: T, baseline: T | null) => OnsetCheck | null;
}

export type AssembledCohort<G, D> = G &
  CohortDescription & {
    delta: D | null;
    timeline?: TimelineWindow<G>[];
    since?: PerformanceSince | null;
  };

export interface Assembled<G, D> {
  overall: G & { delta?: D };
  cohorts: AssembledCohort<G, D>[];
  timeline?: TimelineWindow<G>[];
  since?: PerformanceSince | null;
}

/**
 * The overall row and every cohort, with deltas (their q within the cohort table; the overall
 * row a table of its own) and, for `windows`, timelines. Cohorts come in no particular order.
 */
export function assemble<T, G, D>(
  rules: TaskRules<T, G, D>,
  log: SideGroups<T>,
  ref: SideGroups<T> | null,
  by: readonly PerformanceByColumn[],
  edges: readonly (number[] | null)[],
  windows: readonly string[] | null,
): Assembled<G, D> {
  const overallDelta = ref ? rules.delta(log.overall, ref.overall, 'reference') : null;
  if (overallDelta) rules.significance([overallDelta]);
  // Cohorts of either side: one the log lacks is listed with no rows, so it does not go unseen.
  const groups = new Map(log.cohorts);
  for (const [k, c] of ref?.cohorts ?? []) {
    if (!groups.has(k)) groups.set(k, { ...c, counts: rules.zero });
  }
  const entries = [...groups].map(([key, { keys, counts }]) => {
    const baseline = ref
      ? (ref.cohorts.get(key)?.counts ?? rules.zero)
      : rules.subtract(log.overall, counts);
    const cohort: AssembledCohort<G, D> = {
      ...describeCohort(by, keys, edges),
      ...rules.group(counts),
      delta: rules.delta(counts, baseline, ref ? 'reference' : 'rest'),
    };
    return { key, cohort };
  });
  rules.significance(entries.map((e) => e.cohort.delta));
  const whole = rules.group(log.overall);
  const out: Assembled<G, D> = {
    // A group row has no `delta` of its own: without one it is the overall row as it is.
    overall: overallDelta ? { ...whole, delta: overallDelta } : (whole as G & { delta?: D }),
    cohorts: entries.map((e) => e.cohort),
  };
  if (windows === null) return out;
  const overTime = groupTimeline(
    windows,
    (w) => log.windows.get(w) ?? rules.zero,
    () => ref?.overall ?? null,
    rules.group,
    rules.onset,
  );
  out.timeline = overTime.timeline;
  out.since = overTime.since;
  for (const { key, cohort } of entries) {
    const inWindow = (w: string) => log.cohortWindows.get(`${w}|${key}`) ?? rules.zero;
    // Without a reference, a window's baseline is the rest of the log in that window.
    const baselineIn = (w: string) =>
      ref
        ? (ref.cohorts.get(key)?.counts ?? rules.zero)
        : rules.subtract(log.windows.get(w) ?? rules.zero, inWindow(w));
    const t = groupTimeline(windows, inWindow, baselineIn, rules.group, rules.onset);
    cohort.timeline = t.timeline;
    cohort.since = t.since;
  }
  return out;
}
