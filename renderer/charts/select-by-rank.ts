import type { ChartPoint } from './PlotlyChart.tsx';

/**
 * A click handler for figures whose points carry a line's `rank` as customdata (a cohort's bar,
 * cell or curve point): selects that line; a point without one selects nothing.
 */
export function selectByRank<L extends { rank: number }>(
  lines: readonly L[],
  onSelect: ((line: L) => void) | undefined,
): (point: ChartPoint) => void {
  return ({ customdata }) => {
    const line = lines.find((l) => l.rank === customdata);
    if (line !== undefined) onSelect?.(line);
  };
}
