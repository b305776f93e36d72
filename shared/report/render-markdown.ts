// The report as GitHub-flavoured Markdown, with its charts as .svg files in a folder beside it
// (`report-files/timeline.svg`, referenced relatively). Every user string is escaped: Markdown
// punctuation, pipes in table cells, and markup (shown as text, never run).
import { escapeMarkdown, markdownCell, markdownLines } from './escape.ts';
import { standaloneSvg } from './report-charts/svg.ts';
import type { Block } from './report-blocks.ts';
import { reportDocument } from './report-document.ts';
import type { ReportModel } from './report-model.ts';

export interface MarkdownReport {
  markdown: string;
  /** The chart files, named inside `assetsDir`. */
  assets: { name: string; data: string }[];
}

const m = escapeMarkdown;

function tableMarkdown(block: Extract<Block, { kind: 'table' }>): string {
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `| ${block.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`;
  return [line(block.columns.map((c) => c.title)), rule, ...block.rows.map(line)].join('\n');
}

/** A folder name as a relative link: each segment percent-encoded, `/` kept. */
const linkPath = (dir: string, name: string): string =>
  [...dir.split(/[\\/]/).filter((s) => s !== ''), name].map(encodeURIComponent).join('/');

function blockMarkdown(block: Block, assetsDir: string, assets: MarkdownReport['assets']): string {
  switch (block.kind) {
    case 'paragraph':
      return block.muted ? `*${m(block.text)}*` : m(block.text);
    case 'status':
      return `> **${m(block.text)}**`;
    case 'facts':
      return block.items.map((i) => `- **${m(i.term)}:** ${m(i.text)}`).join('\n');
    case 'findings':
      return block.items
        .map(
          (f, i) =>
            `${i + 1}. **${m(f.severity.toUpperCase())}**: ${m(f.title)}` +
            `${f.since !== null ? ` *(since ${m(f.since)})*` : ''}  \n   ${m(f.detail)}`,
        )
        .join('\n');
    case 'list':
      return block.items.map((i) => `- ${m(i)}`).join('\n');
    case 'table':
      return tableMarkdown(block);
    case 'chart': {
      const name = `${block.name}.svg`;
      assets.push({ name, data: standaloneSvg(block.svg) });
      return `![${m(block.alt)}](${linkPath(assetsDir, name)})`;
    }
    case 'notes':
      return markdownLines(block.text);
    case 'subheading':
      return `### ${m(block.text)}`;
  }
}

/** The report as Markdown, and its chart files to write into `assetsDir` beside it. */
export function renderReportMarkdown(
  model: ReportModel,
  opts: { assetsDir: string },
): MarkdownReport {
  const doc = reportDocument(model);
  const assets: MarkdownReport['assets'] = [];
  const parts = [`# ${m(doc.title)}`, `*${m(doc.byline)}*`];
  for (const s of doc.sections) {
    parts.push(`## ${m(s.title)}`);
    for (const b of s.blocks) parts.push(blockMarkdown(b, opts.assetsDir, assets));
  }
  return { markdown: `${parts.join('\n\n')}\n`, assets };
}
