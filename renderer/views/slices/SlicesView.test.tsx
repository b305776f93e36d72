import { describe, expect, it, vi } from 'vitest';
import type { SlicesResult } from '../../../shared/analyses/slices/slices-result.ts';
import { requestKey, SLICES_VIEW } from '../../engine/session.ts';
import { createAppStore, type AppStore } from '../../store/store.ts';
import { lastChart } from '../drift/charts/plotly-chart-spy.tsx';
import { renderView } from '../performance/render-view.tsx';
import { fraudColumns, openLog, schemaColumn } from '../performance/test-fixtures.ts';
import { slicesRequestOf } from './slices-request.ts';
import { SlicesView } from './SlicesView.tsx';
import { fraudSlices } from './test-fixtures.ts';

vi.mock('../../charts/PlotlyChart.tsx', () => import('../drift/charts/plotly-chart-spy.tsx'));

const columns = () => [...fraudColumns(), schemaColumn('device')];

/** A store with a reference and a current log and `result` cached for the view's request. */
function storeWith(result: SlicesResult | null): AppStore {
  const store = createAppStore();
  store.getState().addDataset(openLog('reference', columns()));
  store.getState().addDataset(openLog('current', columns()));
  const request = slicesRequestOf(store.getState());
  if (request === null) throw new Error('no slices request');
  if (result !== null) {
    store
      .getState()
      .setViewResult(SLICES_VIEW, requestKey(request), result, ['reference', 'current']);
  }
  return store;
}

describe('SlicesView', () => {
  it('says where the model errs most, lists the slices and draws them', () => {
    const html = renderView(SlicesView, storeWith(fraudSlices()));
    expect(html).toContain(
      '<p>The model errs most on region = APAC and device = android: 44% errors [33%, 54%] vs 14% overall (3.1×), 85 rows; in the reference it erred 9.0% there — it broke.</p>',
    );
    expect(html).toContain('Searched 1,000 rows of the log: 14% of them wrong.');
    expect(html).toContain(
      'Slices of up to 3 columns with at least 32 rows, scored with alpha 0.95.',
    );
    expect(html).toContain('aria-label="Top slices"');
    expect(html).toMatch(
      /data-slice="region = APAC and device = android".*?<span class="history-badge history-broke"[^>]*>broke<\/span>/,
    );
    expect(html).toContain('class="history-badge history-always_hard"');
    // Too few reference rows to judge: their count beside the error.
    expect(html).toContain('8.3%<span class="muted interval"> of 12 rows</span>');
    expect(html).toContain('aria-label="Make merchant_category = crypto the active cohort"');
    expect(html).toContain('Size against error of the top 3 slices');
    expect(html).toContain(
      'Not searched: merchant_name (free text: nearly every value is unique).',
    );
    expect(html).toContain('level 2: 1,331 candidates, 412 pruned by bounds');
    expect(html).toContain('<option value="" selected="">default (32)</option>');
    expect(html).not.toContain('active cohort</span>');
  });

  it('a point sets its slice as the active cohort, and the list stays with it marked', () => {
    const store = storeWith(fraudSlices());
    renderView(SlicesView, store);
    lastChart().onPointClick?.({ curveNumber: 1, pointIndex: 0, customdata: 1 });
    expect(store.getState().cohort).toEqual([
      { column: 'merchant_category', op: '=', value: 'crypto' },
    ]);
    // The search is still the one over every row, so its result is shown with the pick marked.
    expect(slicesRequestOf(store.getState())?.where).toEqual([]);
    const html = renderView(SlicesView, store);
    expect(html).toMatch(
      /<tr class="selected" aria-selected="true"[^>]*data-slice="merchant_category = crypto"/,
    );
    expect(html).toContain('<span class="active-mark">active cohort</span>');
    expect(html).toContain('Now: slice 2.');
    expect(html).not.toContain('aria-label="Make merchant_category = crypto the active cohort"');
  });

  it('waits for a search within the cohort, saying so', () => {
    const store = storeWith(fraudSlices());
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    const html = renderView(SlicesView, store);
    expect(html).toContain('Measuring weak slices…');
    expect(html).toContain('within <strong>region = APAC</strong>, on both sides');
  });

  it('searches one window of the log, compared with the whole reference, saying so', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference', columns()));
    const current = openLog('current', columns());
    const timeSpan = { start: Date.UTC(2026, 8, 1), end: Date.UTC(2026, 9, 25) };
    store.getState().addDataset({ ...current, schema: { ...current.schema, timeSpan } });
    store.getState().chooseSlices({ window: '2026-09-21' });
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    const html = renderView(SlicesView, store);
    expect(html).toContain(
      'Searching in the week of 2026-09-21 (each slice compared with the whole reference) within <strong>region = APAC</strong>, on both sides.</p>',
    );
    expect(html).not.toContain('not compared with the reference');
    expect(html).toContain('<option value="2026-09-21" selected="">week of 2026-09-21</option>');
  });

  it('says why no slice was found', () => {
    const html = renderView(
      SlicesView,
      storeWith({ ...fraudSlices(), slices: [], empty_reason: 'no row of the log is wrong' }),
    );
    expect(html).toContain('No weak slices: no row of the log is wrong.');
    expect(html).not.toContain('aria-label="Top slices"');
  });

  it('names the missing label instead of searching', () => {
    const store = createAppStore();
    store.getState().addDataset(
      openLog(
        'current',
        columns().filter((c) => c.role !== 'label'),
      ),
    );
    const html = renderView(SlicesView, store);
    expect(html).toContain('The log (current.csv) has no label column');
    expect(html).not.toContain('Measuring weak slices');
  });
});
