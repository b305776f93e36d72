// The canary's failing checks: each one's relative change (canary against baseline) as a dot,
// its 95% interval as a whisker, and its tolerance as a tick in the bad direction.
import type { ReportCanaryCheck } from '../report-model.ts';
import { formatPercent, metricLabel } from '../report-format.ts';
import { COLORS, el, label, scale, shorten, svgRoot, ticks } from './svg.ts';

const W = 640;
const ROW = 24;
const M = { left: 290, right: 24, top: 24, bottom: 36 };

/** A rise of these is the bad direction; of every other tested metric, a fall. */
const HIGHER_IS_WORSE = new Set(['latency_p99']);

/** The failing checks' relative deltas, or null when none has one. */
export function canaryChart(checks: readonly ReportCanaryCheck[]): string | null {
  const rows = checks.filter((c) => c.relative_delta !== null).slice(0, 20);
  if (rows.length === 0) return null;
  const tolerance = (c: ReportCanaryCheck) =>
    c.tolerance_kind === 'relative' ? (HIGHER_IS_WORSE.has(c.metric) ? 1 : -1) * c.tolerance : null;
  const values = rows.flatMap((c) => [
    c.relative_delta ?? 0,
    c.interval?.low ?? 0,
    c.interval?.high ?? 0,
    tolerance(c) ?? 0,
    0,
  ]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || 0.1) * 0.08;
  const x = scale(lo - pad, hi + pad, M.left, W - M.right);
  const H = M.top + rows.length * ROW + M.bottom;
  const bottom = M.top + rows.length * ROW;
  const parts: string[] = [];
  for (const v of ticks(lo - pad, hi + pad, 6)) {
    parts.push(el('line', { x1: x(v), x2: x(v), y1: M.top, y2: bottom, stroke: COLORS.grid }));
    parts.push(label(x(v), bottom + 16, formatPercent(v), { 'text-anchor': 'middle' }));
  }
  parts.push(el('line', { x1: x(0), x2: x(0), y1: M.top - 4, y2: bottom, stroke: COLORS.axis }));
  rows.forEach((c, i) => {
    const cy = M.top + i * ROW + ROW / 2;
    const name = `${c.segment.name}: ${metricLabel(c.metric)}`;
    parts.push(label(M.left - 8, cy + 4, shorten(name, 46), { 'text-anchor': 'end' }));
    if (c.interval) {
      parts.push(
        el('line', {
          x1: x(c.interval.low),
          x2: x(c.interval.high),
          y1: cy,
          y2: cy,
          stroke: COLORS.bad,
        }),
      );
    }
    const tol = tolerance(c);
    if (tol !== null) {
      parts.push(
        el('line', {
          x1: x(tol),
          x2: x(tol),
          y1: cy - 7,
          y2: cy + 7,
          stroke: COLORS.axis,
          'stroke-width': 2,
        }),
      );
    }
    parts.push(el('circle', { cx: x(c.relative_delta ?? 0), cy, r: 4, fill: COLORS.bad }));
  });
  parts.push(
    label(M.left, bottom + 30, 'relative change, canary against baseline (tick: tolerance)', {
      fill: COLORS.axis,
    }),
  );
  return svgRoot(
    W,
    H,
    "The canary's failing checks: relative change with its 95% interval",
    parts.join(''),
  );
}
