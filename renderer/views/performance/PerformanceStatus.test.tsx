import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../store/test-fixtures.ts';
import { performanceTable } from './performance-rows.ts';
import { PerformanceStatus } from './PerformanceStatus.tsx';
import { regionResult } from './test-fixtures.ts';
import type { PerformanceState } from './use-performance.ts';

const state = (fields: Partial<PerformanceState>): PerformanceState => ({
  sides: { log: makeDataset('current', ['x'], 'current'), reference: null },
  gaps: [],
  request: null,
  table: undefined,
  ended: false,
  retry: () => undefined,
  ...fields,
});

describe('PerformanceStatus', () => {
  it('asks for a log when nothing is open', () => {
    expect(renderToStaticMarkup(<PerformanceStatus state={state({ sides: null })} />)).toContain(
      'Open a log (or a current dataset)',
    );
  });

  it('says what the data lacks', () => {
    const html = renderToStaticMarkup(
      <PerformanceStatus state={state({ gaps: ['the log (x.csv) has no label column.'] })} />,
    );
    expect(html).toContain('role="status"');
    expect(html).toContain('<p>the log (x.csv) has no label column.</p>');
  });

  it('waits for the running job, offers to run a failed or cancelled one again', () => {
    expect(renderToStaticMarkup(<PerformanceStatus state={state({})} />)).toContain(
      'Measuring performance…',
    );
    const ended = renderToStaticMarkup(<PerformanceStatus state={state({ ended: true })} />);
    expect(ended).toContain('failed or was cancelled');
    expect(ended).toContain('>Run again</button>');
  });

  it('steps aside once the result is there', () => {
    const table = performanceTable(regionResult());
    expect(renderToStaticMarkup(<PerformanceStatus state={state({ table })} />)).toBe('');
  });
});
