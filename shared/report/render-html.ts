// The report as one self-contained HTML file: inline CSS and inline SVG charts, no script and no
// address outside the file (only #anchors). Every user string is escaped; a restrictive CSP
// stops anything that would slip through from running or loading.
import { escapeHtml } from './escape.ts';
import type { Block, DocumentSection, TableColumn } from './report-blocks.ts';
import { reportDocument } from './report-document.ts';
import type { ReportModel } from './report-model.ts';
import { REPORT_CSS } from './report-style.ts';

/** Sections that start a new printed page. */
const MAJOR = new Set(['drift', 'cohorts', 'calibration', 'canary', 'examples', 'inputs']);

const e = escapeHtml;

function tableHtml(block: Extract<Block, { kind: 'table' }>): string {
  const cls = (c: TableColumn | undefined) =>
    c?.numeric ? ' class="num"' : c?.code ? ' class="code"' : '';
  const head = block.columns.map((c) => `<th${cls(c)}>${e(c.title)}</th>`).join('');
  const rows = block.rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => `<td${cls(block.columns[i])}>${e(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p${block.muted ? ' class="muted"' : ''}>${e(block.text)}</p>`;
    case 'status':
      return `<p class="status status-${block.status}">${e(block.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${block.items.map((i) => `<dt>${e(i.term)}</dt><dd>${e(i.text)}</dd>`).join('')}</dl>`;
    case 'findings':
      return `<ol class="findings">\n${block.items
        .map(
          (f) =>
            `<li class="sev-${f.severity}"><span class="badge">${e(f.severity)}</span>` +
            `<strong>${e(f.title)}</strong>${f.since !== null ? ` <span class="muted">(since ${e(f.since)})</span>` : ''}` +
            `<br><span class="detail">${e(f.detail)}</span></li>`,
        )
        .join('\n')}\n</ol>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(block);
    case 'chart':
      // The chart builders escape their own text; the markup is trusted.
      return `<figure>${block.svg}</figure>`;
    case 'notes':
      return `<div class="notes">${e(block.text)}</div>`;
    case 'subheading':
      return `<h3>${e(block.text)}</h3>`;
  }
}

function sectionHtml(s: DocumentSection): string {
  const major = MAJOR.has(s.id) ? ' class="major"' : '';
  return `<section id="${e(s.id)}"${major}>\n<h2>${e(s.title)}</h2>\n${s.blocks.map(blockHtml).join('\n')}\n</section>`;
}

/** The report as a self-contained HTML document. */
export function renderReportHtml(model: ReportModel): string {
  const doc = reportDocument(model);
  const contents = doc.sections
    .map((s) => `<li><a href="#${e(s.id)}">${e(s.title)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Faultline">
<title>${e(doc.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${e(doc.title)}</h1>
<p class="byline">${e(doc.byline)}</p>
</header>
<nav class="contents"><ol>${contents}</ol></nav>
<main>
${doc.sections.map(sectionHtml).join('\n')}
</main>
</body>
</html>
`;
}
