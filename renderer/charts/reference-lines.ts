import type { Layout } from 'plotly.js-dist-min';
import { chartColors } from './chart-colors.ts';

type Shape = NonNullable<Layout['shapes']>[number];
type Annotation = NonNullable<Layout['annotations']>[number];

/** A line across a chart (a threshold, an overall rate, a date) and its label. */
export interface ReferenceLine {
  shape: Shape;
  annotation: Annotation;
}

/** Right margin that holds a horizontal line's label ("significant", "overall 12.3%"). */
export const lineLabelMargin = 84;

/**
 * A dashed line across the plot at `y`, labelled in the right margin beside its end, where no
 * bar or marker can hide the label.
 */
export function horizontalLine(y: number, text: string, color: string): ReferenceLine {
  return {
    shape: {
      type: 'line',
      xref: 'paper',
      x0: 0,
      x1: 1,
      y0: y,
      y1: y,
      line: { color, width: 1, dash: 'dash' },
    },
    annotation: {
      xref: 'paper',
      x: 1,
      xanchor: 'left',
      xshift: 4,
      y,
      yanchor: 'middle',
      text,
      showarrow: false,
      font: { color: chartColors.textMuted },
    },
  };
}

/** A dotted line up the plot at `x`, labelled above it. */
export function verticalLine(x: string | number, text: string, color: string): ReferenceLine {
  return {
    shape: {
      type: 'line',
      yref: 'paper',
      x0: x,
      x1: x,
      y0: 0,
      y1: 1,
      line: { color, width: 1.5, dash: 'dot' },
    },
    annotation: {
      yref: 'paper',
      x,
      xanchor: 'left',
      y: 1,
      yanchor: 'bottom',
      text,
      showarrow: false,
      font: { color },
    },
  };
}

/** The layout keys that draw these lines. */
export function linesLayout(
  lines: readonly ReferenceLine[],
): Pick<Layout, 'shapes' | 'annotations'> {
  return { shapes: lines.map((l) => l.shape), annotations: lines.map((l) => l.annotation) };
}
