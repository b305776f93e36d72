import type { BarData, Data, ScatterData } from 'plotly.js-dist-min';
import type {
  CalibrationBin,
  CalibrationCurve,
  CalibrationResult,
} from '../../../../shared/analyses/calibration/calibration-result.ts';
import { plural } from '../../../../shared/text/plural.ts';
import { chartColors } from '../../../charts/chart-colors.ts';
import { baseLayout, type ChartFigure } from '../../../charts/chart-figure.ts';
import { formatCount } from '../../../format/numbers.ts';
import { formatMetric } from '../../performance/metric-format.ts';
import type { CalibrationCohortLine } from '../calibration-table-model.ts';
import {
  binRangeText,
  compactCount,
  confidence,
  confidenceWords,
  rateWords,
} from '../calibration-words.ts';

/** The figure's height: the reliability diagram over the score histogram. */
export const reliabilityHeight = 580;

/** Where the two plots sit on the figure's height (paper fractions). */
const diagramDomain: [number, number] = [0.33, 1];
const histogramDomain: [number, number] = [0, 0.23];

/** Cohort lines: colourblind-safe hues apart from the log's blue and the flag red. */
export const cohortPalette = [
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#999933',
  '#882255',
  '#44aa99',
  '#117733',
  '#aa4499',
  '#6699cc',
] as const;

/** Histogram bars of negatives: quiet, so the positives and the curve read first. */
export const negativesColor = '#c5cdd9';

/** A tallest bar this many times the smallest non-empty one puts the histogram on a log axis. */
const logAxisRatio = 50;

/** Points closer than this on the score axis share one count label (the leftmost). */
const labelGap = 0.06;

/** A point's size by its bin's rows, on a log scale: 7 px for one row, 20 for the largest bin. */
export function markerSize(n: number, largest: number): number {
  if (largest <= 1) return 7;
  return Math.round((7 + (13 * Math.log10(Math.max(n, 1))) / Math.log10(largest)) * 10) / 10;
}

/** Count labels sit right of their point, left of it near the right edge (not to be cut). */
export const labelPosition = (x: number) => (x > 0.85 ? 'middle left' : 'middle right');

/** Which points get a count label: from the left, each at least `labelGap` past the last one. */
export function labelledPoints(xs: readonly number[]): boolean[] {
  let last = Number.NEGATIVE_INFINITY;
  return xs.map((x) => {
    if (x - last < labelGap) return false;
    last = x;
    return true;
  });
}

/** One bin's hover text. */
function binHover(b: CalibrationBin, who: string, rate: string): string {
  const side = confidence(b);
  const lines = [
    `${who} · bin ${binRangeText(b)}`,
    `${formatCount(b.n)} rows, ${formatCount(b.positives)} positive`,
    `mean score ${formatMetric(b.mean_score)}`,
    `observed ${rate} ${formatMetric(b.observed)} [${formatMetric(b.low)}, ${formatMetric(b.high)}]`,
  ];
  if (side !== null) {
    lines.push(
      `${confidenceWords(side)}: observed ${side === 'over' ? 'below' : 'above'} the score beyond its 95% interval`,
    );
  }
  return lines.join('<br>');
}

const whisker = (from: number, to: number) => Math.max(0, to - from);

/** The log's curve: sized, counted points with Wilson whiskers, red where the score is off. */
function logTrace(curve: CalibrationCurve, rate: string): Partial<ScatterData> {
  const largest = Math.max(1, ...curve.bins.map((b) => b.n));
  const x = curve.bins.map((b) => b.mean_score);
  const labelled = labelledPoints(x);
  return {
    type: 'scatter',
    mode: 'text+lines+markers',
    name: 'the log',
    // The legend shows logLegend's blue instead of the first point's colour, which may be red.
    legendgroup: 'log',
    showlegend: false,
    x,
    y: curve.bins.map((b) => b.observed),
    text: curve.bins.map((b, i) => (labelled[i] ? compactCount(b.n) : '')),
    textposition: x.map(labelPosition),
    textfont: { size: 10, color: chartColors.textMuted },
    line: { color: chartColors.current, width: 2 },
    marker: {
      size: curve.bins.map((b) => markerSize(b.n, largest)),
      color: curve.bins.map((b) =>
        confidence(b) === null ? chartColors.current : chartColors.highlight,
      ),
      line: { color: chartColors.surface, width: 1 },
    },
    error_y: {
      type: 'data',
      symmetric: false,
      array: curve.bins.map((b) => whisker(b.observed, b.high)),
      arrayminus: curve.bins.map((b) => whisker(b.low, b.observed)),
      color: chartColors.current,
      thickness: 1.5,
      width: 4,
    },
    hovertext: curve.bins.map((b) => binHover(b, 'the log', rate)),
    hovertemplate: '%{hovertext}<extra></extra>',
  };
}

