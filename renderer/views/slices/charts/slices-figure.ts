import type { Data, ScatterData } from 'plotly.js-dist-min';
import type {
  SliceHistory,
  SlicesResult,
} from '../../../../shared/analyses/slices/slices-result.ts';
import { bandColors, chartColors } from '../../../charts/chart-colors.ts';
import { baseLayout, type ChartFigure } from '../../../charts/chart-figure.ts';
import { horizontalLine, lineLabelMargin, linesLayout } from '../../../charts/reference-lines.ts';
import { formatCount, formatNumber } from '../../../format/numbers.ts';
import type { SliceLine } from '../slices-table-model.ts';
import { errorText, historyWords, intervalText, liftText } from '../slices-words.ts';

/** The scatter's height, in CSS pixels. */
export const slicesChartHeight = 340;

/** The widest to narrowest slice size past which the size axis is logarithmic. */
const logAxisRatio = 5;

/**
 * Ticks for a log axis over [lo, hi], read as counts: 1, 2 and 5 times powers of ten, and 3 times
 * too when those are fewer than four (a range within about a decade).
 */
export function logTicks(lo: number, hi: number): { tickvals: number[]; ticktext: string[] } {
  const ticks = (steps: readonly number[]) => {
    const out: number[] = [];
    for (let power = Math.floor(Math.log10(lo)); 10 ** power <= hi; power++) {
      for (const step of steps) {
        const v = step * 10 ** power;
        if (v >= lo && v <= hi) out.push(v);
      }
    }
    return out;
  };
  const coarse = ticks([1, 2, 5]);
  const tickvals = coarse.length >= 4 ? coarse : ticks([1, 2, 3, 5]);
  return { tickvals, ticktext: tickvals.map(formatCount) };
}

/** A point's group: its history against the reference, or `slice` without a reference. */
type PointGroup = SliceHistory | 'slice';

/** Each group's colour and legend name, in legend order. */
const groups: { group: PointGroup; color: string; name: string }[] = [
  { group: 'broke', color: chartColors.highlight, name: 'broke (worse than in the reference)' },
  {
    group: 'always_hard',
    color: bandColors.moderate,
    name: 'always hard (as bad in the reference)',
  },
  { group: 'unchanged', color: chartColors.reference, name: 'unchanged' },
  { group: 'unknown', color: chartColors.textMuted, name: 'not judged (too few reference rows)' },
  { group: 'slice', color: chartColors.current, name: 'slice' },
];

/** The colour of a line's point. */
export function pointColor(line: Pick<SliceLine, 'history'>): string {
  const group: PointGroup = line.history ?? 'slice';
  return groups.find((g) => g.group === group)?.color ?? chartColors.current;
}

/** One point's hover text. */
function hoverText(line: SliceLine, measure: SlicesResult['error_measure']): string {
  const { slice } = line;
  const interval = intervalText(slice.low, slice.high, measure);
  const lines = [
    `#${line.rank + 1} ${line.words}`,
    `${formatCount(slice.size)} rows, error ${errorText(slice.error, measure)}${interval === '' ? '' : ` ${interval}`}`,
    `${liftText(slice.lift)} the overall error, score ${formatNumber(slice.score)}`,
  ];
  const reference = slice.reference;
  if (reference !== undefined) {
    lines.push(
      `reference: ${errorText(reference.error, measure)} in ${formatCount(reference.size)} rows (${historyWords(reference.history)})`,
    );
  }
  lines.push(line.active ? 'the active cohort' : 'click: make it the active cohort');
  return lines.join('<br>');
}

const whisker = (from: number | null, to: number | null) =>
  from === null || to === null ? 0 : Math.max(0, to - from);

/** The figure, and the slice behind each point (customdata: its rank). */
export interface SlicesFigure extends ChartFigure {
  lines: SliceLine[];
}

/**
 * The top slices as points of size (x, logarithmic when sizes span a wide range) against error
 * (y), with Wilson 95% whiskers, numbered by rank and coloured by their history against the
 * reference; the overall error as a dashed line; the active slice ringed.
 */
