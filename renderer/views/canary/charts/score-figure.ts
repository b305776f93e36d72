import type { BarData } from 'plotly.js-dist-min';
import type { ScoreHistogram } from '../../../../shared/analyses/canary/canary-result.ts';
import type { ChartFigure } from '../../../charts/chart-figure.ts';
import { formatNumber, formatPercent } from '../../../format/numbers.ts';
import { shares } from '../../../../shared/stats/psi.ts';
import { overlaidLayout, overlaidShares } from './overlaid-shares.ts';

/** The score chart's height, in CSS pixels. */
export const scoreChartHeight = 240;

/**
 * Each side's scores in the 10 equal-width calibration bins as overlaid shares on a log axis:
 * where the canary puts its probability mass against the baseline (beside the checks, not scored).
 */
export function scoreFigure(histogram: ScoreHistogram): ChartFigure<Partial<BarData>> {
  const data = overlaidShares(
    histogram,
    (lo, hi) => `score ${lo === 0 ? '[' : '('}${formatNumber(lo)}, ${formatNumber(hi ?? 1)}]`,
    false,
  );
  return {
    data,
    layout: overlaidLayout({
      height: scoreChartHeight,
      top: 28,
      legendY: 1.02,
      xTitle: 'score',
      xRange: [0, 1],
      // Log shares: a rare-positive model puts most scores in the lowest bin, and the tail that
      // decides recall would be a line of pixels on a linear axis.
      yaxis: { type: 'log', tickformat: '.1~%', title: { text: 'share (log)' } },
    }),
    description: describeScores(histogram),
  };
}

/** The chart in words: each side's share of scores in the lowest and the highest bin. */
function describeScores(histogram: ScoreHistogram): string {
  const side = (counts: number[]) => {
    const share = shares(counts) ?? counts.map(() => 0);
    return `${formatPercent(share[0] ?? 0)} at or below ${formatNumber(histogram.edges[1] ?? 0)}, ${formatPercent(share.at(-1) ?? 0)} above ${formatNumber(histogram.edges.at(-2) ?? 0)}`;
  };
  return `Scores of the baseline (${side(histogram.baseline)}) and the canary (${side(histogram.canary)}), each side's share of its rows per tenth of the score range.`;
}
