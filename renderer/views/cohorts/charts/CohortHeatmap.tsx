import { useMemo } from 'react';
import type { PerformanceByInfo } from '../../../../shared/analyses/performance/performance-result.ts';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import { selectByRank } from '../../../charts/select-by-rank.ts';
import type { MetricInfo } from '../../performance/performance-metrics.ts';
import type { CohortLine } from '../cohorts-table-model.ts';
import { cohortHeatmapFigure } from './cohort-heatmap-figure.ts';

export interface CohortHeatmapProps {
  lines: readonly CohortLine[];
  by: readonly [PerformanceByInfo, PerformanceByInfo];
  metric: MetricInfo;
  /** The value the colours diverge from: the overall baseline. */
  middle: number | null;
  /** Called with the clicked cell's cohort. */
  onSelect?: (line: CohortLine) => void;
}

/** Two cohort columns as a grid of the metric; a click on a cell picks its cohort. */
export function CohortHeatmap({ lines, by, metric, middle, onSelect }: CohortHeatmapProps) {
  const figure = useMemo(
    () => cohortHeatmapFigure(lines, by, metric, middle),
    [lines, by, metric, middle],
  );
  return (
    <PlotlyChart
      data={figure.data}
      layout={figure.layout}
      ariaLabel={figure.description}
      onPointClick={selectByRank(lines, onSelect)}
    />
  );
}
