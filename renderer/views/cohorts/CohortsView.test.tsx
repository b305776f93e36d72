import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../store/store.ts';
import { renderView, storeWithResult } from '../performance/render-view.tsx';
import { fraudColumns, openLog, regionResult } from '../performance/test-fixtures.ts';
import { CohortsView } from './CohortsView.tsx';

vi.mock('../../charts/PlotlyChart.tsx', () => import('../drift/charts/plotly-chart-spy.tsx'));

describe('CohortsView', () => {
  it('says who is failing, draws the bars and lists the cohorts', () => {
    const html = renderView(CohortsView, storeWithResult(regionResult()));
    expect(html).toContain(
      'aria-label="Cohorts summary"><p>Recall is worst for region = APAC: 0.250',
    );
    expect(html).toContain('Recall per cohort of region, with 95% intervals');
    expect(html).toContain('aria-label="Recall by cohort"');
    expect(html).toMatch(/<select[^>]*><option value="">\(no column: overall only\)<\/option>/);
    expect(html).toContain('<option value="region" selected="">region</option>');
  });

  it('draws a grid for two cohort columns', () => {
    const result = regionResult();
    result.by.push({ name: 'device', mode: 'value', edges: null });
    for (const c of result.cohorts) c.cohort.device = 'android';
    const html = renderView(CohortsView, storeWithResult(result, { by: ['region', 'device'] }));
    expect(html).toContain('Recall per cohort of region × device.');
    expect(html).toContain('<th scope="row" class="column-name">APAC · android</th>');
  });

  it('waits for a result not computed yet', () => {
    const store = storeWithResult(regionResult());
    store.getState().choosePerformance({ metric: 'precision' });
    expect(renderView(CohortsView, store)).toContain('Measuring performance…');
  });

  it('says the active cohort it is computed within', () => {
    const store = storeWithResult(null);
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    expect(renderView(CohortsView, store)).toContain(
      'Within the cohort <strong>region = APAC</strong>, on both sides.',
    );
  });

  it('names the missing role instead of running', () => {
    const store = createAppStore();
    store.getState().addDataset(
      openLog(
        'current',
        fraudColumns().filter((c) => c.role !== 'prediction'),
      ),
    );
    const html = renderView(CohortsView, store);
    expect(html).toContain('The log (current.csv) has no prediction or score column');
    expect(html).not.toContain('Measuring performance');
  });
});
