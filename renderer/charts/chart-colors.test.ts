import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bandColors, chartColors } from './chart-colors.ts';

const cssVariables = (file: string) =>
  new Map(
    [
      ...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(
        /(--[\w-]+):\s*(#[0-9a-f]{6})/gi,
      ),
    ].map((m) => [m[1], m[2]?.toLowerCase()]),
  );

describe('chart colours', () => {
  it('are the page colours they stand for', () => {
    const page = cssVariables('../styles.css');
    expect(chartColors.text).toBe(page.get('--text'));
    expect(chartColors.textMuted).toBe(page.get('--text-muted'));
    expect(chartColors.grid).toBe(page.get('--border'));
    expect(chartColors.surface).toBe(page.get('--surface'));
    expect(chartColors.current).toBe(page.get('--accent'));
    expect(chartColors.highlight).toBe(page.get('--danger'));
  });

  it("are the drift bands' colours, as the heat strip draws them", () => {
    const bands = cssVariables('../views/drift/charts/bands.css');
    for (const [band, color] of Object.entries(bandColors)) {
      expect(color, band).toBe(bands.get(`--band-${band}`));
    }
  });
});
