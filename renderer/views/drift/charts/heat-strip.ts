import type { DriftTimelineWindow } from '../../../../shared/analyses/drift/drift-result.ts';
import { bandClassName } from './bands.ts';
import { columnPsiByWindow, windowPsiText } from './window-psi.ts';

/** One cell: a column in a window, coloured by its band. */
export interface HeatCell {
  window: string;
  className: string;
  /** The tooltip: "2026-10-05 · PSI 0.41 · significant". */
  title: string;
  /** The same, naming the column, for screen readers. */
  label: string;
}

export interface HeatRow {
  name: string;
  cells: HeatCell[];
}

/** One row per column, in the order given, with one cell per window. */
export function heatStripRows(
  windows: readonly DriftTimelineWindow[],
  columns: readonly string[],
): HeatRow[] {
  return columns.map((name) => ({
    name,
    cells: columnPsiByWindow(windows, name).map((point) => {
      const title = windowPsiText(point);
      return {
        window: point.window,
        className: `heat-cell ${bandClassName(point.band)}`,
        title,
        label: `${name}: ${title}`,
      };
    }),
  }));
}
