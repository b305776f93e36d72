import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { chartHeight } from './chart-figure.ts';
import { PlotlyChart } from './PlotlyChart.tsx';

describe('PlotlyChart before Plotly has loaded', () => {
  it('holds a quiet placeholder of the chart height, hidden from screen readers', () => {
    const html = renderToStaticMarkup(
      <PlotlyChart data={[]} layout={{ height: 180 }} ariaLabel="Shares per bin" />,
    );
    expect(html).toContain(
      '<div class="plotly-chart-plot loading" style="height:180px" aria-hidden="true"></div>',
    );
    const fallback = renderToStaticMarkup(<PlotlyChart data={[]} layout={{}} ariaLabel="x" />);
    expect(fallback).toContain(`style="height:${chartHeight}px"`);
  });

  it('says what the chart shows in words', () => {
    const html = renderToStaticMarkup(
      <PlotlyChart data={[]} layout={{}} ariaLabel="PSI of amount per window" />,
    );
    expect(html).toContain(
      '<p class="plotly-chart-description visually-hidden">PSI of amount per window</p>',
    );
  });
});
