import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/store.ts';
import { renderView } from '../performance/render-view.tsx';
import { fraudColumns, openLog } from '../performance/test-fixtures.ts';
import { ErrorsView } from './ErrorsView.tsx';
import { fraudPage, fraudStore, pagedSession } from './test-fixtures.ts';

describe('ErrorsView', () => {
  it('says how many predictions are wrong, in which order, and lists the first rows', () => {
    const html = renderView(ErrorsView, fraudStore(), pagedSession({ 0: fraudPage(0, 200) }));
    expect(html).toContain(
      '<p class="errors-headline">670 wrong predictions of 26,000 rows (2.6%), most confident first</p>',
    );
    expect(html).toContain('role="grid" aria-label="Wrong predictions" aria-rowcount="671"');
    expect(html).toMatch(/role="columnheader"[^>]*aria-sort="descending"[^>]*>.*?Confidence/);
    // The first row: rowid 1000, the highest confidence, with its bar.
    expect(html).toMatch(
      /<div id="errors-row-0" role="row" aria-rowindex="2" aria-selected="true"[^>]*data-row="1000">/,
    );
    expect(html).toContain(
      '<span style="width:99%"></span></span><span class="number">0.9900</span>',
    );
    expect(html).toContain('2026-09-01 12:00:00');
    expect(html).not.toContain('…');
  });

  it('shows "…" for rows whose page is not there yet', () => {
    const html = renderView(ErrorsView, fraudStore(), pagedSession({ 0: fraudPage(0, 10) }));
    expect(html).toContain('data-row="1009"');
    expect(html).toMatch(/id="errors-row-10"[^>]*class="errors-grid-row loading"/);
    expect(html).toContain('…');
  });

  it('names the cohort it lists within', () => {
    const store = fraudStore();
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    const html = renderView(ErrorsView, store, pagedSession({ 0: fraudPage(0, 54, 54, 2061) }));
    expect(html).toContain(
      '54 wrong predictions of 2,061 rows (2.6%) in the cohort region = APAC, most confident first',
    );
  });

  it('waits for the first page, and says when nothing is wrong', () => {
    expect(renderView(ErrorsView, fraudStore(), pagedSession({}))).toContain(
      'Finding wrong predictions… (progress and cancel in the job bar)',
    );
    const html = renderView(ErrorsView, fraudStore(), pagedSession({ 0: fraudPage(0, 0, 0, 300) }));
    expect(html).toContain('No wrong predictions among 300 rows');
    expect(html).not.toContain('role="grid"');
  });

  it('names the missing role instead of listing', () => {
    const store = createAppStore();
    store.getState().addDataset(
      openLog(
        'current',
        fraudColumns().filter((c) => c.role !== 'label'),
      ),
    );
    const html = renderView(ErrorsView, store, pagedSession({}));
    expect(html).toContain('The log (current.csv) has no label column');
    expect(html).not.toContain('role="grid"');
  });
});
