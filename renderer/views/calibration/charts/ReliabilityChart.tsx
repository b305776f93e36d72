import { useMemo } from 'react';
import type { CalibrationResult } from '../../../../shared/analyses/calibration/calibration-result.ts';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import { selectByRank } from '../../../charts/select-by-rank.ts';
import type { CalibrationCohortLine } from '../calibration-table-model.ts';
import { reliabilityFigure } from './reliability-figure.ts';

export interface ReliabilityChartProps {
  result: CalibrationResult;
  /** The cohorts drawn as lines. */
  cohorts: readonly CalibrationCohortLine[];
  /** Called with the cohort of a clicked cohort point. */
  onSelect?: (line: CalibrationCohortLine) => void;
}

/** The reliability diagram over the score histogram; a cohort's point picks the cohort. */
export function ReliabilityChart({ result, cohorts, onSelect }: ReliabilityChartProps) {
  const figure = useMemo(() => reliabilityFigure(result, cohorts), [result, cohorts]);
  return (
    <PlotlyChart
      data={figure.data}
      layout={figure.layout}
      ariaLabel={figure.description}
      onPointClick={selectByRank(figure.cohorts, onSelect)}
    />
  );
}
