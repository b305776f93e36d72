import type { BarData, Data, ScatterData } from 'plotly.js-dist-min';
import { chartColors } from '../../../charts/chart-colors.ts';
import { baseLayout, type ChartFigure } from '../../../charts/chart-figure.ts';
import { horizontalLine, lineLabelMargin, linesLayout } from '../../../charts/reference-lines.ts';
import { formatMetric, formatWithInterval } from '../../performance/metric-format.ts';
import { labelInSentence, type MetricInfo } from '../../performance/performance-metrics.ts';
import type { CohortLine } from '../cohorts-table-model.ts';
import { cohortHoverText } from './cohort-hover.ts';

/** Opacity of a cohort too small to judge: shown, but visibly not to be trusted. */
export const unjudgedOpacity = 0.35;

/** The figure, and the cohort behind each bar (`lines[pointIndex]`). */
export interface CohortBarsFigure extends ChartFigure {
  lines: CohortLine[];
}

const whisker = (from: number | null | undefined, to: number | null | undefined) =>
  from === null || from === undefined || to === null || to === undefined ? 0 : to - from;

/**
 * The metric per cohort as bars, in the given order, with Wilson intervals as whiskers (for
 * proportions); each cohort's baseline as a tick; the overall value as a dashed line. Significant
 * drops are drawn in the highlight colour, cohorts too small to judge faded.
 */
export function cohortBarsFigure(
  lines: readonly CohortLine[],
  metric: MetricInfo,
  overall: number | null,
  xTitle: string,
): CohortBarsFigure {
  const layout = baseLayout();
  const x = lines.map((l) => l.values.join(' · '));
  const bars: Partial<BarData> = {
    type: 'bar',
    name: labelInSentence(metric),
    // The bars' colours say drop or not; the legend names only the baseline ticks.
    showlegend: false,
    x,
    y: lines.map((l) => l.value),
    customdata: lines.map((l) => l.rank),
    marker: {
      color: lines.map((l) => (l.drop ? chartColors.highlight : chartColors.current)),
      opacity: lines.map((l) => (l.unjudged === null ? 1 : unjudgedOpacity)),
    },
    hovertext: lines.map((l) => cohortHoverText(l, metric)),
    hovertemplate: '%{hovertext}<extra></extra>',
  };
  if (metric.proportion) {
    bars.error_y = {
      type: 'data',
      symmetric: false,
      array: lines.map((l) => whisker(l.interval?.value, l.interval?.high)),
      arrayminus: lines.map((l) => whisker(l.interval?.low, l.interval?.value)),
      color: chartColors.textMuted,
      thickness: 1,
      width: 4,
    };
  }
  const data: Data[] = [bars];
  const against = lines.find((l) => l.row.delta)?.row.delta?.against;
  if (lines.some((l) => l.baseline !== null)) {
    const ticks: Partial<ScatterData> = {
      type: 'scatter',
      mode: 'markers',
      name: against === 'rest' ? 'rest of the log' : 'same cohort in the reference',
      x,
      y: lines.map((l) => l.baseline),
      customdata: lines.map((l) => l.rank),
      marker: {
        symbol: 'line-ew-open',
        size: 26,
        color: chartColors.text,
        line: { color: chartColors.text, width: 2 },
      },
      hovertext: lines.map((l) => cohortHoverText(l, metric)),
      hovertemplate: '%{hovertext}<extra></extra>',
    };
    data.push(ticks);
  }
  const reference =
    overall === null
      ? []
      : [horizontalLine(overall, `overall ${formatMetric(overall)}`, chartColors.textMuted)];
  return {
    data,
    layout: {
      ...layout,
      showlegend: data.length > 1,
      xaxis: {
        ...layout.xaxis,
        type: 'category',
        categoryorder: 'array',
        categoryarray: x,
        title: { text: xTitle },
      },
      yaxis: { ...layout.yaxis, ...yRange(lines, metric, overall) },
      margin: { ...layout.margin, r: lineLabelMargin },
      ...linesLayout(reference),
    },
    description: describeBars(lines, metric, overall, xTitle),
    lines: [...lines],
  };
}

/**
 * From zero for metrics that cannot be negative, up to every value, baseline and judged
 * interval: a tiny cohort's interval can reach far and would flatten the rest; its whisker is cut.
 */
function yRange(lines: readonly CohortLine[], metric: MetricInfo, overall: number | null) {
  const tops = lines.flatMap((l) => [
    l.value ?? 0,
    l.baseline ?? 0,
    l.unjudged === null ? (l.interval?.high ?? 0) : 0,
  ]);
  const lows = lines.flatMap((l) => [l.value ?? 0, l.baseline ?? 0]);
  if (Math.min(0, ...lows) < 0) return {};
  const top = Math.max(overall ?? 0, ...tops) || 1;
  return {
    range: [0, metric.proportion ? Math.min(1, top * 1.1) : top * 1.1],
    // Proportions as short decimals, small ones too (an FPR axis reads 0.002, 0.004).
    ...(metric.proportion ? { tickformat: '.2~g' } : {}),
  };
}

function describeBars(
  lines: readonly CohortLine[],
  metric: MetricInfo,
  overall: number | null,
  xTitle: string,
): string {
  const what = labelInSentence(metric);
  const sentences = [
    `${metric.label} per cohort of ${xTitle}${metric.proportion ? ', with 95% intervals' : ''}` +
      (overall === null ? '.' : `; overall ${formatMetric(overall)}.`),
  ];
  const drops = lines.filter((l) => l.drop);
  if (drops.length > 0) {
    sentences.push(
      `Significantly worse than the baseline: ${drops
        .map(
          (l) =>
            `${l.words} (${formatWithInterval(l.value, l.interval)} vs ${formatMetric(l.baseline)})`,
        )
        .join(', ')}.`,
    );
  } else if (lines.length > 0) {
    sentences.push(`No cohort's ${what} is significantly worse than its baseline.`);
  }
  const small = lines.filter((l) => l.unjudged !== null).length;
  if (small > 0) sentences.push(`${small} of ${lines.length} cohorts cannot be judged (faded).`);
  return sentences.join(' ');
}
