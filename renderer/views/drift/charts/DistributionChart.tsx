import { useMemo } from 'react';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import { distributionFigure, type DistributionColumn } from './distribution-figure.ts';

export interface DistributionChartProps {
  column: DistributionColumn;
  /** Called with the clicked bin's index into `column.bins`. */
  onSelectBin?: (index: number) => void;
}

/** Reference against current shares per bin of one column; nothing when it has no bins. */
export function DistributionChart({ column, onSelectBin }: DistributionChartProps) {
  const figure = useMemo(() => distributionFigure(column), [column]);
  if (figure === null) return null;
  return (
    <PlotlyChart
      data={figure.data}
      layout={figure.layout}
      ariaLabel={figure.description}
      onPointClick={({ customdata }) => {
        if (typeof customdata === 'number') onSelectBin?.(customdata);
      }}
    />
  );
}
