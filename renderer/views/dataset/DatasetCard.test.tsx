import { stat } from 'node:fs/promises';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OpenDataset } from '../../store/datasets-slice.ts';
import { DatasetCard } from './DatasetCard.tsx';
import {
  asHtml,
  openCsvText,
  readSampleCsv,
  trainingCsv,
  withTrainingSample,
} from './test-fixtures.ts';

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const render = (dataset: OpenDataset) =>
  renderToStaticMarkup(<DatasetCard dataset={dataset} onClose={() => undefined} />);

const sample = withTrainingSample();

describe('DatasetCard', () => {
  it("describes the bundled training log from the file's own facts", async () => {
    const { header, rows } = await readSampleCsv(trainingCsv);
    const times = rows.map((r) => r[header.indexOf('event_time')] ?? '').sort();
    const first = times[0] ?? '';
    const last = times.at(-1) ?? '';
    const days = (Date.parse(`${last}Z`) - Date.parse(`${first}Z`)) / 86_400_000;
    const megabytes = Number(((await stat(trainingCsv)).size / 1e6).toPrecision(3));

    const html = render(sample.training());
    expect(html).toContain('data-testid="dataset-reference"');
    expect(html).toContain('data-drop-side="reference"');
    expect(html).toContain('<span class="side-badge">Reference</span>');
    expect(html).toContain('<h2 id="dataset-reference-title">training.csv</h2>');
    expect(html).toContain('<dt>Format</dt><dd>CSV</dd>');
    expect(html).toContain(`training.csv (${megabytes} MB)`);
    expect(html).toContain(`<dt>Rows</dt><dd>${grouped(rows.length)}</dd>`);
    expect(html).toContain(`<dt>Columns</dt><dd>${header.length}</dd>`);
    expect(html).toContain(
      `<dt>Time span</dt><dd>${first.slice(0, 16)} – ${last.slice(0, 16)} UTC (${Math.round(days * 10) / 10} days)</dd>`,
    );
    expect(html).toContain(
      `binary <small class="reason">${asHtml("label 'is_fraud' has two values")}`,
    );
    expect(html).toContain(
      `1 (negative: 0) <small class="reason">${asHtml("'1' / '0' read as 1 / 0")}</small>`,
    );
    expect(html).toContain('aria-label="Close the reference dataset, training.csv"');
    expect(html).not.toContain('class="warnings"');
  });

  it('lists load and validation warnings, each with its code and message', async () => {
    const lines = ['txn_id,amount,amount,outcome_flag,fraud_score'];
    for (let i = 0; i < 40; i++) {
      const amount = i % 3 === 0 ? '' : String(i * 1.5);
      lines.push(`t${i},${amount},${i},${i % 5 === 0 ? 1 : 0},${i === 7 ? 1.7 : (i % 10) / 10}`);
    }
    const planted = await openCsvText(
      sample.engine(),
      'planted.csv',
      `${lines.join('\n')}\n`,
      'current',
    );
    const html = render(planted);
    // 14 of the 40 amounts are blank (every third row).
    const expected = [
      ['duplicate_column_name', 'column name "amount" appears more than once'],
      ['high_null_rate', "'amount' is null in 35.0% of rows (14 of 40)"],
      ['score_out_of_range', "score 'fraud_score' has 1 value outside [0, 1]"],
      ['missing_label', 'no label column found'],
    ];
    for (const [code = '', message = ''] of expected) {
      const at = html.indexOf(`<li class="warning" data-code="${code}">`);
      expect(at, code).toBeGreaterThanOrEqual(0);
      const item = html.slice(at, html.indexOf('</li>', at));
      expect(item).toContain(`<span class="warning-code">${code}</span> `);
      expect(item).toContain(asHtml(message));
    }
    expect(html.match(/<li class="warning"/g)).toHaveLength(planted.schema.warnings.length);
    expect(html).toContain('<dt>Time span</dt><dd>no time column</dd>');
    expect(html).toContain('<dt>Task</dt><dd>unknown <small class="reason">no label column');
  });
});
