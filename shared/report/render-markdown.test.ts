import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Investigation } from '../investigation/investigation.ts';
import { escapeMarkdown, markdownLines } from './escape.ts';
import { markupProblems } from './markup-check.test-support.ts';
import { renderReportMarkdown } from './render-markdown.ts';
import { fullFindings, fullInvestigation, reportContext } from './report-fixtures.test-support.ts';
import { buildReport } from './report-model.ts';

const HOSTILE = '<script>alert(1)</script>';

function render(inv: Investigation = fullInvestigation(HOSTILE), assetsDir = 'report-files') {
  const { findings, summary } = fullFindings();
  const out = renderReportMarkdown(buildReport(inv, findings, summary, reportContext()), {
    assetsDir,
  });
  return { ...out, html: marked.parse(out.markdown, { async: false }) };
}

/** Each table's rows as cell texts (marked's HTML, tags stripped, entities kept). */
function tables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1] ?? ''),
    ),
  );
}

describe('renderReportMarkdown', () => {
  const { markdown, assets, html } = render();

  it('renders as GitHub-flavoured Markdown: a title, one heading per section, tables', () => {
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect([...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual([
      'Summary',
      'Timeline',
      'Drifted inputs that matter',
      'Worst cohorts and slices',
      'Pinned slices and cohorts',
      'Calibration',
      'Canary verdict',
      'Rows that illustrate it',
      'Analyst&#39;s notes',
      'Inputs and parameters',
    ]);
    // overall, windows, onsets, drift, cohorts, slices, pinned, bins, canary, rows, inputs, parameters
    expect(tables(html)).toHaveLength(12);
  });

  it('keeps every table row whole: a | or a newline in a value stays in its cell', () => {
    for (const table of tables(html)) {
      const width = table[0]?.length;
      for (const row of table) expect(row).toHaveLength(width ?? 0);
    }
    const rows = tables(html).find((t) => t[0]?.[0] === 'transaction_id' || t[0]?.[0] === 'id');
    expect(rows?.map((r) => r.at(-1))).toEqual([
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      '&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;',
      'a|b c',
    ]);
  });

  it('shows hostile names as text: no script or other markup gets through', () => {
    expect(html).not.toMatch(/<script|<b>|<i>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markupProblems(html, { html: true })).toEqual([]);
  });

  it('links each chart relatively, and every linked chart is an asset', () => {
    const images = [...html.matchAll(/<img src="([^"]*)"/g)].map((m) => m[1]);
    expect(images).toEqual(assets.map((a) => `report-files/${a.name}`));
    expect(assets.map((a) => a.name)).toEqual([
      'timeline.svg',
      'psi.svg',
      'reliability.svg',
      'canary.svg',
    ]);
  });

  it('writes each chart as standalone SVG: the namespace on its root, well formed', () => {
    for (const { data } of assets) {
      expect(data.startsWith('<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(true);
      expect(data.trimEnd().endsWith('</svg>')).toBe(true);
      expect(markupProblems(data, { html: false })).toEqual([]);
    }
  });

  it('renders the fixture as its golden file', async () => {
    await expect(markdown).toMatchFileSnapshot('./__golden__/report.md');
  });

  it("keeps the analyst's notes literal, line by line", () => {
    expect(html).toContain(
      '<p>Checked with the payments team.<br># not a heading<br>- not a list &lt;i&gt;x&lt;/i&gt;</p>',
    );
    expect(markdown).not.toMatch(/^#+ not a heading/m);
  });

  it('encodes an assets folder name for the link', () => {
    const { html } = render(fullInvestigation(), 'my report-files');
    expect(html).toContain('<img src="my%20report-files/timeline.svg"');
  });

  it('leaves out a chart with nothing to draw, and says why the section is empty', () => {
    const inv = { ...fullInvestigation(), canary: null, calibration: null };
    inv.skipped = [{ section: 'calibration', reason: 'no score column' }];
    const out = render(inv);
    expect(out.assets.map((a) => a.name)).toEqual(['timeline.svg', 'psi.svg']);
    expect(out.html).toContain('<em>Not shown: no score column</em>');
  });
});

describe('Markdown escaping', () => {
  const rendered = (text: string) => marked.parseInline(escapeMarkdown(text), { async: false });

  it('shows Markdown punctuation as itself', () => {
    for (const text of ['*a* _b_ `c` [d](e) ~~f~~', 'snake_case_name', '1. x', '# h', '- item']) {
      expect(rendered(text)).toBe(text.replace(/&/g, '&amp;'));
    }
    expect(escapeMarkdown('snake_case_name')).toBe('snake_case_name');
  });

  it('keeps a numbered or bulleted line of notes from becoming a list', () => {
    const html = marked.parse(markdownLines('1. first\n  - second\n====='), { async: false });
    expect(html).not.toMatch(/<ol|<ul|<h1/);
  });
});
