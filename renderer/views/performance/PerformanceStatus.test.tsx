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
  it("says the performance views' words and steps aside once the table is there", () => {
    expect(renderToStaticMarkup(<PerformanceStatus state={state({ sides: null })} />)).toContain(
      'Open a log (or a current dataset) to see how the model performs.',
    );
    expect(renderToStaticMarkup(<PerformanceStatus state={state({ ended: true })} />)).toContain(
      'No performance result: the analysis failed or was cancelled',
    );
    expect(renderToStaticMarkup(<PerformanceStatus state={state({})} />)).toContain(
      'Measuring performance…',
    );
    const table = performanceTable(regionResult());
    expect(renderToStaticMarkup(<PerformanceStatus state={state({ table })} />)).toBe('');
  });
});
