// PSI of each input that matters as a horizontal bar, with STATS.md's band lines at 0.1
// (moderate) and 0.2 (significant).
import type { PsiBand } from '../../stats/psi.ts';
import { PSI_MODERATE, PSI_SIGNIFICANT } from '../../stats/psi.ts';
import { formatNumber } from '../report-format.ts';
import { COLORS, el, label, scale, shorten, svgRoot } from './svg.ts';

const W = 640;
const ROW = 22;
const M = { left: 170, right: 56, top: 42, bottom: 30 };
const MAX_ROWS = 20;

const bandColor = (band: PsiBand | null): string =>
  band === 'significant' ? COLORS.bad : band === 'moderate' ? COLORS.moderate : COLORS.reference;

/** The PSI bars, or null when no column has a PSI. */
export function psiChart(
  columns: readonly { name: string; psi: number | null; band: PsiBand | null }[],
): string | null {
  const rows = columns
    .filter((c): c is { name: string; psi: number; band: PsiBand | null } => c.psi !== null)
    .slice(0, MAX_ROWS);
  if (rows.length === 0) return null;
  const H = M.top + rows.length * ROW + M.bottom;
  const max = Math.max(PSI_SIGNIFICANT * 1.25, ...rows.map((r) => r.psi)) * 1.05;
  const x = scale(0, max, M.left, W - M.right);
  const parts: string[] = [];
  // Band lines first, so the bars and their values are drawn over them.
  const bottom = M.top + rows.length * ROW;
  // The two band labels sit on two lines: at large PSIs their rules are close together.
  const bands = [
    [PSI_MODERATE, '0.1 moderate', M.top - 20],
    [PSI_SIGNIFICANT, '0.2 significant', M.top - 8],
  ] as const;
  for (const [value, text, y] of bands) {
    parts.push(
      el('line', {
        x1: x(value),
        x2: x(value),
        y1: y - 4,
        y2: bottom,
        stroke: COLORS.axis,
        'stroke-dasharray': '4 3',
      }),
    );
    parts.push(label(x(value) + 4, y, text, { fill: COLORS.axis }));
  }
  rows.forEach((r, i) => {
    const top = M.top + i * ROW;
    parts.push(label(M.left - 8, top + ROW / 2 + 4, shorten(r.name, 26), { 'text-anchor': 'end' }));
    parts.push(
      el('rect', {
        x: M.left,
        y: top + 4,
        width: Math.max(1, x(r.psi) - M.left),
        height: ROW - 8,
        fill: bandColor(r.band),
      }),
    );
    parts.push(
      label(x(r.psi) + 4, top + ROW / 2 + 4, formatNumber(r.psi), {
        fill: COLORS.axis,
        // A white halo keeps the value readable where it crosses a band line.
        stroke: 'white',
        'stroke-width': 3,
        'paint-order': 'stroke',
      }),
    );
  });
  parts.push(
    el('line', { x1: M.left, x2: W - M.right, y1: bottom, y2: bottom, stroke: COLORS.axis }),
  );
  parts.push(label(M.left, bottom + 20, 'PSI, reference → current', { fill: COLORS.axis }));
  return svgRoot(W, H, 'PSI per input, with the 0.1 and 0.2 band lines', parts.join(''));
}
