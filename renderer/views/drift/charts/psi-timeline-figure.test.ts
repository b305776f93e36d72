import { describe, expect, it } from 'vitest';
import { psiBand } from '../../../../shared/stats/psi.ts';
import { bandColors } from '../../../charts/chart-colors.ts';
import { bandThresholds, psiTimelineFigure } from './psi-timeline-figure.ts';
import { fourWeeks } from './test-windows.ts';

describe('bandThresholds', () => {
  it('are where psiBand changes band', () => {
    for (const { psi, band } of bandThresholds) {
      expect(psiBand(psi)).toBe(band);
      expect(psiBand(psi - 1e-9)).not.toBe(band);
    }
  });
});

describe('psiTimelineFigure', () => {
  it("draws a column's PSI per window as a line with markers coloured by band", () => {
    const [line] = psiTimelineFigure(fourWeeks, 'amount', null).data;
    expect(line).toMatchObject({
      type: 'scatter',
      mode: 'lines+markers',
      x: ['2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'],
      y: [0.003, 0.15, 0.41, 8.283],
    });
    expect(line?.marker?.color).toEqual([
      bandColors.stable,
      bandColors.moderate,
      bandColors.significant,
      bandColors.significant,
    ]);
    expect(line?.hovertext?.[2]).toBe('2026-10-05 · PSI 0.41 · significant');
  });

  it('leaves a gap where a window has no PSI', () => {
    const [line] = psiTimelineFigure(fourWeeks, 'region', null).data;
    expect(line?.y).toEqual([0.12, null, 0.01, null]);
    expect(line?.connectgaps).toBe(false);
    expect(line?.marker?.color).toEqual([
      bandColors.moderate,
      bandColors.none,
      bandColors.stable,
      bandColors.none,
    ]);
  });

  it('draws the thresholds as dashed lines named by the band they start', () => {
    const { layout } = psiTimelineFigure(fourWeeks, 'region', null);
    expect(layout.shapes?.map((s) => [s.y0, s.y1, s.line?.dash, s.line?.color])).toEqual([
      [0.1, 0.1, 'dash', bandColors.moderate],
      [0.2, 0.2, 'dash', bandColors.significant],
    ]);
    expect(layout.annotations?.map((a) => [a.y, a.text])).toEqual([
      [0.1, 'moderate'],
      [0.2, 'significant'],
    ]);
    // Both thresholds stay in view however small the PSI.
    expect(layout.yaxis?.range).toEqual([0, 0.25]);
  });

  it('marks the window from which the column stayed significant', () => {
    const { layout } = psiTimelineFigure(fourWeeks, 'amount', '2026-10-05');
    const since = layout.shapes?.[2];
    expect(since).toMatchObject({
      type: 'line',
      yref: 'paper',
      x0: '2026-10-05',
      x1: '2026-10-05',
    });
    expect(layout.annotations?.[2]?.text).toBe('since 2026-10-05');
    expect(layout.yaxis?.range?.[1]).toBeCloseTo(8.283 * 1.1, 9);
  });

  it('says the highest PSI, since when, and the windows without data', () => {
    expect(psiTimelineFigure(fourWeeks, 'amount', '2026-10-05').description).toBe(
      'PSI of amount per window from 2026-09-21 to 2026-10-12. Highest: 8.283 (significant) in 2026-10-12. Significant since 2026-10-05.',
    );
    expect(psiTimelineFigure(fourWeeks, 'region', null).description).toBe(
      'PSI of region per window from 2026-09-21 to 2026-10-12. Highest: 0.12 (moderate) in 2026-09-21. 2 of 4 windows have no data.',
    );
    expect(psiTimelineFigure([], 'amount', null).description).toBe('PSI of amount: no windows.');
  });
});
