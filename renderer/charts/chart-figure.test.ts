import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseLayout, chartFontFamily, chartHeight } from './chart-figure.ts';

describe('baseLayout', () => {
  it("writes in the page's font", () => {
    const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
    expect(css).toContain(`--font: ${chartFontFamily};`);
    expect(baseLayout().font?.family).toBe(chartFontFamily);
  });

  it('fixes the height, leaves the width to the container and the axes still', () => {
    const layout = baseLayout();
    expect(layout.height).toBe(chartHeight);
    expect(layout.width).toBeUndefined();
    expect(layout.xaxis?.fixedrange).toBe(true);
    expect(layout.yaxis?.fixedrange).toBe(true);
  });
});
