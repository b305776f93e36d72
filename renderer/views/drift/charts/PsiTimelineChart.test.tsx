import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { lastChart } from './plotly-chart-spy.tsx';
import { PsiTimelineChart } from './PsiTimelineChart.tsx';
import { psiTimelineFigure } from './psi-timeline-figure.ts';
import { fourWeeks } from './test-windows.ts';

vi.mock('../../../charts/PlotlyChart.tsx', () => import('./plotly-chart-spy.tsx'));

describe('PsiTimelineChart', () => {
  it("draws one column's PSI per window, with the since marker when given", () => {
    renderToStaticMarkup(
      <PsiTimelineChart windows={fourWeeks} column="amount" since="2026-10-05" />,
    );
    expect(lastChart().layout).toEqual(psiTimelineFigure(fourWeeks, 'amount', '2026-10-05').layout);
    const html = renderToStaticMarkup(<PsiTimelineChart windows={fourWeeks} column="amount" />);
    expect(html).toBe(`<p>${psiTimelineFigure(fourWeeks, 'amount', null).description}</p>`);
  });
});
