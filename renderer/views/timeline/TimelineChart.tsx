import { useMemo } from 'react';
import { PlotlyChart } from '../../charts/PlotlyChart.tsx';
import { timelineFigure, type TimelineFigureInput } from './timeline-figure.ts';

/** A metric per window with its interval band, the baseline and the onset. */
export function TimelineChart(props: TimelineFigureInput) {
  const { metric, focus, overall, baseline, since } = props;
  const figure = useMemo(
    () => timelineFigure({ metric, focus, overall, baseline, since }),
    [metric, focus, overall, baseline, since],
  );
  return <PlotlyChart data={figure.data} layout={figure.layout} ariaLabel={figure.description} />;
}
