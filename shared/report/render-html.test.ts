import { describe, expect, it } from 'vitest';
import { markupProblems } from './markup-check.test-support.ts';
import { renderReportHtml } from './render-html.ts';
import { fullFindings, fullInvestigation, reportContext } from './report-fixtures.test-support.ts';
import { buildReport } from './report-model.ts';

const HOSTILE = '<script>alert(1)</script>';

function html(column = 'merchant name', context = reportContext()) {
  const { findings, summary } = fullFindings();
  return renderReportHtml(buildReport(fullInvestigation(column), findings, summary, context));
}

/** Every way a page could reach outside itself, or run code. */
const EXTERNAL = [
  /https?:/i,
  /\/\//,
  /\bsrc\s*=/i,
  /\bhref\s*=\s*(?!["']?#)/i,
  /url\s*\(/i,
  /@import/i,
  /<script/i,
  /<iframe|<object|<embed|<link/i,
  /\bon[a-z]+\s*=/i,
];

describe('renderReportHtml', () => {
  const page = html(HOSTILE);

  it('is one self-contained file: no external address, no script, only #anchors', () => {
    const leaks = ['<img src=x>', '<a href="https://x">', 'a{b:url(x)}', '@import "x"', '//cdn/x'];
    for (const leak of leaks) expect(EXTERNAL.some((p) => p.test(leak))).toBe(true);
    for (const pattern of EXTERNAL) expect(page).not.toMatch(pattern);
    const anchors = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(5);
    for (const a of anchors) expect(a).toMatch(/^#[a-z]+$/);
  });

  it("escapes a column named like a script tag, and values' markup and quotes", () => {
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;');
    expect(page).not.toContain('<b>&');
    expect(markupProblems(page, { html: true })).toEqual([]);
  });

  it('holds the charts as inline SVG without a namespace', () => {
    expect(page.match(/<svg /g)).toHaveLength(4);
    expect(page).not.toContain('xmlns');
  });

  it('reads printed: light page, print rules, a page break before each big section', () => {
    expect(page).toMatch(/@media print \{[^@]*section\.major \{ break-before: page; \}/);
    expect(page).toMatch(/<section id="drift" class="major">/);
    expect(page).toMatch(/<section id="summary">/);
    const backgrounds = [...page.matchAll(/background: (#[0-9a-f]{3,6})/gi)].map((m) => m[1]);
    for (const color of backgrounds) {
      const hex = (color ?? '').slice(1);
      const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
      const luminance = [0, 2, 4]
        .map((i) => parseInt(full.slice(i, i + 2), 16))
        .reduce((a, b) => a + b);
      expect(luminance / 3).toBeGreaterThan(230);
    }
  });

  it('states the summary first, then the checklist sections in order', () => {
    const ids = [...page.matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'summary',
      'timeline',
      'drift',
      'cohorts',
      'pinned',
      'calibration',
      'canary',
      'examples',
      'notes',
      'inputs',
    ]);
    expect(page).toContain('Failing: Recall fell from 80.0% to 60.0% since 2026-10-05.');
    expect(page).toContain('<span class="badge">critical</span>');
  });

  it('keeps the notes as text, and names every input with its hash', () => {
    expect(page).toContain(
      '<div class="notes">Checked with the payments team.\n# not a heading\n- not a list &lt;i&gt;x&lt;/i&gt;</div>',
    );
    expect(page).toContain('ab'.repeat(32));
    expect(page).toContain('data/production.csv');
  });

  it('says why a section was skipped', () => {
    const { findings, summary } = fullFindings();
    const page = renderReportHtml(
      buildReport(
        {
          ...fullInvestigation(),
          slices: null,
          skipped: [{ section: 'slices', reason: 'no label' }],
        },
        findings,
        summary,
        reportContext(),
      ),
    );
    expect(page).toContain('<p class="muted">Not shown: no label</p>');
  });
});
