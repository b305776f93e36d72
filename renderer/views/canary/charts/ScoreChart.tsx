import { useMemo } from 'react';
import type { ScoreHistogram } from '../../../../shared/analyses/canary/canary-result.ts';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import { scoreFigure } from './score-figure.ts';

/** The two sides' score distributions overlaid, in the calibration bins. */
export function ScoreChart({ histogram }: { histogram: ScoreHistogram }) {
  const figure = useMemo(() => scoreFigure(histogram), [histogram]);
  return <PlotlyChart data={figure.data} layout={figure.layout} ariaLabel={figure.description} />;
}
