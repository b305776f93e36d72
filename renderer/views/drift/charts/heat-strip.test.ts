import { describe, expect, it } from 'vitest';
import { heatStripRows } from './heat-strip.ts';
import { fourWeeks } from './test-windows.ts';

describe('heatStripRows', () => {
  it('makes one row per column in the order asked, one cell per window', () => {
    const rows = heatStripRows(fourWeeks, ['region', 'amount']);
    expect(rows.map((r) => r.name)).toEqual(['region', 'amount']);
    expect(rows.map((r) => r.cells.length)).toEqual([4, 4]);
  });

  it('colours each cell by its band and says it in a tooltip and a label', () => {
    const [region] = heatStripRows(fourWeeks, ['region']);
    expect(region?.cells).toEqual([
      {
        window: '2026-09-21',
        className: 'heat-cell band-moderate',
        title: '2026-09-21 · PSI 0.12 · moderate',
        label: 'region: 2026-09-21 · PSI 0.12 · moderate',
      },
      {
        window: '2026-09-28',
        className: 'heat-cell band-none',
        title: '2026-09-28 · no data',
        label: 'region: 2026-09-28 · no data',
      },
      {
        window: '2026-10-05',
        className: 'heat-cell band-stable',
        title: '2026-10-05 · PSI 0.01 · stable',
        label: 'region: 2026-10-05 · PSI 0.01 · stable',
      },
      {
        window: '2026-10-12',
        className: 'heat-cell band-none',
        title: '2026-10-12 · no data',
        label: 'region: 2026-10-12 · no data',
      },
    ]);
  });
});
