import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OpenDataset } from '../../store/datasets-slice.ts';
import { ColumnTable } from './ColumnTable.tsx';
import {
  asHtml,
  openSampleFile,
  productionCsv,
  readSampleCsv,
  rowOf,
  trainingCsv,
  withTrainingSample,
} from './test-fixtures.ts';

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const noop = () => undefined;

const sample = withTrainingSample();

const render = (dataset: OpenDataset) =>
  renderToStaticMarkup(<ColumnTable dataset={dataset} onRoleChange={noop} />);

describe('ColumnTable on the bundled training log', () => {
  it('has one row per column of the file, in file order', async () => {
    const { header } = await readSampleCsv(trainingCsv);
    const html = render(sample.training());
    expect(html).toContain('data-testid="columns-reference"');
    const names = [...html.matchAll(/<th scope="row" class="column-name">([^<]+)<\/th>/g)].map(
      (m) => m[1],
    );
    expect(names).toEqual(header);
  });

  it('shows the inferred label, score, time and id with their reasons, marked as key columns', () => {
    const html = render(sample.training());
    const expected: Record<string, [role: string, reason: string]> = {
      is_fraud: [
        'label',
        "'is_fraud' pairs with the prediction column 'predicted_fraud', 2 distinct values",
      ],
      fraud_score: ['score', "values in [0, 1], named 'fraud_score'"],
      event_time: ['time', "TIMESTAMP values, named 'event_time'"],
      transaction_id: ['id', "named 'transaction_id', a unique value in every row"],
    };
    for (const [column, [role, reason]] of Object.entries(expected)) {
      const row = rowOf(html, column);
      expect(row).toContain('class="column-row key-role"');
      expect(row).toContain(`aria-label="role of ${column}"`);
      expect(row).toContain(`<option value="${role}" title="`);
      expect(row).toMatch(new RegExp(`<option value="${role}"[^>]*selected=""`));
      expect(row).toContain(`<small class="reason">${asHtml(reason)}</small>`);
    }
  });

  it('offers every role in each menu and leaves features unmarked', () => {
    const row = rowOf(render(sample.training()), 'merchant_risk');
    expect(row).toContain('class="column-row"');
    expect(row).toMatch(/<option value="feature"[^>]*selected=""/);
    const options = [...row.matchAll(/<option value="([a-z]+)"/g)].map((m) => m[1]);
    expect(options.sort()).toEqual(
      ['feature', 'id', 'ignored', 'label', 'model', 'prediction', 'score', 'time'].sort(),
    );
  });

  it('writes the time range as UTC dates taken from the data', async () => {
    const { header, rows } = await readSampleCsv(trainingCsv);
    const times = rows.map((r) => r[header.indexOf('event_time')] ?? '').sort();
    const first = times[0]?.slice(0, 10);
    const last = times.at(-1)?.slice(0, 10);
    expect(rowOf(render(sample.training()), 'event_time')).toContain(
      `<td class="column-range">${first} – ${last}</td>`,
    );
  });

  it("draws a categorical column's most frequent values, counted as in the file", async () => {
    const { header, rows } = await readSampleCsv(trainingCsv);
    const counts = new Map<string, number>();
    for (const r of rows) {
      const region = r[header.indexOf('region')] ?? '';
      counts.set(region, (counts.get(region) ?? 0) + 1);
    }
    const [top, topCount] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const row = rowOf(render(sample.training()), 'region');
    expect(row).toContain(`<title>Most frequent values of region: ${top} (${grouped(topCount)})`);
    expect(row.match(/<rect /g)).toHaveLength(counts.size);
  });

  it("draws a numeric column's bins from its shape", () => {
    const row = rowOf(render(sample.training()), 'amount');
    const bins = sample.training().shapes.amount?.counts.length ?? 0;
    expect(bins).toBeGreaterThan(1);
    expect(row).toContain(`<title>Distribution of amount in ${bins} equal-width bins from `);
    expect(row.match(/<rect /g)).toHaveLength(bins);
  });

  it('counts nulls with their share of rows', async () => {
    const production = await openSampleFile(sample.engine(), productionCsv, 'current');
    const { header, rows } = await readSampleCsv(productionCsv);
    // The column the sample plants as "starts arriving empty": the one with the most blanks.
    const blanks = header.map((_, i) => rows.filter((r) => r[i] === '').length);
    const most = Math.max(...blanks);
    const column = header[blanks.indexOf(most)] ?? '';
    expect(most).toBeGreaterThan(0);
    const share = ((100 * most) / rows.length).toFixed(1);
    expect(rowOf(render(production), column)).toContain(
      `<td class="number">${grouped(most)} (${share}%)</td>`,
    );
    expect(rowOf(render(production), 'transaction_id')).toContain('<td class="number">0</td>');
  });

  it('makes the first row the tab stop and every other row reachable by arrow keys only', () => {
    const html = render(sample.training());
    expect(html.match(/<tr class="column-row[^"]*" data-role="[a-z]+" tabindex="0"/g)).toHaveLength(
      1,
    );
    expect(rowOf(html, sample.training().schema.columns[0]?.name ?? '')).toContain('tabindex="0"');
    expect(html.match(/tabindex="-1"/g)).toHaveLength(sample.training().schema.columns.length - 1);
  });
});
