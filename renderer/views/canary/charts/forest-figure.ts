import type { Data, Layout, ScatterData } from 'plotly.js-dist-min';
import type {
  CanaryCheck,
  TestedMetric,
} from '../../../../shared/analyses/canary/canary-result.ts';
import { bandColors, chartColors } from '../../../charts/chart-colors.ts';
import { baseLayout, type ChartFigure } from '../../../charts/chart-figure.ts';
import { verticalLine } from '../../../charts/reference-lines.ts';
import type { CheckGroup, CheckLine } from '../canary-table-model.ts';
import { metricWords } from '../../../../shared/analyses/canary/canary-words.ts';
import {
  deltaText,
  relativeIntervalText,
  relativeText,
  resultText,
  valueText,
} from '../canary-words.ts';

type Shape = NonNullable<Layout['shapes']>[number];

/** Whether a metric is tested baseline against canary (not a ceiling on the canary alone). */
export const isTestedMetric = (metric: CanaryCheck['metric']): metric is TestedMetric =>
  metric !== 'latency_p99_ceiling' && metric !== 'success_rate_floor';

/** The tested metrics among the checks (never the ceilings), in the order they first come. */
export function forestMetrics(checks: readonly Pick<CanaryCheck, 'metric'>[]): TestedMetric[] {
  const metrics = new Set<TestedMetric>();
  for (const { metric } of checks) if (isTestedMetric(metric)) metrics.add(metric);
  return [...metrics];
}

/**
 * Where a check's point goes. AUC's tolerance is absolute, so AUC is drawn as its change in AUC
 * (its relative interval scaled back by the baseline: relative = delta / baseline); every other
 * metric as its relative change, whose tolerance is relative.
 */
export function forestPoint(
  check: Pick<CanaryCheck, 'metric' | 'baseline' | 'delta' | 'relative_delta' | 'interval'>,
): { x: number; low: number | null; high: number | null } | null {
  const { interval } = check;
  if (check.metric === 'auc') {
    const baseline = check.baseline;
    if (check.delta === null || baseline === null) return null;
    return {
      x: check.delta,
      low: interval === null ? null : interval.low * baseline,
      high: interval === null ? null : interval.high * baseline,
    };
  }
  if (check.relative_delta === null) return null;
  return { x: check.relative_delta, low: interval?.low ?? null, high: interval?.high ?? null };
}

/** Where the metric's tolerance line goes: below zero for a drop, above it for latency's rise. */
export function toleranceX(metric: TestedMetric, tolerance: number): number {
  return metric === 'latency_p99' ? tolerance : -tolerance;
}

/** A point's group: how its check ended. */
type PointGroup = 'failed' | 'beyond' | 'passed' | 'too_small';

/** Each group's colour and legend name, in legend order. */
const groups: { group: PointGroup; color: string; name: string }[] = [
  { group: 'failed', color: chartColors.highlight, name: 'failed' },
  { group: 'beyond', color: bandColors.moderate, name: 'beyond the tolerance, not significant' },
  { group: 'passed', color: chartColors.current, name: 'passed' },
  { group: 'too_small', color: chartColors.textMuted, name: 'too small to judge' },
];

const groupOf = (check: Pick<CanaryCheck, 'passed' | 'exceeds_tolerance'>): PointGroup =>
  check.passed === null
    ? 'too_small'
    : !check.passed
      ? 'failed'
      : check.exceeds_tolerance === true
        ? 'beyond'
        : 'passed';

/** One row of the plot: a segment's check of the metric, placed. */
interface ForestRow {
  line: CheckLine;
  segment: string;
  group: PointGroup;
  x: number;
  low: number | null;
  high: number | null;
}

/** The figure, and the check behind each point (customdata: its rank). */
export interface ForestFigure extends ChartFigure {
  lines: CheckLine[];
}

const rowHeight = 22;

/**
 * The axis ends at ±100% (or the tolerance, if wider): a proportion cannot drop further, and a
 * segment whose small baseline makes a rise of +900% would squash every other segment. A point
 * beyond is drawn at the edge as a triangle pointing out (its hover and the description give its
 * value); whiskers are cut there.
 */
function axisClamp(tol: number) {
  const limit = Math.max(1, Math.abs(tol));
  const clamp = (x: number) => Math.max(-limit, Math.min(limit, x));
  const symbolOf = (row: ForestRow) =>
    row.x > limit
      ? 'triangle-right'
      : row.x < -limit
        ? 'triangle-left'
        : row.line.check.critical
          ? 'diamond'
          : 'circle';
  return { clamp, symbolOf };
}

const axisTitle = (metric: TestedMetric) =>
  metric === 'auc'
    ? 'change in AUC (canary − baseline)'
    : `relative change in ${metricWords[metric]} (canary vs baseline)`;

function hoverText(row: ForestRow): string {
  const { check } = row.line;
  const interval = relativeIntervalText(check.interval);
  return [
    `${row.segment}: ${metricWords[check.metric]} ${valueText(check.metric, check.baseline)} → ${valueText(check.metric, check.canary)}`,
    `${deltaText(check.metric, check.delta)}, ${relativeText(check.relative_delta)}${interval === '' ? '' : ` ${interval}`}`,
    `${resultText(check)}${check.critical ? ' (critical)' : ''}`,
    'click: show it in the table',
  ].join('<br>');
}

/**
 * One metric's checks, a row per segment (every row first), as a forest plot: the change with its
 * 95% interval as whiskers, coloured by result; zero as a solid line and the tolerance as a dashed
 * one with the failing side shaded; the selected segment ringed.
 */
