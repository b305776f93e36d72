import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { DriftImpactBin } from '../../../../shared/analyses/drift/drift-result.ts';
import { ErrorByBinChart } from './ErrorByBinChart.tsx';
import type { ErrorByBinColumn, ErrorByBinImpact } from './error-by-bin-figure.ts';
import { lastChart } from './plotly-chart-spy.tsx';

vi.mock('../../../charts/PlotlyChart.tsx', () => import('./plotly-chart-spy.tsx'));

const bin = (index: number | null, label: string, rows: number): DriftImpactBin => ({
  index,
  label,
  rows,
  errors: 1,
  error_rate: { value: 1 / rows, low: 0, high: 0.5 },
  lift: 1,
});

const column: ErrorByBinColumn = {
  name: 'x',
  bins: null,
  new_categories: [],
  impact: {
    lift: 1,
    bin: 'a',
    index: 0,
    bins: [bin(null, '(invalid)', 10), bin(null, '(missing)', 10), bin(0, 'a', 10)],
  },
};
const impact: ErrorByBinImpact = {
  error_rate: { value: 0.1, low: 0.05, high: 0.2 },
  min_bin_rows: 5,
};

describe('ErrorByBinChart', () => {
  it('selects the clicked bin by index and label, which tells missing from invalid values', () => {
    const onSelectBin = vi.fn();
    const html = renderToStaticMarkup(
      <ErrorByBinChart column={column} impact={impact} onSelectBin={onSelectBin} />,
    );
    expect(html).toContain('Error rate of the current rows per bin of x');
    for (const pointIndex of [0, 1, 2, 3]) {
      lastChart().onPointClick?.({ curveNumber: 0, pointIndex });
    }
    expect(onSelectBin.mock.calls).toEqual([
      [0, 'a'],
      [null, '(invalid)'],
      [null, '(missing)'],
    ]);
  });

  it('draws nothing for a column without an impact', () => {
    const html = renderToStaticMarkup(
      <ErrorByBinChart column={{ ...column, impact: null }} impact={impact} />,
    );
    expect(html).toBe('');
  });
});
