import { useMemo } from 'react';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import { selectByRank } from '../../../charts/select-by-rank.ts';
import type { MetricInfo } from '../../performance/performance-metrics.ts';
import type { CohortLine } from '../cohorts-table-model.ts';
import { cohortBarsFigure } from './cohort-bars-figure.ts';

export interface CohortBarsChartProps {
  lines: readonly CohortLine[];
  metric: MetricInfo;
  /** The whole log's value, drawn as a line. */
  overall: number | null;
  /** The cohort column(s), under the bars. */
  xTitle: string;
  /** Called with the clicked bar's (or baseline tick's) cohort. */
  onSelect?: (line: CohortLine) => void;
}

/** The metric per cohort with intervals and baselines; a click picks the cohort. */
export function CohortBarsChart({
  lines,
  metric,
  overall,
  xTitle,
  onSelect,
}: CohortBarsChartProps) {
  const figure = useMemo(
    () => cohortBarsFigure(lines, metric, overall, xTitle),
    [lines, metric, overall, xTitle],
  );
  return (
    <PlotlyChart
      data={figure.data}
      layout={figure.layout}
      ariaLabel={figure.description}
      onPointClick={selectByRank(figure.lines, onSelect)}
    />
  );
}
