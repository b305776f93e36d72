import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { DistributionChart } from './DistributionChart.tsx';
import { distributionFigure, type DistributionColumn } from './distribution-figure.ts';
import { lastChart } from './plotly-chart-spy.tsx';

vi.mock('../../../charts/PlotlyChart.tsx', () => import('./plotly-chart-spy.tsx'));

const region: DistributionColumn = {
  name: 'region',
  bins: {
    mode: 'categorical',
    edges: null,
    categories: ['EU', 'NA'],
    pooled: 0,
    reference_counts: [60, 40],
    current_counts: [50, 50],
    p: [0.6, 0.4],
    q: [0.5, 0.5],
  },
  new_categories: [],
};

describe('DistributionChart', () => {
  it("draws the column's figure and describes it", () => {
    renderToStaticMarkup(<DistributionChart column={region} />);
    const figure = distributionFigure(region);
    expect(lastChart()).toMatchObject({
      data: figure?.data,
      layout: figure?.layout,
      ariaLabel: figure?.description,
    });
  });

  it('selects the clicked bin, on either side', () => {
    const onSelectBin = vi.fn();
    renderToStaticMarkup(<DistributionChart column={region} onSelectBin={onSelectBin} />);
    lastChart().onPointClick?.({ curveNumber: 0, pointIndex: 1, customdata: 1 });
    lastChart().onPointClick?.({ curveNumber: 1, pointIndex: 0, customdata: 0 });
    expect(onSelectBin.mock.calls).toEqual([[1], [0]]);
  });

  it('draws nothing for a column without bins', () => {
    expect(renderToStaticMarkup(<DistributionChart column={{ ...region, bins: null }} />)).toBe('');
  });
});
