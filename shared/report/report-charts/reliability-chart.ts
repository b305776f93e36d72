// The reliability diagram: observed positive rate against the mean score per bin, the current
// log's bins (with their Wilson intervals) beside the reference's, and the diagonal of perfect
// calibration.
import type { CalibrationBin } from '../../analyses/calibration/calibration-result.ts';
import type { ReportCalibration } from '../report-model.ts';
import { COLORS, el, label, scale, svgRoot } from './svg.ts';

const S = 300;
const M = { left: 48, right: 150, top: 28, bottom: 44 };

type Bin = Pick<CalibrationBin, 'mean_score' | 'observed' | 'low' | 'high'>;

/** The reliability diagram, or null without bins. */
export function reliabilityChart(c: ReportCalibration): string | null {
  if (c.bins.length === 0) return null;
  const x = scale(0, 1, M.left, M.left + S);
  const y = scale(0, 1, M.top + S, M.top);
  const parts: string[] = [];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(el('line', { x1: x(0), x2: x(1), y1: y(v), y2: y(v), stroke: COLORS.grid }));
    parts.push(label(x(0) - 6, y(v) + 4, String(v), { 'text-anchor': 'end' }));
    parts.push(label(x(v), y(0) + 16, String(v), { 'text-anchor': 'middle' }));
  }
  parts.push(
    el('rect', { x: x(0), y: y(1), width: S, height: S, fill: 'none', stroke: COLORS.axis }),
  );
  parts.push(
    el('line', {
      x1: x(0),
      y1: y(0),
      x2: x(1),
      y2: y(1),
      stroke: COLORS.reference,
      'stroke-dasharray': '2 3',
    }),
  );
  const curve = (bins: readonly Bin[], color: string, hollow: boolean, whiskers: boolean) => {
    const points = bins.map((b) => `${x(b.mean_score)},${y(b.observed)}`).join(' ');
    if (bins.length > 1) {
      parts.push(
        el('polyline', {
          points,
          fill: 'none',
          stroke: color,
          'stroke-width': hollow ? 1.5 : 2,
          ...(hollow ? { 'stroke-dasharray': '5 3' } : {}),
        }),
      );
    }
    for (const b of bins) {
      if (whiskers) {
        parts.push(
          el('line', {
            x1: x(b.mean_score),
            x2: x(b.mean_score),
            y1: y(b.low),
            y2: y(b.high),
            stroke: color,
          }),
        );
      }
      parts.push(
        el('circle', {
          cx: x(b.mean_score),
          cy: y(b.observed),
          r: 3.5,
          fill: hollow ? 'white' : color,
          stroke: color,
        }),
      );
    }
  };
  if (c.reference) curve(c.reference.bins, COLORS.reference, true, false);
  curve(c.bins, COLORS.current, false, true);
  const lx = M.left + S + 16;
  parts.push(el('circle', { cx: lx, cy: M.top + 8, r: 3.5, fill: COLORS.current }));
  parts.push(label(lx + 8, M.top + 12, 'current (95% interval)'));
  if (c.reference) {
    parts.push(
      el('circle', { cx: lx, cy: M.top + 26, r: 3.5, fill: 'white', stroke: COLORS.reference }),
    );
    parts.push(label(lx + 8, M.top + 30, 'reference'));
  }
  parts.push(label(lx + 8, M.top + 48, 'diagonal: calibrated', { fill: COLORS.reference }));
  parts.push(label(x(0.5), M.top + S + 36, 'mean score', { 'text-anchor': 'middle' }));
  parts.push(
    label(12, y(0.5), 'observed positive rate', {
      'text-anchor': 'middle',
      transform: `rotate(-90 12 ${y(0.5)})`,
    }),
  );
  return svgRoot(
    M.left + S + M.right,
    M.top + S + M.bottom,
    'Reliability diagram, current against reference',
    parts.join(''),
  );
}
