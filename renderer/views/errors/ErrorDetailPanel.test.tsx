import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorDetailPanel } from './ErrorDetailPanel.tsx';
import { fraudDetail } from './test-fixtures.ts';

const render = (state: Parameters<typeof ErrorDetailPanel>[0]['state']) =>
  renderToStaticMarkup(
    <ErrorDetailPanel
      row={1000}
      state={state}
      against="reference"
      onFilter={() => undefined}
      onClose={() => undefined}
    />,
  );

describe('ErrorDetailPanel', () => {
  it('shows label against prediction, the sentences, then every feature with its place', () => {
    const html = render({ detail: fraudDetail(), ended: false, retry: () => undefined });
    expect(html).toContain('<dt>Label</dt><dd>1</dd>');
    expect(html).toContain('<dt>Predicted</dt><dd class="errors-predicted">0</dd>');
    expect(html).toContain('<dt>Confidence</dt><dd>0.9900</dd>');
    // A wrong binary row's error |y - score| is its confidence: said once.
    expect(html).not.toContain('<dt>Error</dt>');
    expect(html).toContain('<li>region = Mars: never seen in the reference</li>');
    // amount: above every value, red, the marker at the right end.
    expect(html).toMatch(/<tr class="feature-outside" data-feature="amount">/);
    expect(html).toContain('class="gauge-marker" style="left:100%"');
    expect(html).toContain('<span class="feature-words">above every value</span>');
    // region: a category never seen, red, with a filter to it.
    expect(html).toMatch(/<tr class="feature-outside" data-feature="region">/);
    expect(html).toContain('<span class="feature-words">never seen</span>');
    expect(html).toContain('aria-label="Filter to region = Mars"');
    // distance_km: the median, usual, no filter.
    expect(html).toMatch(/<tr class="feature-usual" data-feature="distance_km">/);
    expect(html).toContain('<span class="feature-words">50th percentile</span>');
    expect(html).not.toContain('Filter to distance_km');
  });

  it('gives a regression row its error instead of a confidence', () => {
    const regression = {
      ...fraudDetail(),
      label: 10,
      predicted: 13.5,
      confidence: null,
      error: 3.5,
    };
    const html = render({ detail: regression, ended: false, retry: () => undefined });
    expect(html).toContain('<dt>Error</dt><dd>3.5</dd>');
    expect(html).not.toContain('<dt>Confidence</dt>');
  });

  it('waits for the detail, and offers to run it again when it ended without one', () => {
    expect(render({ detail: undefined, ended: false, retry: () => undefined })).toContain(
      'Comparing its features with the reference…',
    );
    const html = render({ detail: undefined, ended: true, retry: () => undefined });
    expect(html).toContain('No detail for this row');
    expect(html).toContain('Run again');
  });
});
