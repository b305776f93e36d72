// Two sides' distributions in common bins as overlaid bars of each side's share of its rows, so
// sides of different sizes compare: the latency and the score overlays.
import type { BarData, Layout } from 'plotly.js-dist-min';
import { shares } from '../../../../shared/stats/psi.ts';
import { chartColors } from '../../../charts/chart-colors.ts';
import { baseLayout } from '../../../charts/chart-figure.ts';
import { formatCount, formatPercent } from '../../../format/numbers.ts';

/** Each side's colour and line dash (for its quantile lines). */
export const sides = [
  { side: 'baseline', color: chartColors.reference, dash: 'dot' },
  { side: 'canary', color: chartColors.current, dash: 'dash' },
] as const;

/**
 * One bar trace per side over `edges` (bins + 1); `binText(lo, hi)` says a bin in the hover (hi
 * null for the last bin when it is open above).
 */
export function overlaidShares(
  histogram: { edges: number[]; baseline: number[]; canary: number[] },
  binText: (lo: number, hi: number | null) => string,
  lastOpen = true,
): Partial<BarData>[] {
  const { edges } = histogram;
  const centers = edges.slice(0, -1).map((lo, i) => (lo + (edges[i + 1] ?? lo)) / 2);
  const widths = edges.slice(0, -1).map((lo, i) => (edges[i + 1] ?? lo) - lo);
  return sides.map(({ side, color }) => {
    const counts = histogram[side];
    const share = shares(counts) ?? counts.map(() => 0);
    return {
      type: 'bar',
      name: side,
      x: centers,
      y: share,
      width: widths,
      marker: { color, line: { color, width: 0 } },
      opacity: 0.55,
      hovertext: centers.map((_, i) => {
        const last = lastOpen && i === centers.length - 1;
        const bin = binText(edges[i] ?? 0, last ? null : (edges[i + 1] ?? 0));
        return `${bin}<br>${side}: ${formatPercent(share[i] ?? 0)} (${formatCount(counts[i] ?? 0)} rows)`;
      }),
      hovertemplate: '%{hovertext}<extra></extra>',
    };
  });
}

/**
 * The layout of overlaid shares: `height`, room `top` for labels above the plot, the legend at
 * its top right from `legendY` (paper units) up, the x axis titled and ranged, shares on `y`.
 */
export function overlaidLayout(options: {
  height: number;
  top: number;
  legendY: number;
  xTitle: string;
  xRange: [number, number];
  yaxis: Partial<Layout['yaxis']>;
}): Partial<Layout> {
  const base = baseLayout();
  const { height, top, legendY, xTitle, xRange, yaxis } = options;
  return {
    ...base,
    height,
    margin: { l: 48, r: 16, t: top, b: 40 },
    barmode: 'overlay',
    bargap: 0,
    legend: {
      orientation: 'h',
      x: 1,
      xanchor: 'right',
      y: legendY,
      yanchor: 'bottom',
    },
    xaxis: { ...base.xaxis, title: { text: xTitle }, range: xRange },
    yaxis: { ...base.yaxis, ...yaxis },
  };
}
