import type { Data, Layout } from 'plotly.js-dist-min';
import { chartColors } from './chart-colors.ts';

/** What a chart draws, and the same in words for screen readers and tests. */
export interface ChartFigure<Trace extends Data = Data> {
  data: Trace[];
  layout: Partial<Layout>;
  description: string;
}

/**
 * The page's font (styles.css --font, checked by chart-figure.test.ts). Plotly needs it spelled
 * out: 'inherit' would inherit Plotly's own stylesheet, which sets "Open Sans".
 */
export const chartFontFamily =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Height of the drift view's charts, in CSS pixels; the loading placeholder takes it too. */
export const chartHeight = 260;

/**
 * The look every chart shares: the page's font and colours, a transparent background, tight
 * margins, and a fixed height with the width left to the container.
 */
export function baseLayout(): Partial<Layout> {
  const axis = {
    color: chartColors.textMuted,
    gridcolor: chartColors.grid,
    linecolor: chartColors.grid,
    zerolinecolor: chartColors.grid,
    automargin: true,
    fixedrange: true,
  };
  return {
    height: chartHeight,
    autosize: true,
    font: { family: chartFontFamily, size: 11, color: chartColors.text },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    margin: { l: 48, r: 16, t: 28, b: 40 },
    hovermode: 'closest',
    hoverlabel: { bgcolor: chartColors.surface, bordercolor: chartColors.grid },
    legend: { orientation: 'h', x: 0, y: 1, yanchor: 'bottom' },
    xaxis: { ...axis },
    yaxis: { ...axis },
  };
}
