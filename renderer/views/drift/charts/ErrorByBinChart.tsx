import { useMemo } from 'react';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import {
  errorByBinFigure,
  type ErrorByBinColumn,
  type ErrorByBinImpact,
} from './error-by-bin-figure.ts';

export interface ErrorByBinChartProps {
  column: ErrorByBinColumn;
  /** The result's `impact`: the overall error rate and the smallest bin that can be ranked. */
  impact: ErrorByBinImpact;
  /**
   * Called with the clicked bin's index into `column.bins` and its label; the index is null for
   * the missing and the invalid values, which the label ("(missing)", "(invalid)") tells apart.
   */
  onSelectBin?: (index: number | null, label: string | number) => void;
}

/** Current error rate per bin of one column; nothing when the column has no impact. */
export function ErrorByBinChart({ column, impact, onSelectBin }: ErrorByBinChartProps) {
  const figure = useMemo(() => errorByBinFigure(column, impact), [column, impact]);
  if (figure === null) return null;
  return (
    <PlotlyChart
      data={figure.data}
      layout={figure.layout}
      ariaLabel={figure.description}
      onPointClick={({ pointIndex }) => {
        const bin = figure.bins[pointIndex];
        if (bin !== undefined) onSelectBin?.(bin.index, bin.label);
      }}
    />
  );
}
