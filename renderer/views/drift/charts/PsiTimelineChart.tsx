import { useMemo } from 'react';
import type { DriftTimelineWindow } from '../../../../shared/analyses/drift/drift-result.ts';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import { psiTimelineFigure } from './psi-timeline-figure.ts';

export interface PsiTimelineChartProps {
  windows: DriftTimelineWindow[];
  /** The column whose PSI is drawn. */
  column: string;
  /** The window from which the column stayed significant (its `since`), if any. */
  since?: string | null;
}

/** One column's PSI per window against the band thresholds. */
export function PsiTimelineChart({ windows, column, since = null }: PsiTimelineChartProps) {
  const figure = useMemo(() => psiTimelineFigure(windows, column, since), [windows, column, since]);
  return <PlotlyChart data={figure.data} layout={figure.layout} ariaLabel={figure.description} />;
}
