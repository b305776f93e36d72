import type { DriftTimelineWindow } from '../../../../shared/analyses/drift/drift-result.ts';
import type { PsiBand } from '../../../../shared/stats/psi.ts';

/** A timeline window from [column, psi, band] triples (n and missing rate do not matter here). */
export function timelineWindow(
  window: string,
  columns: [name: string, psi: number | null, band: PsiBand | null][],
): DriftTimelineWindow {
  return {
    window,
    rows: 1000,
    columns: columns.map(([name, psi, band]) => ({ name, psi, band, missing_rate: 0, n: 1000 })),
  };
}

/** Four weeks: amount drifts from the third, region has too few values in the second. */
export const fourWeeks: DriftTimelineWindow[] = [
  timelineWindow('2026-09-21', [
    ['amount', 0.003, 'stable'],
    ['region', 0.12, 'moderate'],
  ]),
  timelineWindow('2026-09-28', [
    ['amount', 0.15, 'moderate'],
    ['region', null, null],
  ]),
  timelineWindow('2026-10-05', [
    ['amount', 0.41, 'significant'],
    ['region', 0.01, 'stable'],
  ]),
  timelineWindow('2026-10-12', [['amount', 8.283, 'significant']]),
];