/**
 * Legend entries for the log: its line in blue (a click hides or shows the whole curve), and what
 * a red point means.
 */
function logLegend(): Partial<ScatterData>[] {
  const entry = (name: string, color: string, rank: number): Partial<ScatterData> => ({
    type: 'scatter',
    mode: 'markers',
    name,
    legendrank: rank,
    x: [null],
    y: [null],
    marker: { size: 9, color },
    hoverinfo: 'skip',
  });
  return [
    {
      ...entry('the log', chartColors.current, 2),
      mode: 'lines+markers',
      legendgroup: 'log',
      line: { color: chartColors.current, width: 2 },
    },
    entry('interval leaves out the score', chartColors.highlight, 3),
  ];
}

/** The reference's curve: dashed and lighter, beside the log's. */
function referenceTrace(curve: CalibrationCurve, rate: string): Partial<ScatterData> {
  const largest = Math.max(1, ...curve.bins.map((b) => b.n));
  return {
    type: 'scatter',
    mode: 'lines+markers',
    name: 'the reference',
    legendrank: 4,
    x: curve.bins.map((b) => b.mean_score),
    y: curve.bins.map((b) => b.observed),
    line: { color: chartColors.reference, width: 2, dash: 'dash' },
    marker: {
      size: curve.bins.map((b) => markerSize(b.n, largest) * 0.75),
      color: chartColors.reference,
    },
    hovertext: curve.bins.map((b) => binHover(b, 'the reference', rate)),
    hovertemplate: '%{hovertext}<extra></extra>',
  };
}

/** A cohort's legend entry: its value and ECE, or that it is too small to judge. */
export function cohortTraceName(line: CalibrationCohortLine): string {
  const { cohort } = line;
  if (cohort.n === 0) return `${line.value} (no rows)`;
  if (cohort.too_small) return `${line.value} (too small)`;
  return `${line.value} (ECE ${formatMetric(cohort.ece)})`;
}

/**
 * A cohort's curve, one colour each; too-small cohorts start hidden (a legend click shows them).
 * Each cohort is a legend group of its own, so a click toggles it alone and a double click shows
 * it alone; the first group's title names the column.
 */
function cohortTrace(
  line: CalibrationCohortLine,
  i: number,
  rate: string,
  column: string,
): Partial<ScatterData> {
  const { cohort } = line;
  const color = cohortPalette[i % cohortPalette.length] ?? chartColors.textMuted;
  return {
    type: 'scatter',
    mode: 'lines+markers',
    name: cohortTraceName(line),
    legendgroup: `cohort-${line.rank}`,
    ...(i === 0 ? { legendgrouptitle: { text: `by ${column} (click: hide, show)` } } : {}),
    legendrank: 10 + i,
    visible: cohort.too_small ? 'legendonly' : true,
    x: cohort.bins.map((b) => b.mean_score),
    y: cohort.bins.map((b) => b.observed),
    customdata: cohort.bins.map(() => line.rank),
    line: { color, width: 1.5 },
    marker: { size: 7, color, opacity: 0.9 },
    opacity: 0.9,
    hovertext: cohort.bins.map((b) => `${binHover(b, line.words, rate)}<br>click: filter to it`),
    hovertemplate: '%{hovertext}<extra></extra>',
  };
}

/** The score histogram's bars: positives at the foot (read off the axis), negatives on top. */
function histogramTraces(curve: CalibrationCurve): Partial<BarData>[] {
  const bars = curve.histogram;
  const x = bars.map((b) => (b.lo + b.hi) / 2);
  const width = bars.map((b) => b.hi - b.lo);
  const bar = (
    name: string,
    y: number[],
    color: string,
    rank: number,
    what: string,
  ): Partial<BarData> => ({
    type: 'bar',
    name,
    legendrank: rank,
    xaxis: 'x2',
    yaxis: 'y2',
    x,
    y,
    width,
    marker: { color, line: { color: chartColors.surface, width: 0.5 } },
    hovertext: bars.map(
      (b, i) =>
        `scores ${binRangeText({ bin: i, lo: b.lo, hi: b.hi })}<br>${formatCount(y[i] ?? 0)} ${what}<br>${formatCount(b.positives + b.negatives)} rows`,
    ),
    hovertemplate: '%{hovertext}<extra></extra>',
  });
  return [
    bar(
      'positives',
      bars.map((b) => b.positives),
      chartColors.current,
      5,
      'positive',
    ),
    bar(
      'negatives',
      bars.map((b) => b.negatives),
      negativesColor,
      6,
      'negative',
    ),
  ];
}

