import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { metricOf } from '../../performance/performance-metrics.ts';
import { performanceTable } from '../../performance/performance-rows.ts';
import { regionResult } from '../../performance/test-fixtures.ts';
import { lastChart } from '../../drift/charts/plotly-chart-spy.tsx';
import { cohortLines, type CohortLine } from '../cohorts-table-model.ts';
import { CohortBarsChart } from './CohortBarsChart.tsx';
import { CohortHeatmap } from './CohortHeatmap.tsx';

vi.mock('../../../charts/PlotlyChart.tsx', () => import('../../drift/charts/plotly-chart-spy.tsx'));

const recall = metricOf('binary', 'recall');
const lines = cohortLines(performanceTable(regionResult()), recall);

describe('cohort charts', () => {
  it('a clicked bar or baseline tick picks its cohort', () => {
    const onSelect = vi.fn<(line: CohortLine) => void>();
    const html = renderToStaticMarkup(
      <CohortBarsChart
        lines={lines}
        metric={recall}
        overall={0.5}
        xTitle="region"
        onSelect={onSelect}
      />,
    );
    expect(html).toContain('Recall per cohort of region');
    lastChart().onPointClick?.({ curveNumber: 0, pointIndex: 0, customdata: 0 });
    lastChart().onPointClick?.({ curveNumber: 1, pointIndex: 1, customdata: 1 });
    lastChart().onPointClick?.({ curveNumber: 0, pointIndex: 9, customdata: 9 });
    expect(onSelect.mock.calls.map(([l]) => l.words)).toEqual(['region = APAC', 'region = EU']);
  });

  it('a clicked cell picks its cohort, an empty one nothing', () => {
    const onSelect = vi.fn<(line: CohortLine) => void>();
    renderToStaticMarkup(
      <CohortHeatmap
        lines={lines}
        by={[
          { name: 'region', mode: 'value', edges: null },
          { name: 'device', mode: 'value', edges: null },
        ]}
        metric={recall}
        middle={0.6}
        onSelect={onSelect}
      />,
    );
    // Heatmap points carry their row and column; the cell's customdata names the cohort.
    lastChart().onPointClick?.({ curveNumber: 0, pointIndex: 0, customdata: 3 });
    lastChart().onPointClick?.({ curveNumber: 0, pointIndex: 0, customdata: -1 });
    expect(onSelect.mock.calls.map(([l]) => l.words)).toEqual(['region = Tiny']);
  });
});
