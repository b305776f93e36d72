import type { BarData, Layout } from 'plotly.js-dist-min';
import type { LatencyHistogram } from '../../../../shared/analyses/canary/canary-result.ts';
import { chartColors } from '../../../charts/chart-colors.ts';
import type { ChartFigure } from '../../../charts/chart-figure.ts';
import { formatNumber } from '../../../format/numbers.ts';
import { overlaidLayout, overlaidShares, sides } from './overlaid-shares.ts';

type Shape = NonNullable<Layout['shapes']>[number];
type Annotation = NonNullable<Layout['annotations']>[number];

const quantileNames = ['p50', 'p95', 'p99'] as const;

/** The latency chart's height, in CSS pixels. */
export const latencyChartHeight = 280;

/**
 * Each side's latency distribution as overlaid bars in the common bins, each side's share of its
 * rows (so sides of different sizes compare), with its p50, p95 and p99 as lines in its colour
 * (labelled above the plot, the canary's a row higher) and the p99 ceiling when in range.
 */
export function latencyFigure(
  latency: LatencyHistogram,
  ceilingMs: number,
): ChartFigure<Partial<BarData>> {
  const { edges } = latency;
  const lastEdge = edges.at(-1) ?? 0;
  const quantiles = sides.flatMap(({ side }) =>
    quantileNames.map((q) => latency.quantiles[side][q]),
  );
  // The last bin holds everything above its edge; a quantile there still gets its line.
  const right = Math.max(lastEdge, ...quantiles.filter((q) => q !== null));
  const data = overlaidShares(
    latency,
    (lo, hi) => `${formatNumber(lo)}${hi === null ? ' and above' : `–${formatNumber(hi)}`} ms`,
  );
  const shapes: Shape[] = [];
  const annotations: Annotation[] = [];
  sides.forEach(({ side, color, dash }, row) => {
    for (const name of quantileNames) {
      const x = latency.quantiles[side][name];
      if (x === null) continue;
      shapes.push({
        type: 'line',
        yref: 'paper',
        x0: x,
        x1: x,
        y0: 0,
        y1: 1,
        line: { color, width: 1.5, dash },
      });
      annotations.push({
        yref: 'paper',
        x,
        y: 1,
        yanchor: 'bottom',
        yshift: row * 14,
        text: name,
        showarrow: false,
        font: { color: side === 'baseline' ? chartColors.textMuted : color, size: 10 },
      });
    }
  });
  if (ceilingMs <= lastEdge) {
    shapes.push({
      type: 'line',
      yref: 'paper',
      x0: ceilingMs,
      x1: ceilingMs,
      y0: 0,
      y1: 1,
      line: { color: chartColors.highlight, width: 1.5 },
    });
    annotations.push({
      yref: 'paper',
      x: ceilingMs,
      xanchor: 'right',
      y: 0.9,
      text: `p99 ceiling ${formatNumber(ceilingMs)} ms`,
      showarrow: false,
      font: { color: chartColors.highlight },
    });
  }
  return {
    data,
    layout: {
      ...overlaidLayout({
        height: latencyChartHeight,
        top: 44,
        legendY: 1.22,
        xTitle: 'latency (ms)',
        xRange: [edges[0] ?? 0, right],
        yaxis: { tickformat: '.0%', rangemode: 'tozero', title: { text: 'share' } },
      }),
      shapes,
      annotations,
    },
    description: describeLatency(latency, ceilingMs),
  };
}

/** The chart in words: each quantile of each side, and the ceiling. */
function describeLatency(latency: LatencyHistogram, ceilingMs: number): string {
  const ms = (x: number | null) => (x === null ? '–' : `${formatNumber(x)} ms`);
  const { baseline, canary } = latency.quantiles;
  const quantiles = quantileNames
    .map((q) => `${q} ${ms(baseline[q])} → ${ms(canary[q])}`)
    .join(', ');
  return `Latency of the baseline and the canary, each side's share of its rows per bin (the last bin holds everything above ${formatNumber(latency.edges.at(-1) ?? 0)} ms): ${quantiles}; the canary's p99 ceiling is ${formatNumber(ceilingMs)} ms.`;
}
