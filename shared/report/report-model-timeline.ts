// The report's performance and timeline sections: the overall metrics as `faultline performance`
// gives them, and the primary metric per window with each finding's onset beside it.
import type { OnsetCheck } from '../analyses/performance/performance-result.ts';
import type { AnyPerformanceResult } from '../analyses/performance/performance-task-result.ts';
import type { Finding } from '../investigation/finding.ts';
import type { Investigation, SkippedSection } from '../investigation/investigation.ts';
import type {
  ReportPerformance,
  ReportSection,
  ReportTimeline,
  ReportTimelineWindow,
} from './report-model.ts';

/** The Investigation's reason for a section it skipped, or `fallback` when it gave none. */
export function skippedReason(
  investigation: Investigation,
  section: SkippedSection['section'],
  fallback: string,
): string {
  return investigation.skipped.find((s) => s.section === section)?.reason ?? fallback;
}

/** A metric of a group by name, when it is a number (the tasks' metric records differ). */
export function metricValue(metrics: object, name: string): number | null {
  const value: unknown = (metrics as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : null;
}

/** The overall row's baseline of a metric: the reference's value (null without a reference). */
function referenceValue(performance: AnyPerformanceResult): number | null {
  const deltas = performance.overall.delta?.metrics;
  if (deltas === undefined) return null;
  const d: unknown = (deltas as Record<string, unknown>)[performance.primary_metric];
  if (typeof d !== 'object' || d === null || !('baseline' in d)) return null;
  return typeof d.baseline === 'number' ? d.baseline : null;
}

export function performanceSection(inv: Investigation): ReportSection<ReportPerformance> {
  const p = inv.performance;
  if (p === null) {
    return {
      shown: false,
      reason: skippedReason(inv, 'performance', 'Performance was not measured.'),
    };
  }
  return {
    shown: true,
    task: p.task,
    primary_metric: p.primary_metric,
    outcome: p.outcome,
    log: p.log,
    reference: p.reference,
    overall: p.overall,
    since: 'since' in p ? (p.since ?? null) : null,
  };
}

type TimelineEntry = { window: string; n: number; metrics: object; primary: OnsetCheck | null };

function timelineWindow(w: TimelineEntry, metric: string, reference: number | null) {
  const primary = w.primary;
  const window: ReportTimelineWindow = {
    window: w.window,
    n: w.n,
    value: primary?.value ?? metricValue(w.metrics, metric),
    baseline: primary?.baseline ?? reference,
    delta: primary?.delta ?? null,
    relative_delta: primary?.relative_delta ?? null,
    p: primary?.p ?? null,
    worse: primary?.worse ?? null,
  };
  return window;
}

export function timelineSection(
  inv: Investigation,
  findings: readonly Finding[],
): ReportSection<ReportTimeline> {
  const p = inv.performance;
  if (p === null) {
    return {
      shown: false,
      reason: skippedReason(inv, 'performance', 'Performance was not measured.'),
    };
  }
  const entries: readonly TimelineEntry[] | undefined = p.timeline;
  if (entries === undefined || p.window === undefined) {
    return {
      shown: false,
      reason: p.skipped?.timeline ?? 'The log has no time column, so there is no timeline to show.',
    };
  }
  const reference = referenceValue(p);
  return {
    shown: true,
    metric: p.primary_metric,
    column: p.window.column,
    unit: p.window.unit,
    reference,
    windows: entries.map((w) => timelineWindow(w, p.primary_metric, reference)),
    since: 'since' in p ? (p.since?.window ?? null) : null,
    onsets: findings.flatMap((f) =>
      f.since === null
        ? []
        : [{ finding: f.id, kind: f.kind, severity: f.severity, title: f.title, since: f.since }],
    ),
  };
}