/** The figure, and the cohort behind each cohort trace's points (customdata: its rank). */
export interface ReliabilityFigure extends ChartFigure {
  cohorts: CalibrationCohortLine[];
}

/**
 * The reliability diagram over the score histogram, on one score axis [0, 1]: the diagonal
 * (perfect calibration); the log's observed rate per bin at its mean score, with Wilson 95%
 * whiskers, points sized and labelled by their rows, red where the interval leaves the score out;
 * the reference's curve dashed and lighter; one line per cohort; under it the scores' histogram,
 * positives and negatives stacked (on a log axis when one bar dwarfs the rest).
 */
export function reliabilityFigure(
  result: CalibrationResult,
  cohorts: readonly CalibrationCohortLine[],
): ReliabilityFigure {
  const base = baseLayout();
  const rate = rateWords(result.outcome);
  const diagonal: Partial<ScatterData> = {
    type: 'scatter',
    mode: 'lines',
    name: 'perfect calibration',
    legendrank: 1,
    x: [0, 1],
    y: [0, 1],
    line: { color: chartColors.textMuted, width: 1, dash: 'dot' },
    hoverinfo: 'skip',
  };
  const data: Data[] = [diagonal];
  if (result.reference !== undefined && result.reference.bins.length > 0) {
    data.push(referenceTrace(result.reference, rate));
  }
  data.push(logTrace(result, rate), ...logLegend());
  const column = result.by[0]?.name ?? 'cohort';
  cohorts.forEach((line, i) => data.push(cohortTrace(line, i, rate, column)));
  data.push(...histogramTraces(result));

  const counts = result.histogram.map((b) => b.positives + b.negatives).filter((n) => n > 0);
  const logAxis = counts.length > 0 && Math.max(...counts) / Math.min(...counts) > logAxisRatio;
  const scoreRange: [number, number] = [-0.02, 1.02];
  return {
    data,
    layout: {
      ...base,
      height: reliabilityHeight,
      barmode: 'stack',
      bargap: 0,
      margin: { l: 56, r: 16, t: 8, b: 44 },
      legend: {
        orientation: 'v',
        x: 1.02,
        xanchor: 'left',
        y: 1,
        yanchor: 'top',
        tracegroupgap: 4,
        // Stacked bars would reverse the legend; the diagram's entries come first.
        traceorder: 'grouped',
        itemsizing: 'constant',
      },
      xaxis: {
        ...base.xaxis,
        anchor: 'y',
        range: scoreRange,
        dtick: 0.1,
        showticklabels: true,
        title: { text: '' },
      },
      yaxis: {
        ...base.yaxis,
        domain: diagramDomain,
        range: [-0.02, 1.02],
        dtick: 0.1,
        title: { text: `observed ${rate}` },
      },
      xaxis2: {
        ...base.xaxis,
        anchor: 'y2',
        matches: 'x',
        range: scoreRange,
        dtick: 0.1,
        title: { text: result.outcome.score },
      },
      yaxis2: {
        ...base.yaxis,
        domain: histogramDomain,
        ...(logAxis ? { type: 'log' as const, dtick: 1 } : { rangemode: 'tozero' as const }),
        title: { text: logAxis ? 'rows (log)' : 'rows' },
      },
    },
    description: describeReliability(result, cohorts, logAxis),
    cohorts: [...cohorts],
  };
}

/** The figure in words, for screen readers and tests. */
function describeReliability(
  result: CalibrationResult,
  cohorts: readonly CalibrationCohortLine[],
  logAxis: boolean,
): string {
  const rate = rateWords(result.outcome);
  const over = result.bins.filter((b) => confidence(b) === 'over').length;
  const under = result.bins.filter((b) => confidence(b) === 'under').length;
  const sentences = [
    `Reliability diagram of ${result.outcome.score}: the observed ${rate} per bin against its mean score, with 95% Wilson intervals, over ${plural(result.bins.length, 'non-empty bin')}; the dotted diagonal is perfect calibration.`,
    over + under === 0
      ? "Every bin's interval holds its mean score."
      : `Red points: the interval lies below the score (over-confident) in ${plural(over, 'bin')}, above it (under-confident) in ${plural(under, 'bin')}.`,
  ];
  if (result.reference !== undefined && result.reference.bins.length > 0) {
    sentences.push(`The reference's curve is dashed (ECE ${formatMetric(result.reference.ece)}).`);
  }
  if (cohorts.length > 0) {
    sentences.push(
      `One line per cohort: ${cohorts.map((c) => cohortTraceName(c)).join(', ')}; those too small to judge start hidden.`,
    );
  }
  sentences.push(
    `Below, the histogram of the scores in ${result.histogram.length} bars, positives and negatives stacked${logAxis ? ', on a log axis' : ''}.`,
  );
  return sentences.join(' ');
}
