import { describe, expect, it } from 'vitest';
import { columnPsiByWindow, windowPsiText } from './window-psi.ts';
import { fourWeeks } from './test-windows.ts';

describe('columnPsiByWindow', () => {
  it("reads a column's PSI in every window, null where it had too few values or none", () => {
    expect(columnPsiByWindow(fourWeeks, 'region')).toEqual([
      { window: '2026-09-21', psi: 0.12, band: 'moderate' },
      { window: '2026-09-28', psi: null, band: null },
      { window: '2026-10-05', psi: 0.01, band: 'stable' },
      { window: '2026-10-12', psi: null, band: null },
    ]);
  });
});

describe('windowPsiText', () => {
  it('reads window, PSI and band', () => {
    expect(windowPsiText({ window: '2026-10-05', psi: 0.41, band: 'significant' })).toBe(
      '2026-10-05 · PSI 0.41 · significant',
    );
    expect(windowPsiText({ window: '2026-10-12', psi: null, band: null })).toBe(
      '2026-10-12 · no data',
    );
  });
});
