import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/store.ts';
import { metricOf } from '../performance/performance-metrics.ts';
import { performanceTable } from '../performance/performance-rows.ts';
import { renderView } from '../performance/render-view.tsx';
import { regionResult } from '../performance/test-fixtures.ts';
import { cohortLines, defaultCohortSort } from './cohorts-table-model.ts';
import { CohortsTable } from './CohortsTable.tsx';

const table = performanceTable(regionResult());

function render(metricName = 'recall', selected: string | null = '["EU"]') {
  const metric = metricOf('binary', metricName);
  const Table = () => (
    <CohortsTable
      lines={cohortLines(table, metric)}
      overall={table.overall}
      metric={metric}
      columns={['region']}
      against="reference"
      sinceHeader="Since"
      overallSince="2026-09-21"
      sort={defaultCohortSort}
      onSort={() => undefined}
      selected={selected}
      onSelect={() => undefined}
      onFilter={() => undefined}
    />
  );
  return renderView(Table, createAppStore());
}

const rowOf = (html: string, words: string) =>
  html.match(new RegExp(`<tr[^>]*data-cohort="${words}"[^>]*>.*?</tr>`))?.[0] ?? '';

describe('CohortsTable', () => {
  it('heads sortable columns with aria-sort, the active one sorted', () => {
    const html = render();
    expect(html).toContain('aria-label="Recall by cohort"');
    expect(html).toMatch(/<th scope="col" aria-sort="ascending"><button[^>]*>Status/);
    expect(html).toMatch(
      /<th scope="col" class="number" aria-sort="none"><button[^>]*>Recall \[95% CI\]/,
    );
  });

  it('starts with the whole log, then the cohorts in rank order', () => {
    const html = render();
    expect(html).toMatch(
      /<tbody class="cohorts-overall"><tr><th scope="row">All rows<\/th><td class="number">972<\/td>.*<td>2026-09-21<\/td>/,
    );
    const order = [...html.matchAll(/data-cohort="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['region = APAC', 'region = EU', 'region = Mars', 'region = Tiny']);
  });

  it('marks a significant drop with its interval, q and since', () => {
    const apac = rowOf(render(), 'region = APAC');
    expect(apac).toContain('class="cohort-drop"');
    expect(apac).toContain('0.250<span class="muted interval"> [0.142, 0.402]</span>');
    expect(apac).toContain('<td>2026-09-21</td>');
    expect(apac).toContain('significant drop');
    expect(apac).toContain('−0.450');
  });

  it('greys what cannot be judged and never marks it', () => {
    const tiny = rowOf(render(), 'region = Tiny');
    expect(tiny).toContain('class="cohort-unjudged"');
    expect(tiny).toContain('too small to judge');
    expect(tiny).not.toContain('significant drop');
    expect(rowOf(render(), 'region = Mars')).toContain('not in the baseline');
  });

  it('gives every row a Filter button, and one tab stop to the selected row', () => {
    const out = render();
    expect(out.match(/>Filter<\/button>/g)).toHaveLength(4);
    expect(out).toContain('aria-label="Make region = APAC the active cohort"');
    expect(rowOf(out, 'region = EU')).toMatch(/class="selected" aria-selected="true" tabindex="0"/);
    expect(rowOf(out, 'region = APAC')).toContain('tabindex="-1"');
  });

  it('calls a significant worsening of a lower-is-better metric a rise', () => {
    const fpr = render('fpr');
    expect(rowOf(fpr, 'region = APAC')).toContain('significant rise');
    expect(fpr).not.toContain('significant drop');
  });

  it('shows no q for a metric without a test', () => {
    const f1 = rowOf(render('f1'), 'region = APAC');
    expect(f1.match(/<td class="number">–<\/td>/g)?.length).toBeGreaterThanOrEqual(1);
    expect(f1).not.toContain('interval');
  });
});
