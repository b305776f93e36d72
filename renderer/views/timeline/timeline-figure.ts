import type { Data, ScatterData } from 'plotly.js-dist-min';
import { plural } from '../../../shared/text/plural.ts';
import { chartColors } from '../../charts/chart-colors.ts';
import { baseLayout, type ChartFigure } from '../../charts/chart-figure.ts';
import {
  horizontalLine,
  lineLabelMargin,
  linesLayout,
  verticalLine,
  type ReferenceLine,
} from '../../charts/reference-lines.ts';
import { formatCount } from '../../format/numbers.ts';
import { formatWithInterval } from '../performance/metric-format.ts';
import { labelInSentence, type MetricInfo } from '../performance/performance-metrics.ts';
import type { TimelinePoint } from './timeline-series.ts';

/** Up to this many windows, each gets its tick. */
export const maxWindowTicks = 16;

/** Right margin for the baseline's label ("reference 0.649"), wider than a threshold's. */
const baselineLabelMargin = lineLabelMargin + 24;

/** The interval band: the accent colour, faint. */
export const bandFill = 'rgba(47, 95, 208, 0.15)';

/** One timeline to draw. */
export interface TimelineSeries {
  /** "region = APAC", "all rows". */
  words: string;
  points: TimelinePoint[];
}

export interface TimelineFigureInput {
  metric: MetricInfo;
  focus: TimelineSeries;
  /** The whole log beside a cohort, in grey; null when the focus is the whole log. */
  overall: TimelineSeries | null;
  /** The focus's baseline (its cohort in the reference), a dashed line; null for none. */
  baseline: { value: number; label: string } | null;
  /** The window from which the primary metric stayed worse; null for none. */
  since: { window: string; label: string } | null;
}

function hoverText(p: TimelinePoint, metric: MetricInfo, words: string): string {
  const lines = [
    `${words} · ${p.window}`,
    `${labelInSentence(metric)} ${formatWithInterval(p.value, { value: p.value, low: p.low, high: p.high })}`,
    `n = ${formatCount(p.n)} labelled of ${formatCount(p.rows)} rows`,
  ];
  if (!p.judged) lines.push(p.n === 0 ? 'no labels: nothing to judge' : 'too small to judge');
  if (p.worse === true) lines.push('significantly worse than the baseline');
  return lines.join('<br>');
}

/**
 * A metric per window: the focus as a line whose judged windows are filled dots (red where the
 * primary metric is significantly worse) and too-small windows hollow grey; its Wilson interval as
 * a band over the judged windows; the whole log in grey beside a cohort; the baseline as a dashed
 * line and the onset as a dotted vertical line.
 */
export function timelineFigure(input: TimelineFigureInput): ChartFigure<Data> {
  const { metric, focus, overall, baseline, since } = input;
  const x = focus.points.map((p) => p.window);
  const data: Data[] = [];
  if (metric.proportion) {
    const edge = (pick: (p: TimelinePoint) => number | null): Partial<ScatterData> => ({
      type: 'scatter',
      mode: 'lines',
      x,
      y: focus.points.map((p) => (p.judged ? pick(p) : null)),
      line: { width: 0, color: bandFill },
      hoverinfo: 'skip',
      connectgaps: false,
    });
    data.push(
      { ...edge((p) => p.low), name: '95% interval', showlegend: false },
      { ...edge((p) => p.high), name: '95% interval', fill: 'tonexty', fillcolor: bandFill },
    );
  }
  if (overall !== null) {
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: overall.words,
      x: overall.points.map((p) => p.window),
      y: overall.points.map((p) => p.value),
      line: { color: chartColors.reference, width: 1.5 },
      marker: { size: 5, color: chartColors.reference },
      connectgaps: false,
      hovertext: overall.points.map((p) => hoverText(p, metric, overall.words)),
      hovertemplate: '%{hovertext}<extra></extra>',
    } satisfies Partial<ScatterData>);
  }
  data.push({
    type: 'scatter',
    mode: 'lines+markers',
    name: focus.words,
    x,
    y: focus.points.map((p) => p.value),
    connectgaps: false,
    line: { color: chartColors.current, width: 2 },
    marker: {
      size: 8,
      symbol: focus.points.map((p) => (p.judged ? 'circle' : 'circle-open')),
      color: focus.points.map((p) =>
        !p.judged
          ? chartColors.textMuted
          : p.worse === true
            ? chartColors.highlight
            : chartColors.current,
      ),
      line: {
        width: 1.5,
        color: focus.points.map((p) => (p.judged ? chartColors.surface : chartColors.textMuted)),
      },
    },
    hovertext: focus.points.map((p) => hoverText(p, metric, focus.words)),
    hovertemplate: '%{hovertext}<extra></extra>',
  } satisfies Partial<ScatterData>);

  const lines: ReferenceLine[] = [];
  if (baseline !== null)
    lines.push(horizontalLine(baseline.value, baseline.label, chartColors.textMuted));
  if (since !== null) lines.push(verticalLine(since.window, since.label, chartColors.highlight));
  const layout = baseLayout();
  return {
    data,
    layout: {
      ...layout,
      height: 320,
      showlegend: true,
      xaxis: {
        ...layout.xaxis,
        type: 'date',
        tickformat: '%Y-%m-%d',
        // Ticks on the windows' starts (Plotly's own fall on Sundays), while they fit.
        ...(x.length <= maxWindowTicks ? { tickvals: x } : {}),
      },
      yaxis: { ...layout.yaxis, ...yRange(input) },
      margin: { ...layout.margin, r: baselineLabelMargin, t: 40 },
      ...linesLayout(lines),
    },
    description: describeTimeline(input),
  };
}

/** From zero up to every judged value, interval and the baseline, for metrics that cannot be negative. */
function yRange({ metric, focus, overall, baseline }: TimelineFigureInput) {
  const points = [...focus.points, ...(overall?.points ?? [])];
  const values = points.flatMap((p) => [p.value ?? 0, p.judged ? (p.high ?? 0) : 0]);
  if (Math.min(0, ...values, baseline?.value ?? 0) < 0) return {};
  const top = Math.max(baseline?.value ?? 0, ...values) || 1;
  return {
    range: [0, metric.proportion ? Math.min(1.02, top * 1.1) : top * 1.1],
    // Proportions as short decimals, small ones too (an FPR axis reads 0.002, 0.004).
    ...(metric.proportion ? { tickformat: '.2~g' } : {}),
  };
}

function describeTimeline({
  metric,
  focus,
  overall,
  baseline,
  since,
}: TimelineFigureInput): string {
  const first = focus.points[0]?.window;
  const last = focus.points.at(-1)?.window;
  if (first === undefined || last === undefined)
    return `${metric.label} of ${focus.words}: no windows.`;
  const sentences = [
    `${metric.label} of ${focus.words} per window from ${first} to ${last}` +
      (metric.proportion ? ', with its 95% interval as a band' : '') +
      (overall === null ? '.' : `, beside ${overall.words} in grey.`),
  ];
  if (baseline !== null) sentences.push(`Dashed line: ${baseline.label}.`);
  if (since !== null) sentences.push(`Marked: ${since.label}.`);
  const small = focus.points.filter((p) => !p.judged).length;
  if (small > 0) sentences.push(`Drawn hollow: ${plural(small, 'window')} too small to judge.`);
  return sentences.join(' ');
}
