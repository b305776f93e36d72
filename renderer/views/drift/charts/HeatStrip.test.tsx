import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HeatStrip } from './HeatStrip.tsx';
import { fourWeeks } from './test-windows.ts';

const rowsOf = (html: string) => html.match(/<div class="heat-strip-row[^"]*">.*?<\/div>/g) ?? [];

describe('HeatStrip', () => {
  it('draws a row per column with a titled, labelled cell per window', () => {
    const html = renderToStaticMarkup(
      <HeatStrip windows={fourWeeks} columns={['amount', 'region']} />,
    );
    expect(html).toContain('style="--windows:4"');
    const [amount, region] = rowsOf(html);
    expect(amount).toContain('<span class="heat-strip-name">amount</span>');
    expect(amount?.match(/class="heat-cell /g)).toHaveLength(4);
    expect(amount).toContain(
      '<span class="heat-cell band-significant" title="2026-10-05 · PSI 0.41 · significant" role="img" aria-label="amount: 2026-10-05 · PSI 0.41 · significant"></span>',
    );
    expect(region).toContain('class="heat-cell band-none" title="2026-09-28 · no data"');
  });

  it('names the first and last window under the cells', () => {
    const html = renderToStaticMarkup(<HeatStrip windows={fourWeeks} columns={['amount']} />);
    expect(html).toContain(
      '<div class="heat-strip-axis" aria-hidden="true"><span>2026-09-21</span><span>2026-10-12</span></div>',
    );
  });

  it('makes each name a toggle button when rows can be selected, and marks the selected row', () => {
    const html = renderToStaticMarkup(
      <HeatStrip
        windows={fourWeeks}
        columns={['amount', 'region']}
        selected="region"
        onSelect={() => undefined}
      />,
    );
    const [amount, region] = rowsOf(html);
    expect(amount).toContain(
      '<button type="button" class="heat-strip-name" aria-pressed="false">amount</button>',
    );
    expect(region).toMatch(/^<div class="heat-strip-row selected">/);
    expect(region).toContain('aria-pressed="true">region</button>');
  });

  it('says so when there are no windows', () => {
    expect(renderToStaticMarkup(<HeatStrip windows={[]} columns={['amount']} />)).toBe(
      '<p class="heat-strip-empty">No windows to show.</p>',
    );
  });
});
