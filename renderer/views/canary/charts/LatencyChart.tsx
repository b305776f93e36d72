import { useMemo } from 'react';
import type { LatencyHistogram } from '../../../../shared/analyses/canary/canary-result.ts';
import { PlotlyChart } from '../../../charts/PlotlyChart.tsx';
import { latencyFigure } from './latency-figure.ts';

/** The two sides' latency distributions overlaid, with their p50, p95 and p99. */
export function LatencyChart({
  latency,
  ceilingMs,
}: {
  latency: LatencyHistogram;
  ceilingMs: number;
}) {
  const figure = useMemo(() => latencyFigure(latency, ceilingMs), [latency, ceilingMs]);
  return <PlotlyChart data={figure.data} layout={figure.layout} ariaLabel={figure.description} />;
}
