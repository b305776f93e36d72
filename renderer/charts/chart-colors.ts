// Plotly draws outside the cascade, so it gets colours as values. Those named after a CSS variable
// equal it (chart-colors.test.ts checks them against styles.css and the drift bands.css).
import type { PsiBand } from '../../shared/stats/psi.ts';

export const chartColors = {
  /** --text */
  text: '#1d2330',
  /** --text-muted */
  textMuted: '#5b6474',
  /** --border: grid lines and axes. */
  grid: '#d9dde3',
  /** --surface: hover labels. */
  surface: '#ffffff',
  /** --accent: the current data. */
  current: '#2f5fd0',
  /** The reference data, muted so the current data reads first. */
  reference: '#9aa9c2',
  /** Values the reference never had. */
  newCategory: '#8e44ad',
  /** --danger: the bin where errors concentrate most. */
  highlight: '#b42318',
} as const;

/** A PSI band's colour, or no data: the drift view's `--band-*` variables (charts/bands.css). */
export const bandColors: Record<PsiBand | 'none', string> = {
  stable: '#b4c3b8',
  moderate: '#e3a008',
  significant: '#b42318',
  none: '#e9ecf0',
};
