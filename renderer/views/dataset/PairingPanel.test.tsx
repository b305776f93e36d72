import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { pairDatasets } from '../../../shared/schema/pair.ts';
import type { OpenDataset } from '../../store/datasets-slice.ts';
import { PairingPanel } from './PairingPanel.tsx';
import {
  asHtml,
  openCsvText,
  openSampleFile,
  productionCsv,
  readSampleCsv,
  trainingCsv,
  withTrainingSample,
} from './test-fixtures.ts';

const sample = withTrainingSample();

const render = (reference: OpenDataset, current: OpenDataset) =>
  renderToStaticMarkup(<PairingPanel pairing={pairDatasets(reference.schema, current.schema)} />);

/** The names listed under one of the panel's headings. */
function listed(html: string, title: string): string[] | 'none' {
  const at = html.indexOf(`<h3>${title} `);
  const block = html.slice(at, html.indexOf('</div>', at));
  if (block.includes('<p class="muted">none</p>')) return 'none';
  return [...block.matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1] ?? '');
}

describe('PairingPanel', () => {
  it('matches every column of the bundled training and production logs', async () => {
    const production = await openSampleFile(sample.engine(), productionCsv, 'current');
    const reference = (await readSampleCsv(trainingCsv)).header;
    const current = (await readSampleCsv(productionCsv)).header;
    const shared = reference.filter((name) => current.includes(name));
    expect(shared).toHaveLength(22);

    const html = render(sample.training(), production);
    expect(html).toContain('data-testid="pairing"');
    expect(html).toContain(`<strong>${shared.length}</strong> columns match by name and type`);
    expect(listed(html, 'Only in reference')).toBe('none');
    expect(listed(html, 'Only in current')).toBe('none');
    expect(html).not.toContain('Type mismatches');
    expect(html).not.toContain('Role mismatches');
  });

  it('warns when the two sides read a column differently', async () => {
    const production = await openSampleFile(
      sample.engine(),
      productionCsv,
      'current',
      {},
      {
        roles: { predicted_fraud: 'label' },
      },
    );
    const html = render(sample.training(), production);
    expect(html).toContain('aria-label="Role mismatches"');
    expect(html).toContain(
      asHtml("'is_fraud' is label in the reference but feature in the current data"),
    );
    expect(html).toContain(
      asHtml("'predicted_fraud' is prediction in the reference but label in the current data"),
    );
  });

  it('lists one-sided columns and explains a column whose type changed', async () => {
    const lines = ['transaction_id,amount,new_signal'];
    for (let i = 0; i < 30; i++) lines.push(`tx_${i},${i % 4 === 0 ? 'n/a' : i * 2.5},${i % 3}`);
    const current = await openCsvText(
      sample.engine(),
      'current.csv',
      `${lines.join('\n')}\n`,
      'current',
    );
    const { header } = await readSampleCsv(trainingCsv);

    const html = render(sample.training(), current);
    expect(html).toContain('<strong>1</strong> column matches by name and type; 1 differs in type');
    expect(listed(html, 'Only in reference')).toEqual(
      header.filter((name) => name !== 'transaction_id' && name !== 'amount'),
    );
    expect(listed(html, 'Only in current')).toEqual(['new_signal']);
    expect(html).toContain('aria-label="Type mismatches"');
    expect(html).toContain('DOUBLE → VARCHAR');
    expect(html).toContain(
      asHtml("'amount' is DOUBLE in the reference but VARCHAR in the current data"),
    );
  });
});
