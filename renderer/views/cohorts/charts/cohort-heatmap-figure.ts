import type { HeatmapData, Layout } from 'plotly.js-dist-min';
import type { CohortValue } from '../../../../shared/analyses/performance/performance-cohorts.ts';
import type { PerformanceByInfo } from '../../../../shared/analyses/performance/performance-result.ts';
import { plural } from '../../../../shared/text/plural.ts';
import { chartColors } from '../../../charts/chart-colors.ts';
import { baseLayout, chartHeight, type ChartFigure } from '../../../charts/chart-figure.ts';
import { compareCohortValues } from '../../performance/cohort-order.ts';
import { cohortValueText } from '../../performance/cohort-words.ts';
import { formatMetric, formatWithInterval } from '../../performance/metric-format.ts';
import { labelInSentence, type MetricInfo } from '../../performance/performance-metrics.ts';
import type { CohortLine } from '../cohorts-table-model.ts';
import { cohortHoverText } from './cohort-hover.ts';

type Shape = NonNullable<Layout['shapes']>[number];

/** The colour of a metric's middle (its overall baseline) and of cells nobody can judge. */
const neutral = '#f6f7f9';

/** The figure, and the cohort in each cell (`cells[row][column]`, null where there is none). */
export interface CohortHeatmapFigure extends ChartFigure<Partial<HeatmapData>> {
  cells: (CohortLine | null)[][];
}

/** A cohort column's values in reading order (compareCohortValues), as the axis names them. */
export function axisValues(
  values: readonly CohortValue[],
  mode: PerformanceByInfo['mode'],
): string[] {
  const distinct = [...new Map(values.map((v) => [cohortValueText(v), v])).values()];
  return distinct.sort((a, b) => compareCohortValues(a, b, mode)).map(cohortValueText);
}

/** What a cell that cannot be judged says in place of its value. */
function cellNote(line: CohortLine): string {
  if (line.row.n === 0) return line.row.rows > 0 ? 'no labels' : 'no rows';
  if (line.row.too_small) return 'too small';
  return line.row.delta === null ? 'no baseline' : 'baseline small';
}

/** Red for worse than the middle, blue for better, by the metric's good side. */
function colorscale(metric: MetricInfo): [number, string][] {
  if (metric.higherIsBetter === null)
    return [
      [0, neutral],
      [1, chartColors.current],
    ];
  const low = metric.higherIsBetter ? chartColors.highlight : chartColors.current;
  const high = metric.higherIsBetter ? chartColors.current : chartColors.highlight;
  return [
    [0, low],
    [0.5, neutral],
    [1, high],
  ];
}

/**
 * Two cohort columns against each other: rows the first column's values, columns the second's,
 * each cell the cohort's metric, coloured around `middle` (the overall baseline) so that worse
 * reads red; cells too small to judge are left blank and say so; significant drops are outlined.
 */
export function cohortHeatmapFigure(
  lines: readonly CohortLine[],
  by: readonly [PerformanceByInfo, PerformanceByInfo],
  metric: MetricInfo,
  middle: number | null,
): CohortHeatmapFigure {
  const [rowColumn, colColumn] = by;
  const y = axisValues(
    lines.map((l) => l.row.cohort[rowColumn.name] ?? null),
    rowColumn.mode,
  );
  const x = axisValues(
    lines.map((l) => l.row.cohort[colColumn.name] ?? null),
    colColumn.mode,
  );
  const cells = y.map((rowValue) =>
    x.map(
      (colValue) => lines.find((l) => l.values[0] === rowValue && l.values[1] === colValue) ?? null,
    ),
  );
  const judged = (l: CohortLine | null) => l !== null && l.unjudged === null;
  const trace: Partial<HeatmapData> = {
    type: 'heatmap',
    x,
    y,
    z: cells.map((row) => row.map((l) => (judged(l) ? (l?.value ?? null) : null))),
    text: cells.map((row) =>
      row.map((l) => (l === null ? '' : judged(l) ? formatMetric(l.value) : cellNote(l))),
    ),
    texttemplate: '%{text}',
    hovertext: cells.map((row) =>
      row.map((l) => (l === null ? 'no rows' : cohortHoverText(l, metric))),
    ),
    hovertemplate: '%{hovertext}<extra></extra>',
    customdata: cells.map((row) => row.map((l) => l?.rank ?? -1)),
    colorscale: colorscale(metric),
    ...(middle !== null && metric.higherIsBetter !== null ? { zmid: middle } : {}),
    xgap: 2,
    ygap: 2,
    hoverongaps: true,
    colorbar: { title: { text: labelInSentence(metric) }, thickness: 12 },
  };
  const outlines: Shape[] = cells.flatMap((row, i) =>
    row.flatMap((l, j) =>
      l?.drop
        ? [
            {
              type: 'rect',
              xref: 'x',
              yref: 'y',
              x0: j - 0.5,
              x1: j + 0.5,
              y0: i - 0.5,
              y1: i + 0.5,
              line: { color: chartColors.highlight, width: 3 },
            } satisfies Shape,
          ]
        : [],
    ),
  );
  const layout = baseLayout();
  return {
    data: [trace],
    layout: {
      ...layout,
      height: Math.max(chartHeight, 90 + 34 * y.length),
      xaxis: { ...layout.xaxis, type: 'category', title: { text: colColumn.name }, side: 'bottom' },
      yaxis: {
        ...layout.yaxis,
        type: 'category',
        title: { text: rowColumn.name },
        autorange: 'reversed',
      },
      shapes: outlines,
    },
    description: describeHeatmap(lines, by, metric),
    cells,
  };
}

function describeHeatmap(
  lines: readonly CohortLine[],
  [a, b]: readonly [PerformanceByInfo, PerformanceByInfo],
  metric: MetricInfo,
): string {
  const sentences = [`${metric.label} per cohort of ${a.name} × ${b.name}.`];
  const drops = lines.filter((l) => l.drop);
  if (drops.length > 0) {
    sentences.push(
      `Significantly worse (outlined): ${drops.map((l) => `${l.words}, ${formatWithInterval(l.value, l.interval)}`).join('; ')}.`,
    );
  } else {
    sentences.push(
      `No cell's ${labelInSentence(metric)} is significantly worse than its baseline.`,
    );
  }
  const small = lines.filter((l) => l.unjudged !== null).length;
  if (small > 0) sentences.push(`${plural(small, 'cell')} cannot be judged (left blank).`);
  return sentences.join(' ');
}
