import type { DriftTimelineWindow } from '../../../../shared/analyses/drift/drift-result.ts';
import type { PsiBand } from '../../../../shared/stats/psi.ts';
import { bandText, formatPsi } from './bands.ts';

/** One window's PSI for a column; null where the window had too few values, or none. */
export interface WindowPsi {
  window: string;
  psi: number | null;
  band: PsiBand | null;
}

/** A column's PSI in each window, in window order. */
export function columnPsiByWindow(
  windows: readonly DriftTimelineWindow[],
  column: string,
): WindowPsi[] {
  return windows.map(({ window, columns }) => {
    const found = columns.find((c) => c.name === column);
    return { window, psi: found?.psi ?? null, band: found?.band ?? null };
  });
}

/** One column in one window, as a tooltip reads it: "2026-10-05 · PSI 0.41 · significant". */
export function windowPsiText({ window, psi, band }: WindowPsi): string {
  return psi === null
    ? `${window} · ${bandText(null)}`
    : `${window} · PSI ${formatPsi(psi)} · ${bandText(band)}`;
}
