import { formatCount } from '../../format/numbers.ts';
import { baselineWords } from '../performance/baseline-words.ts';
import { formatMetric } from '../performance/metric-format.ts';
import { labelInSentence, type MetricInfo } from '../performance/performance-metrics.ts';
import {
  metricDelta,
  metricInterval,
  type PerformanceTable,
} from '../performance/performance-rows.ts';
import { timelinePoints, type TimelineFocus, type TimelinePoint } from './timeline-series.ts';

/** The primary metric pooled over the windows from `since` on: Σk / Σn of its proportion. */
export function pooledSince(focus: TimelineFocus, metric: string, since: string): number | null {
  let k = 0;
  let n = 0;
  for (const w of focus.windows) {
    if (w.window < since) continue;
    const interval = metricInterval(w, metric);
    if (interval === null) return null;
    k += interval.k;
    n += interval.n;
  }
  return n > 0 ? k / n : null;
}

/** The onset in words, or why there is none. */
function onsetLine(
  focus: TimelineFocus,
  table: PerformanceTable,
  primary: MetricInfo,
  unit: string,
): string {
  const who = `${primary.label} for ${focus.words}`;
  const delta = metricDelta(focus.row, primary.name);
  const against = baselineWords(
    focus.row.delta?.against ?? (table.referenceRows === null ? 'rest' : 'reference'),
  );
  if (focus.since !== null) {
    const moved = primary.higherIsBetter === false ? 'rose' : 'dropped';
    const now = pooledSince(focus, primary.name, focus.since.window);
    return `${who} ${moved} from ${formatMetric(delta?.baseline)} ${against} to ${formatMetric(now)} since the ${unit} of ${focus.since.window}.`;
  }
  if (!table.datesOnsets) {
    const baseline = delta === null ? '' : `, against ${formatMetric(delta.baseline)} ${against}`;
    return `${who} per ${unit}${baseline}: ${primary.label} has no significance test, so no onset is dated.`;
  }
  if (focus.windows.every((w) => w.primary === null)) {
    return `${who}: no baseline to compare each ${unit} with (open a reference, or pick a cohort column to compare a cohort with the rest of the log).`;
  }
  return `${who} has not stayed significantly worse than ${against} (${formatMetric(delta?.baseline)}) up to the last ${unit}.`;
}

/** The shown metric's lowest and highest judged windows. */
function rangeLine(points: readonly TimelinePoint[], metric: MetricInfo, unit: string): string {
  const first = points[0]?.window;
  const last = points.at(-1)?.window;
  if (first === undefined || last === undefined) return `No ${unit}s with data.`;
  const shown = points.filter(
    (p): p is TimelinePoint & { value: number } => p.judged && p.value !== null,
  );
  const count = `${points.length} ${unit}${points.length === 1 ? '' : 's'} from ${first} to ${last}`;
  if (shown.length === 0) return `${count}; none with enough labels to judge.`;
  const low = shown.reduce((a, b) => (b.value < a.value ? b : a));
  const high = shown.reduce((a, b) => (b.value > a.value ? b : a));
  return `${count}; ${labelInSentence(metric)} lowest ${formatMetric(low.value)} (${low.window}), highest ${formatMetric(high.value)} (${high.window}).`;
}

/**
 * Windows too small to judge, said as such (never as zeros): under 30 labelled rows or 5 of a
 * class; a hint of label delay when the latest windows lack labels their rows should have.
 */
function smallLine(points: readonly TimelinePoint[], unit: string): string | null {
  const small = points.filter((p) => !p.judged);
  if (small.length === 0) return null;
  const listed = small
    .slice(0, 4)
    .map((p) => {
      if (p.n === 0)
        return `${p.window} (${p.rows > 0 ? `no labels in ${formatCount(p.rows)} rows` : 'no rows'})`;
      return `${p.window} (n = ${formatCount(p.n)}${p.n < p.rows ? ` of ${formatCount(p.rows)} rows` : ''})`;
    })
    .join(', ');
  const more = small.length > 4 ? ` and ${small.length - 4} more` : '';
  const trailing = points.slice(points.length - small.length).every((p) => !p.judged);
  const delay =
    trailing && small.some((p) => p.n < p.rows)
      ? ' The latest windows lack labels: they may still be arriving (label delay).'
      : '';
  const windows = `${small.length} ${unit}${small.length === 1 ? '' : 's'}`;
  return `Too small to judge in ${windows} (under 30 labelled rows, or 5 of a class): ${listed}${more}; drawn hollow, not as zeros.${delay}`;
}

/** The shown timeline in a few sentences: since when, the range, what cannot be judged. */
export function timelineSummaryLines(
  focus: TimelineFocus,
  table: PerformanceTable,
  metric: MetricInfo,
  primary: MetricInfo,
): string[] {
  const unit = table.window?.unit ?? 'window';
  const points = timelinePoints(focus.windows, metric);
  const lines = [onsetLine(focus, table, primary, unit), rangeLine(points, metric, unit)];
  const small = smallLine(points, unit);
  if (small !== null) lines.push(small);
  const withoutTime = table.window?.rows_without_time ?? 0;
  if (withoutTime > 0) {
    lines.push(
      `${formatCount(withoutTime)} rows have no ${table.window?.column ?? 'time'} and are in no window.`,
    );
  }
  return lines;
}
