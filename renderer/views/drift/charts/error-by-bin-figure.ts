import type { BarData } from 'plotly.js-dist-min';
import type {
  DriftColumnResult,
  DriftImpactBin,
  DriftImpactSummary,
} from '../../../../shared/analyses/drift/drift-result.ts';
import { chartColors } from '../../../charts/chart-colors.ts';
import { baseLayout, type ChartFigure } from '../../../charts/chart-figure.ts';
import { horizontalLine, lineLabelMargin, linesLayout } from '../../../charts/reference-lines.ts';
import { formatCount, formatPercent } from '../../../format/numbers.ts';
import { binLabels } from './bin-labels.ts';

export type ErrorByBinColumn = Pick<
  DriftColumnResult,
  'name' | 'bins' | 'new_categories' | 'impact'
>;
/** The result's `impact`: the overall error rate and the smallest bin that can be ranked. */
export type ErrorByBinImpact = Pick<DriftImpactSummary, 'error_rate' | 'min_bin_rows'>;

/** Opacity of a bin too small to rank: shown, but visibly not to be trusted. */
export const fewRowsOpacity = 0.35;

/** One bar: an impact bin with its label and how it is drawn. */
interface ErrorBar {
  bin: DriftImpactBin;
  label: string;
  tooFewRows: boolean;
  isLargestLift: boolean;
}

/** The figure, and the impact bin behind each bar (`bins[pointIndex]`). */
export interface ErrorByBinFigure extends ChartFigure<Partial<BarData>> {
  bins: DriftImpactBin[];
}

/**
 * The current error rate per bin with its Wilson interval, bins in order and the missing or
 * invalid values last; the overall rate as a dashed line. Bins under `min_bin_rows` are faded,
 * the bin with the largest lift is drawn in the highlight colour. Each bar's customdata is its
 * bin index (null for missing or invalid values). Null when the column has no impact.
 */
export function errorByBinFigure(
  column: ErrorByBinColumn,
  overall: ErrorByBinImpact,
): ErrorByBinFigure | null {
  const { impact } = column;
  if (impact === null || impact === undefined) return null;
  const labels = column.bins === null ? [] : binLabels(column.bins, column.new_categories);
  // Bins by index, then the missing and invalid values as given (the sort is stable).
  const order = (bin: DriftImpactBin) => bin.index ?? Number.MAX_SAFE_INTEGER;
  const bars: ErrorBar[] = [...impact.bins]
    .sort((a, b) => order(a) - order(b))
    .map((bin) => ({
      bin,
      label: (bin.index === null ? undefined : labels[bin.index]?.text) ?? String(bin.label),
      tooFewRows: bin.rows < overall.min_bin_rows,
      isLargestLift:
        impact.lift !== null &&
        (bin.index === null
          ? impact.index === null && String(bin.label) === String(impact.bin)
          : bin.index === impact.index),
    }));
  const x = bars.map((b) => b.label);
  const overallRate = overall.error_rate.value;
  const layout = baseLayout();
  const trace: Partial<BarData> = {
    type: 'bar',
    name: 'error rate',
    x,
    y: bars.map((b) => b.bin.error_rate.value),
    customdata: bars.map((b) => b.bin.index),
    error_y: {
      type: 'data',
      symmetric: false,
      array: bars.map(({ bin: { error_rate: r } }) => distance(r.value, r.high)),
      arrayminus: bars.map(({ bin: { error_rate: r } }) => distance(r.low, r.value)),
      color: chartColors.textMuted,
      thickness: 1,
      width: 3,
    },
    marker: {
      color: bars.map((b) => (b.isLargestLift ? chartColors.highlight : chartColors.current)),
      opacity: bars.map((b) => (b.tooFewRows ? fewRowsOpacity : 1)),
    },
    hovertext: bars.map((b) => hoverText(b, overall.min_bin_rows)),
    hovertemplate: '%{hovertext}<extra></extra>',
  };
  return {
    data: [trace],
    layout: {
      ...layout,
      showlegend: false,
      xaxis: { ...layout.xaxis, type: 'category', categoryorder: 'array', categoryarray: x },
      yaxis: { ...layout.yaxis, tickformat: '.1~%', range: [0, errorRateTop(bars) * 1.1] },
      ...(overallRate === null
        ? {}
        : {
            margin: { ...layout.margin, r: lineLabelMargin },
            ...linesLayout([
              horizontalLine(
                overallRate,
                `overall ${formatPercent(overallRate)}`,
                chartColors.textMuted,
              ),
            ]),
          }),
    },
    description: describeErrors(column.name, bars, overall),
    bins: bars.map((b) => b.bin),
  };
}

/** Length of a whisker; none where the rate or its interval is unknown (an empty bin). */
function distance(from: number | null, to: number | null): number {
  return from === null || to === null ? 0 : to - from;
}

/**
 * Where the y axis ends: above every rate and every rankable bin's interval. A small bin's
 * interval can reach far up (4 rows: 0% to 49%) and would flatten the rest; its whisker is cut.
 */
function errorRateTop(bars: readonly ErrorBar[]): number {
  const tops = bars.flatMap(({ bin: { error_rate: r }, tooFewRows }) => [
    r.value ?? 0,
    tooFewRows ? 0 : (r.high ?? 0),
  ]);
  return Math.max(...tops) || 1;
}

function rateText(rate: DriftImpactBin['error_rate']): string {
  if (rate.value === null) return 'no rows';
  const interval =
    rate.low === null || rate.high === null
      ? ''
      : ` (95% CI ${formatPercent(rate.low)} to ${formatPercent(rate.high)})`;
  return `${formatPercent(rate.value)}${interval}`;
}

function hoverText({ bin, label, tooFewRows, isLargestLift }: ErrorBar, minRows: number): string {
  const lines = [
    label,
    `error rate ${rateText(bin.error_rate)}`,
    `${formatCount(bin.errors)} errors in ${formatCount(bin.rows)} rows`,
  ];
  if (bin.lift !== null) lines.push(`×${bin.lift.toFixed(2)} the overall rate`);
  if (tooFewRows) lines.push(`too few rows to rank (under ${formatCount(minRows)})`);
  if (isLargestLift) lines.push('largest lift');
  return lines.join('<br>');
}

function describeErrors(name: string, bars: readonly ErrorBar[], overall: ErrorByBinImpact) {
  const rate = overall.error_rate.value;
  const sentences = [
    `Error rate of the current rows per bin of ${name}, with 95% intervals` +
      (rate === null ? '.' : `; overall ${formatPercent(rate)}.`),
  ];
  const top = bars.find((b) => b.isLargestLift);
  if (top !== undefined && top.bin.lift !== null) {
    sentences.push(
      `Largest lift: ${top.label}, ${rateText(top.bin.error_rate)}, ×${top.bin.lift.toFixed(2)} the overall rate.`,
    );
  }
  const few = bars.filter((b) => b.tooFewRows).length;
  if (few > 0) {
    const bins = few === 1 ? '1 bin has' : `${few} bins have`;
    sentences.push(`${bins} too few rows to rank (under ${formatCount(overall.min_bin_rows)}).`);
  }
  return sentences.join(' ');
}
