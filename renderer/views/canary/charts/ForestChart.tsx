import { useMemo } from 'react';
import type { TestedMetric } from '../../../../shared/analyses/canary/canary-result.ts';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import { selectByRank } from '../../../charts/select-by-rank.ts';
import type { CheckGroup, CheckLine } from '../canary-table-model.ts';
import { forestFigure } from './forest-figure.ts';

export interface ForestChartProps {
  groups: readonly CheckGroup[];
  metric: TestedMetric;
  /** The selected check's key, ringed. */
  selected: string | null;
  /** Called with the check of a clicked point. */
  onSelect?: (line: CheckLine) => void;
}

/** One metric's change per segment against its tolerance; a point selects its check. */
export function ForestChart({ groups, metric, selected, onSelect }: ForestChartProps) {
  const figure = useMemo(() => forestFigure(groups, metric, selected), [groups, metric, selected]);
  return (
    <PlotlyChart
      data={figure.data}
      layout={figure.layout}
      ariaLabel={figure.description}
      onPointClick={selectByRank(figure.lines, onSelect)}
    />
  );
}
