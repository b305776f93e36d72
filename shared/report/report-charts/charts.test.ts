import { describe, expect, it } from 'vitest';
import { markupProblems } from '../markup-check.test-support.ts';
import { fullFindings, fullInvestigation, reportContext } from '../report-fixtures.test-support.ts';
import { buildReport, type ReportSection } from '../report-model.ts';
import { canaryChart } from './canary-chart.ts';
import { psiChart } from './psi-chart.ts';
import { reliabilityChart } from './reliability-chart.ts';
import { standaloneSvg, ticks } from './svg.ts';
import { timelineChart } from './timeline-chart.ts';

const HOSTILE = '<script>alert(1)</script>';
const { findings, summary } = fullFindings();
const model = buildReport(fullInvestigation(HOSTILE), findings, summary, reportContext());

function shown<T>(section: ReportSection<T> | null): T {
  if (section === null || !section.shown) throw new Error('the section was not shown');
  return section;
}

const circles = (svg: string) => [
  ...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*fill="([^"]+)"/g),
];

describe('timelineChart', () => {
  const timeline = shown(model.timeline);
  const svg = timelineChart(timeline) ?? '';

  it('draws a point per window, red where the metric is worse than the reference', () => {
    const points = circles(svg);
    expect(points.map((p) => p[3])).toEqual(['#1f5fa8', '#1f5fa8', '#b3261e', '#b3261e']);
    // Later windows further right; a lower recall lower down (SVG y grows downwards).
    const xs = points.map((p) => Number(p[1]));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const ys = points.map((p) => Number(p[2]));
    expect(ys[3]).toBeGreaterThan(ys[0] ?? Infinity);
  });

  it("marks the reference's value, the onset, and the findings' onsets by number", () => {
    expect(svg).toContain('reference 80.0%');
    expect(svg).toContain('onset 2026-10-05');
    // Findings 1 and 2 start on 2026-10-05, finding 3 on 2026-09-28.
    expect(svg).toMatch(/>1, 2<\/text>/);
    expect(svg).toMatch(/>3<\/text>/);
    expect(markupProblems(svg, { html: false })).toEqual([]);
  });

  it('draws nothing without a value', () => {
    const empty = { ...timeline, windows: timeline.windows.map((w) => ({ ...w, value: null })) };
    expect(timelineChart(empty)).toBeNull();
  });
});

describe('psiChart', () => {
  const svg = psiChart(shown(model.drift).columns) ?? '';

  it('draws a bar per column, longest for the largest PSI, with both band lines', () => {
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(4);
    expect(Math.max(...widths)).toBe(widths[0]);
    expect(svg).toContain('>0.1 moderate<');
    expect(svg).toContain('>0.2 significant<');
  });

  it('escapes column names', () => {
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toContain('<script');
    expect(markupProblems(svg, { html: false })).toEqual([]);
  });

  it('draws nothing without a PSI', () => {
    expect(psiChart([{ name: 'a', psi: null, band: null }])).toBeNull();
  });
});

describe('reliabilityChart and canaryChart', () => {
  it("draws the current bins with intervals beside the reference's", () => {
    const svg = reliabilityChart(shown(model.calibration)) ?? '';
    const points = circles(svg);
    // Three bins a side, and each side's legend mark.
    expect(points.filter((p) => p[3] === '#1f5fa8')).toHaveLength(4);
    expect(points.filter((p) => p[3] === 'white')).toHaveLength(4);
    expect(markupProblems(svg, { html: false })).toEqual([]);
  });

  it("draws each failing check's relative change inside its interval, tolerance ticked", () => {
    const svg = canaryChart(shown(model.canary).checks) ?? '';
    expect(svg).toContain('card_type = prepaid: recall');
    const [dot] = circles(svg);
    const whisker = /<line x1="([\d.]+)" x2="([\d.]+)" y1="([\d.]+)" y2="\3" stroke="#b3261e"/.exec(
      svg,
    );
    expect(Number(dot?.[1])).toBeGreaterThan(Number(whisker?.[1]));
    expect(Number(dot?.[1])).toBeLessThan(Number(whisker?.[2]));
    expect(canaryChart([])).toBeNull();
  });
});

describe('svg helpers', () => {
  it('picks round ticks, with an exact 0', () => {
    expect(ticks(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticks(-0.7, 0.3, 5)).toEqual([-0.6, -0.4, -0.2, 0, 0.2]);
  });

  it('gives a standalone file the SVG namespace', () => {
    expect(standaloneSvg('<svg viewBox="0 0 1 1"></svg>')).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>\n',
    );
  });
});
