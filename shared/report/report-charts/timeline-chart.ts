// The primary metric per window, the reference's value as a dashed line, the onset of the drop as
// a vertical rule, and each finding's onset as a numbered mark under the axis.
import type { ReportTimeline } from '../report-model.ts';
import { formatMetric, isProportion, metricLabel } from '../report-format.ts';
import { brokenLine, COLORS, el, label, scale, svgRoot, ticks } from './svg.ts';

const W = 640;
const H = 280;
const M = { left: 56, right: 20, top: 28, bottom: 62 };

const day = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** The timeline chart, or null when no window has a value. */
export function timelineChart(t: ReportTimeline): string | null {
  const values = t.windows.map((w) => w.value).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const all = t.reference === null ? values : [...values, t.reference];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  lo -= pad;
  hi += pad;
  if (isProportion(t.metric)) [lo, hi] = [Math.max(0, lo), Math.min(1, hi)];
  const times = t.windows.map((w) => day(w.window));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = scale(t0, t1, M.left + 10, W - M.right - 10);
  const y = scale(lo, hi, H - M.bottom, M.top);
  const parts: string[] = [];
  for (const v of ticks(lo, hi, 5)) {
    parts.push(
      el('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), stroke: COLORS.grid }),
    );
    parts.push(label(M.left - 6, y(v) + 4, formatMetric(t.metric, v), { 'text-anchor': 'end' }));
  }
  const every = Math.max(1, Math.ceil(t.windows.length / 8));
  t.windows.forEach((w, i) => {
    if (i % every !== 0) return;
    const at = x(day(w.window));
    parts.push(
      el('line', { x1: at, x2: at, y1: H - M.bottom, y2: H - M.bottom + 4, stroke: COLORS.axis }),
    );
    parts.push(label(at, H - M.bottom + 16, w.window, { 'text-anchor': 'middle' }));
  });
  parts.push(
    el('line', {
      x1: M.left,
      x2: W - M.right,
      y1: H - M.bottom,
      y2: H - M.bottom,
      stroke: COLORS.axis,
    }),
  );
  if (t.reference !== null) {
    const ry = y(t.reference);
    parts.push(
      el('line', {
        x1: M.left,
        x2: W - M.right,
        y1: ry,
        y2: ry,
        stroke: COLORS.reference,
        'stroke-dasharray': '5 4',
      }),
    );
    parts.push(
      label(W - M.right, ry - 5, `reference ${formatMetric(t.metric, t.reference)}`, {
        'text-anchor': 'end',
        fill: COLORS.reference,
      }),
    );
  }
  if (t.since !== null) {
    const sx = x(day(t.since));
    parts.push(
      el('line', {
        x1: sx,
        x2: sx,
        y1: M.top - 6,
        y2: H - M.bottom,
        stroke: COLORS.bad,
        'stroke-dasharray': '3 3',
      }),
    );
    parts.push(label(sx + 4, M.top - 10, `onset ${t.since}`, { fill: COLORS.bad }));
  }
  const points = t.windows.map((w, i) =>
    w.value === null ? null : { x: x(times[i] ?? t0), y: y(w.value) },
  );
  parts.push(brokenLine(points, { stroke: COLORS.current, 'stroke-width': 2 }));
  t.windows.forEach((w, i) => {
    const p = points[i];
    if (!p) return;
    const fill = w.worse === true ? COLORS.bad : COLORS.current;
    parts.push(el('circle', { cx: p.x, cy: p.y, r: 3.5, fill }));
  });
  // Findings with the same onset share one mark: "1, 3".
  const marks = new Map<string, number[]>();
  t.onsets.forEach((o, i) => marks.set(o.since, [...(marks.get(o.since) ?? []), i + 1]));
  for (const [since, numbers] of marks) {
    const ox = x(Math.min(t1, Math.max(t0, day(since))));
    const oy = H - M.bottom + 30;
    parts.push(el('path', { d: `M${ox} ${oy - 7} l-5 8 h10 z`, fill: COLORS.moderate }));
    parts.push(
      label(ox, oy + 13, numbers.join(', '), { 'text-anchor': 'middle', fill: COLORS.moderate }),
    );
  }
  const title = `${metricLabel(t.metric)} per ${t.unit}`;
  parts.push(label(M.left, 14, title, { 'font-weight': 'bold' }));
  return svgRoot(W, H, `${title}, against the reference`, parts.join(''));
}