export function forestFigure(
  checkGroups: readonly CheckGroup[],
  metric: TestedMetric,
  selectedKey: string | null,
): ForestFigure {
  const base = baseLayout();
  const rows: ForestRow[] = [];
  const unplaced: string[] = [];
  for (const g of checkGroups) {
    const line = g.lines.find((l) => l.check.metric === metric);
    if (line === undefined) continue;
    const point = forestPoint(line.check);
    if (point === null) unplaced.push(g.segment.name);
    else rows.push({ line, segment: g.segment.name, group: groupOf(line.check), ...point });
  }
  const tolerance = rows[0]?.line.check.tolerance ?? 0;
  const tol = toleranceX(metric, tolerance);
  const { clamp, symbolOf } = axisClamp(tol);
  const data: Data[] = [];
  for (const { group, color, name } of groups) {
    const members = rows.filter((r) => r.group === group);
    if (members.length === 0) continue;
    const selected = (r: ForestRow) => r.line.key === selectedKey;
    const trace: Partial<ScatterData> = {
      type: 'scatter',
      mode: 'markers',
      name,
      x: members.map((r) => clamp(r.x)),
      y: members.map((r) => r.segment),
      customdata: members.map((r) => r.line.rank),
      marker: {
        size: members.map((r) => (selected(r) ? 13 : 9)),
        color,
        symbol: members.map(symbolOf),
        line: {
          color: members.map((r) => (selected(r) ? chartColors.text : chartColors.surface)),
          width: members.map((r) => (selected(r) ? 2.5 : 1)),
        },
      },
      error_x: {
        type: 'data',
        symmetric: false,
        array: members.map((r) => (r.high === null ? 0 : Math.max(0, clamp(r.high) - clamp(r.x)))),
        arrayminus: members.map((r) =>
          r.low === null ? 0 : Math.max(0, clamp(r.x) - clamp(r.low)),
        ),
        color,
        thickness: 1.5,
        width: 3,
      },
      hovertext: members.map(hoverText),
      hovertemplate: '%{hovertext}<extra></extra>',
    };
    data.push(trace);
  }
  const xs = rows.flatMap((r) => [r.x, r.low ?? r.x, r.high ?? r.x]).map(clamp);
  const lo = Math.min(0, tol, ...xs);
  const hi = Math.max(0, tol, ...xs);
  const pad = (hi - lo) * 0.08 || 0.05;
  const range: [number, number] = [lo - pad, hi + pad];
  const line = verticalLine(tol, `tolerance ${toleranceLabel(metric, tol)}`, chartColors.highlight);
  // The side of the line where a significant change fails the check, faintly shaded.
  const failingSide: Shape = {
    type: 'rect',
    layer: 'below',
    yref: 'paper',
    x0: tol,
    x1: metric === 'latency_p99' ? range[1] : range[0],
    y0: 0,
    y1: 1,
    fillcolor: 'rgba(180, 35, 24, 0.07)',
    line: { width: 0 },
  };
  const segments = rows.map((r) => r.segment);
  return {
    data,
    layout: {
      ...base,
      height: Math.max(170, segments.length * rowHeight + 100),
      margin: { l: 8, r: 16, t: 36, b: 44 },
      legend: { orientation: 'h', x: 0, y: -0.12, yanchor: 'top', itemsizing: 'constant' },
      showlegend: new Set(rows.map((r) => r.group)).size > 1,
      xaxis: {
        ...base.xaxis,
        range,
        tickformat: metric === 'auc' ? '+.2f' : '+.0%',
        zeroline: true,
        zerolinecolor: chartColors.textMuted,
        zerolinewidth: 1,
        title: { text: axisTitle(metric) },
      },
      yaxis: {
        ...base.yaxis,
        type: 'category',
        categoryorder: 'array',
        categoryarray: segments,
        autorange: 'reversed',
        showgrid: true,
      },
      shapes: [failingSide, line.shape],
      annotations: [line.annotation],
    },
    description: describeForest(metric, rows, unplaced, tolerance),
    lines: rows.map((r) => r.line),
  };
}

/** The tolerance at its place on the axis: "−3%", "+10%", "−0.02". */
function toleranceLabel(metric: TestedMetric, tol: number): string {
  const size = Math.abs(tol);
  const text = metric === 'auc' ? `${size}` : `${Math.round(size * 1000) / 10}%`;
  return `${tol < 0 ? '−' : '+'}${text}`;
}

/** The plot in words, for screen readers and tests. */
function describeForest(
  metric: TestedMetric,
  rows: readonly ForestRow[],
  unplaced: readonly string[],
  tolerance: number,
): string {
  const change = (r: ForestRow) => (metric === 'auc' ? deltaText(metric, r.x) : relativeText(r.x));
  const named = (group: PointGroup) =>
    rows
      .filter((r) => r.group === group)
      .map((r) => `${r.segment} (${change(r)})`)
      .join(', ');
  const sentences = [
    `${axisTitle(metric).replace(/^./, (c) => c.toUpperCase())} per segment, with 95% intervals; the tolerance is ${toleranceLabel(metric, toleranceX(metric, tolerance))}.`,
  ];
  for (const { group, name } of groups) {
    const list = named(group);
    if (list !== '') sentences.push(`${name.replace(/^./, (c) => c.toUpperCase())}: ${list}.`);
  }
  if (unplaced.length > 0) {
    sentences.push(`Not drawn (no change relative to a zero baseline): ${unplaced.join(', ')}.`);
  }
  return sentences.join(' ');
}
