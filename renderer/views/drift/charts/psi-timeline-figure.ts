import type { ScatterData } from 'plotly.js-dist-min';
import type { DriftTimelineWindow } from '../../../../shared/analyses/drift/drift-result.ts';
import { PSI_MODERATE, PSI_SIGNIFICANT, type PsiBand } from '../../../../shared/stats/psi.ts';
import { bandColors, chartColors } from '../../../charts/chart-colors.ts';
import { baseLayout, type ChartFigure } from '../../../charts/chart-figure.ts';
import {
  horizontalLine,
  lineLabelMargin,
  linesLayout,
  verticalLine,
} from '../../../charts/reference-lines.ts';
import { bandText, formatPsi } from './bands.ts';
import { columnPsiByWindow, windowPsiText, type WindowPsi } from './window-psi.ts';

/** Where the PSI bands start (STATS.md). */
export const bandThresholds: readonly { psi: number; band: PsiBand }[] = [
  { psi: PSI_MODERATE, band: 'moderate' },
  { psi: PSI_SIGNIFICANT, band: 'significant' },
];

/** The y axis reaches at least this far, so both thresholds are always in view. */
const minPsiRange = 0.25;

/**
 * One column's PSI per window as a line with markers coloured by band, broken where PSI is null;
 * the band thresholds as dashed lines, and a vertical marker at `since` when there is one.
 */
export function psiTimelineFigure(
  windows: readonly DriftTimelineWindow[],
  column: string,
  since: string | null,
): ChartFigure<Partial<ScatterData>> {
  const points = columnPsiByWindow(windows, column);
  const layout = baseLayout();
  const highestPsi = Math.max(0, ...points.map((p) => p.psi ?? 0));
  const trace: Partial<ScatterData> = {
    type: 'scatter',
    mode: 'lines+markers',
    name: 'PSI',
    x: points.map((p) => p.window),
    y: points.map((p) => p.psi),
    connectgaps: false,
    line: { color: chartColors.textMuted, width: 1.5 },
    marker: {
      size: 7,
      color: points.map((p) => bandColors[p.band ?? 'none']),
      line: { color: chartColors.textMuted, width: 1 },
    },
    hovertext: points.map((p) => windowPsiText(p)),
    hovertemplate: '%{hovertext}<extra></extra>',
  };
  const lines = bandThresholds.map(({ psi, band }) => horizontalLine(psi, band, bandColors[band]));
  if (since !== null) lines.push(verticalLine(since, `since ${since}`, bandColors.significant));
  return {
    data: [trace],
    layout: {
      ...layout,
      showlegend: false,
      xaxis: { ...layout.xaxis, type: 'date', tickformat: '%Y-%m-%d' },
      yaxis: { ...layout.yaxis, range: [0, Math.max(minPsiRange, highestPsi * 1.1)] },
      margin: { ...layout.margin, r: lineLabelMargin },
      ...linesLayout(lines),
    },
    description: describeTimeline(column, points, since),
  };
}

function describeTimeline(column: string, points: readonly WindowPsi[], since: string | null) {
  const shown = points.filter((p): p is WindowPsi & { psi: number } => p.psi !== null);
  const first = points[0]?.window;
  const last = points.at(-1)?.window;
  if (first === undefined || last === undefined) return `PSI of ${column}: no windows.`;
  const sentences = [`PSI of ${column} per window from ${first} to ${last}.`];
  const highest = shown.reduce<(typeof shown)[number] | undefined>(
    (top, p) => (top === undefined || p.psi > top.psi ? p : top),
    undefined,
  );
  if (highest !== undefined) {
    sentences.push(
      `Highest: ${formatPsi(highest.psi)} (${bandText(highest.band)}) in ${highest.window}.`,
    );
  }
  if (since !== null) sentences.push(`Significant since ${since}.`);
  const missing = points.length - shown.length;
  if (missing > 0) sentences.push(`${missing} of ${points.length} windows have no data.`);
  return sentences.join(' ');
}
