import { useMemo } from 'react';
import type { SlicesResult } from '../../../../shared/analyses/slices/slices-result.ts';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import { selectByRank } from '../../../charts/select-by-rank.ts';
import type { SliceLine } from '../slices-table-model.ts';
import { slicesFigure } from './slices-figure.ts';

export interface SlicesChartProps {
  result: SlicesResult;
  lines: readonly SliceLine[];
  /** Called with the slice of a clicked point. */
  onSelect?: (line: SliceLine) => void;
}

/** The top slices' size against their error; a point makes its slice the active cohort. */
export function SlicesChart({ result, lines, onSelect }: SlicesChartProps) {
  const figure = useMemo(() => slicesFigure(result, lines), [result, lines]);
  return (
    <PlotlyChart
      data={figure.data}
      layout={figure.layout}
      ariaLabel={figure.description}
      onPointClick={selectByRank(figure.lines, onSelect)}
    />
  );
}
