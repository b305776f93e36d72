import { describe, expect, it } from 'vitest';
import { horizontalLine, linesLayout, verticalLine } from './reference-lines.ts';

describe('reference lines', () => {
  it('draws a horizontal line across the plot, labelled in the right margin', () => {
    const { shape, annotation } = horizontalLine(0.2, 'significant', '#b42318');
    expect(shape).toMatchObject({ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 0.2, y1: 0.2 });
    expect(shape.line).toEqual({ color: '#b42318', width: 1, dash: 'dash' });
    expect(annotation).toMatchObject({ xref: 'paper', x: 1, xanchor: 'left', y: 0.2 });
    expect(annotation.text).toBe('significant');
  });

  it('draws a vertical line up the plot, labelled above it', () => {
    const { shape, annotation } = verticalLine('2026-10-05', 'since 2026-10-05', '#b42318');
    expect(shape).toMatchObject({
      yref: 'paper',
      x0: '2026-10-05',
      x1: '2026-10-05',
      y0: 0,
      y1: 1,
    });
    expect(annotation).toMatchObject({ yref: 'paper', x: '2026-10-05', y: 1, yanchor: 'bottom' });
  });

  it('puts shapes and labels in the layout in the same order', () => {
    const lines = [horizontalLine(0.1, 'a', '#000000'), verticalLine(3, 'b', '#000000')];
    const layout = linesLayout(lines);
    expect(layout.shapes?.map((s) => s.y0)).toEqual([0.1, 0]);
    expect(layout.annotations?.map((a) => a.text)).toEqual(['a', 'b']);
  });
});
