import { describe, expect, it } from 'vitest';
import { buildReport } from '../../shared/report/report-model.ts';
import {
  fullFindings,
  fullInvestigation,
  reportContext,
} from '../../shared/report/report-fixtures.test-support.ts';
import { fileStem, reportFiles } from './report-export.ts';

const { findings, summary } = fullFindings();
const model = buildReport(
  fullInvestigation(),
  findings,
  summary,
  reportContext({ title: 'Postmortem: production.parquet' }),
);

describe('report files', () => {
  it('names files after the title', () => {
    expect(fileStem('Postmortem: production.parquet')).toBe('postmortem-production-parquet');
    expect(fileStem('¿¿')).toBe('report');
  });

  it('writes HTML as one file, and PDF from that same HTML', () => {
    const html = reportFiles(model, 'html');
    const pdf = reportFiles(model, 'pdf');
    expect(html.kind).toBe('report-html');
    expect(html.files.map((f) => f.name)).toEqual(['postmortem-production-parquet.html']);
    expect(pdf.kind).toBe('report-pdf');
    expect(pdf.suggestedName).toBe('postmortem-production-parquet.pdf');
    expect(pdf.files[0]?.data).toBe(html.files[0]?.data);
  });

  it('writes Markdown with its charts in a folder beside it, linked relatively', () => {
    const md = reportFiles(model, 'md');
    const [doc, ...assets] = md.files;
    expect(doc?.name).toBe('postmortem-production-parquet.md');
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      expect(a.name.startsWith('postmortem-production-parquet-files/')).toBe(true);
      expect(doc?.data).toContain(`](${a.name})`);
    }
  });

  it('writes JSON that parses back to the model', () => {
    const json = reportFiles(model, 'json');
    expect(JSON.parse(json.files[0]?.data as string)).toEqual(JSON.parse(JSON.stringify(model)));
  });
});
