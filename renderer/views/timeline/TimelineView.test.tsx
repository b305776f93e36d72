import { describe, expect, it, vi } from 'vitest';
import { renderView, storeWithResult } from '../performance/render-view.tsx';
import { regionResult } from '../performance/test-fixtures.ts';
import { TimelineView } from './TimelineView.tsx';

vi.mock('../../charts/PlotlyChart.tsx', () => import('../drift/charts/plotly-chart-spy.tsx'));

describe('TimelineView', () => {
  it('shows the most degraded cohort beside all rows, since its onset', () => {
    const html = renderView(TimelineView, storeWithResult(regionResult()));
    expect(html).toContain(
      '<option value="[&quot;APAC&quot;]" selected="">region = APAC (most degraded)</option>',
    );
    expect(html).toContain(
      'aria-label="Timeline summary"><p>Recall for region = APAC dropped from 0.700 in the reference to 0.150 since the week of 2026-09-21.</p>',
    );
    expect(html).toContain('Recall of region = APAC per window from 2026-09-07 to 2026-09-28');
    expect(html).toContain('Marked: since 2026-09-21.');
    expect(html).toContain('Windows as numbers');
  });

  it('shows the chosen timeline', () => {
    const store = storeWithResult(regionResult());
    store.getState().choosePerformance({ focus: 'overall' });
    const html = renderView(TimelineView, store);
    expect(html).toContain('Recall for all rows dropped from 0.627 in the reference');
    expect(html).not.toContain('beside all rows');
  });

  it('says when the result has no timeline', () => {
    const result = regionResult();
    delete result.timeline;
    delete result.window;
    result.skipped = { timeline: 'no time column in the log' };
    expect(renderView(TimelineView, storeWithResult(result))).toContain(
      'No timeline: no time column in the log.',
    );
  });
});