export function slicesFigure(
  result: Pick<SlicesResult, 'mean_error' | 'error_measure' | 'n'>,
  lines: readonly SliceLine[],
): SlicesFigure {
  const base = baseLayout();
  const measure = result.error_measure;
  const rate = measure === 'misclassification';
  const data: Data[] = [];
  for (const { group, color, name } of groups) {
    const members = lines.filter((l) => (l.history ?? 'slice') === group);
    if (members.length === 0) continue;
    const trace: Partial<ScatterData> = {
      type: 'scatter',
      mode: 'text+markers',
      name,
      x: members.map((l) => l.slice.size),
      y: members.map((l) => l.slice.error),
      text: members.map((l) => String(l.rank + 1)),
      textposition: 'middle right',
      textfont: { size: 11, color: chartColors.text },
      customdata: members.map((l) => l.rank),
      marker: {
        size: members.map((l) => (l.active ? 16 : 11)),
        color,
        line: {
          color: members.map((l) => (l.active ? chartColors.text : chartColors.surface)),
          width: members.map((l) => (l.active ? 3 : 1)),
        },
      },
      hovertext: members.map((l) => hoverText(l, measure)),
      hovertemplate: '%{hovertext}<extra></extra>',
    };
    if (rate) {
      trace.error_y = {
        type: 'data',
        symmetric: false,
        array: members.map((l) => whisker(l.slice.error, l.slice.high)),
        arrayminus: members.map((l) => whisker(l.slice.low, l.slice.error)),
        color,
        thickness: 1,
        width: 3,
      };
    }
    data.push(trace);
  }
  const sizes = lines.map((l) => l.slice.size).filter((s) => s > 0);
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  const logAxis = sizes.length > 1 && largest / smallest > logAxisRatio;
  // The points' range with a margin, in log10 units (Plotly's log axis ranges).
  const logRange: [number, number] = [Math.log10(smallest) - 0.08, Math.log10(largest) + 0.08];
  const overall =
    result.mean_error === null
      ? null
      : horizontalLine(
          result.mean_error,
          `overall ${errorText(result.mean_error, measure)}`,
          chartColors.textMuted,
        );
  const highest = Math.max(
    result.mean_error ?? 0,
    ...lines.map((l) => (rate ? (l.slice.high ?? l.slice.error) : l.slice.error)),
  );
  return {
    data,
    layout: {
      ...base,
      height: slicesChartHeight,
      margin: { l: 56, r: lineLabelMargin, t: 8, b: 44 },
      legend: { orientation: 'h', x: 0, y: -0.2, yanchor: 'top', itemsizing: 'constant' },
      // Colours say how a slice fared in the reference; without one there is nothing to key.
      showlegend: lines.some((l) => l.history !== null),
      xaxis: {
        ...base.xaxis,
        type: logAxis ? 'log' : 'linear',
        title: { text: logAxis ? 'rows in the slice (log scale)' : 'rows in the slice' },
        ...(logAxis
          ? {
              range: logRange,
              tickmode: 'array' as const,
              ...logTicks(10 ** logRange[0], 10 ** logRange[1]),
            }
          : { rangemode: 'tozero' as const }),
      },
      yaxis: {
        ...base.yaxis,
        range: [0, highest * 1.1 || 1],
        ...(rate ? { tickformat: '.0%' } : {}),
        title: { text: rate ? 'error rate' : 'mean squared error' },
      },
      ...(overall === null ? {} : linesLayout([overall])),
    },
    description: describeSlices(result, lines, logAxis),
    lines: [...lines],
  };
}

/** The chart in words, for screen readers and tests. */
function describeSlices(
  result: Pick<SlicesResult, 'mean_error' | 'error_measure'>,
  lines: readonly SliceLine[],
  logAxis: boolean,
): string {
  const measure = result.error_measure;
  if (lines.length === 0) return 'No slices to draw.';
  const points = lines
    .map(
      (l) =>
        `${l.rank + 1}: ${l.words}, ${formatCount(l.slice.size)} rows, ${errorText(l.slice.error, measure)}${l.history === null ? '' : `, ${historyWords(l.history)}`}${l.active ? ' (active)' : ''}`,
    )
    .join('; ');
  return `Size against error of the top ${lines.length} ${lines.length === 1 ? 'slice' : 'slices'}${logAxis ? ', size on a log scale' : ''}; the dashed line is the overall error, ${errorText(result.mean_error, measure)}. ${points}.`;
}
