import type { PlotlyChartProps } from '../../../charts/PlotlyChart.tsx';

/** The props each stand-in chart was last rendered with, for tests that mock PlotlyChart. */
export const renderedCharts: PlotlyChartProps[] = [];

/** Stands in for PlotlyChart in tests: records its props and renders the description. */
export function PlotlyChart(props: PlotlyChartProps) {
  renderedCharts.push(props);
  return <p>{props.ariaLabel}</p>;
}

/** The props of the chart rendered last. */
export function lastChart(): PlotlyChartProps {
  const props = renderedCharts.at(-1);
  if (props === undefined) throw new Error('no chart was rendered');
  return props;
}
