import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { parseWhere } from '../../sql/parse-where.ts';
import { loadCsvText } from '../../../test-support/csv-table.ts';
import type { ErrorsPage } from './errors-result.ts';
import { errorsSpecFromSchemas, type ErrorsSpecOptions } from './errors-spec.ts';
import { runErrorsPage } from './run-errors-page.ts';

// Hostile names: quotes and unicode, a keyword, and names equal to the queries' own aliases.
const AMOUNT = 'my "odd" ü';
const csvName = (name: string) => `"${name.replaceAll('"', '""')}"`;

// 11 rows, dyadic scores (exact in binary). At t = 0.5 the wrong rows and the confidence of what
// they predict: r1 0.75, r2 0.875, r3 0.625, r4 0.75, r7 0.5, r8 0.5625; r9 (no score) and r10
// (no label) are not judged. "select" is 'a' on even rows. The logged prediction disagrees with
// the threshold on r1, r3, r5, r7.
const ROWS: [label: string, score: string, amount: string, prediction: string][] = [
  ['1', '0.875', '5', '1'],
  ['0', '0.75', '3', '0'],
  ['1', '0.125', '8', '0'],
  ['0', '0.625', '1', '1'],
  ['1', '0.25', '9', '0'],
  ['0', '0.375', '2', '1'],
  ['1', '0.5', '7', '0'],
  ['0', '0.5', '', '0'],
  ['1', '0.4375', '6', '0'],
  ['0', '', '0', '0'],
  ['', '0.9375', '11', '1'],
];

function binaryCsv(withPrediction: boolean): string {
  const header = ['id', 'label', 'score', csvName(AMOUNT), 'select', 'k', 'f_row'];
  if (withPrediction) header.push('prediction');
  const lines = ROWS.map(([label, score, amount, prediction], i) => {
    const cells = [`t${i}`, label, score, amount, i % 2 === 0 ? 'a' : 'b', `k${i % 3}`, String(-i)];
    if (withPrediction) cells.push(prediction);
    return cells.join(',');
  });
  return [header.join(','), ...lines].join('\n') + '\n';
}

let engine: Engine;
let scored: DatasetSchema;
let logged: DatasetSchema;

beforeAll(async () => {
  engine = await createNodeEngine();
  scored = await loadCsvText(engine, binaryCsv(false), 'scored', { task: 'binary' });
  logged = await loadCsvText(engine, binaryCsv(true), 'logged', { task: 'binary' });
});
afterAll(async () => {
  await engine.close();
});

const page = (
  schema: DatasetSchema,
  options: ErrorsSpecOptions = {},
  offset = 0,
  limit = 100,
): Promise<ErrorsPage> =>
  runErrorsPage(engine, errorsSpecFromSchemas(schema, null, options), { offset, limit });

const rowsOf = (p: ErrorsPage) => p.rows.map((r) => r.row);

describe('runErrorsPage: binary, score against the threshold', () => {
  it('reads the roles the hostile names leave', () => {
    const roles = Object.fromEntries(scored.columns.map((c) => [c.name, c.role]));
    expect(roles).toEqual({
      id: 'id',
      label: 'label',
      score: 'score',
      [AMOUNT]: 'feature',
      select: 'feature',
      k: 'feature',
      f_row: 'feature',
    });
  });

  it('puts confident errors first, ties by row; unjudged rows are neither wrong nor dropped', async () => {
    const p = await page(scored);
    expect(p.task).toBe('binary');
    expect(p.total).toBe(6);
    expect(p.rows_in_scope).toBe(11);
    expect(rowsOf(p)).toEqual([2, 1, 4, 3, 8, 7]);
    expect(p.rows.map((r) => r.confidence)).toEqual([0.875, 0.75, 0.75, 0.625, 0.5625, 0.5]);
  });

  it("gives each row's label, the prediction the threshold makes, |y - p| and the values", async () => {
    const [first] = (await page(scored)).rows;
    expect(first).toEqual({
      row: 2,
      label: 1,
      predicted: 0,
      confidence: 0.875,
      error: 0.875,
      values: {
        id: 't2',
        label: 1,
        score: 0.125,
        [AMOUNT]: 8,
        select: 'a',
        k: 'k2',
        f_row: -2,
      },
    });
  });

  it('lists the columns in display order: id, label, score, then the features', async () => {
    const p = await page(scored);
    expect(p.columns).toEqual([
      { name: 'id', kind: 'categorical', role: 'id' },
      { name: 'label', kind: 'categorical', role: 'label' },
      { name: 'score', kind: 'categorical', role: 'score' },
      { name: AMOUNT, kind: 'categorical', role: 'feature' },
      { name: 'select', kind: 'categorical', role: 'feature' },
      { name: 'k', kind: 'categorical', role: 'feature' },
      { name: 'f_row', kind: 'categorical', role: 'feature' },
    ]);
  });

  it('pages: each page a slice of the order, past the end no rows and the same total', async () => {
    expect(rowsOf(await page(scored, {}, 2, 2))).toEqual([4, 3]);
    expect(rowsOf(await page(scored, {}, 5, 10))).toEqual([7]);
    for (const offset of [6, 100]) {
      const p = await page(scored, {}, offset, 5);
      expect(p.rows).toEqual([]);
      expect(p.total).toBe(6);
      expect(p.rows_in_scope).toBe(11);
      expect(p.offset).toBe(offset);
    }
  });

  it('a threshold changes which rows are wrong', async () => {
    // t = 0.75: r3 (0.625) and r7 (0.5) become right, r6 (0.5, label 1) wrong.
    const p = await page(scored, { threshold: 0.75 });
    expect(p.total).toBe(5);
    expect(rowsOf(p)).toEqual([2, 1, 4, 8, 6]);
    expect(p.rows.map((r) => r.predicted)).toEqual([0, 1, 0, 0, 0]);
  });

  it('the cohort filter (a keyword column) cuts the count and the rows in scope', async () => {
    const p = await page(scored, { where: parseWhere(`"select" = 'a'`) });
    expect(p.rows_in_scope).toBe(6);
    expect(p.total).toBe(3);
    expect(rowsOf(p)).toEqual([2, 4, 8]);
    // Columns named like the queries' aliases filter as themselves.
    const q = await page(scored, { where: parseWhere(`k = 'k1' AND f_row > -9`) });
    expect(rowsOf(q)).toEqual([1, 4, 7]);
  });

  it('sorts by an oddly named column either way, nulls last, ties by row', async () => {
    const asc = await page(scored, { sort: { by: AMOUNT, direction: 'asc' } });
    expect(rowsOf(asc)).toEqual([3, 1, 8, 2, 4, 7]);
    const desc = await page(scored, { sort: { by: AMOUNT, direction: 'desc' } });
    expect(rowsOf(desc)).toEqual([4, 2, 8, 1, 3, 7]);
    const keyword = await page(scored, { sort: { by: 'select', direction: 'asc' } });
    expect(rowsOf(keyword)).toEqual([2, 4, 8, 1, 3, 7]);
    const alias = await page(scored, { sort: { by: 'f_row', direction: 'asc' } });
    expect(rowsOf(alias)).toEqual([8, 7, 4, 3, 2, 1]);
  });

  it('sorts by the score role, and by confidence ascending', async () => {
    const byScore = await page(scored, { sort: { by: 'score', direction: 'asc' } });
    expect(byScore.rows.map((r) => r.values.score)).toEqual([
      0.125, 0.25, 0.4375, 0.5, 0.625, 0.75,
    ]);
    const unsure = await page(scored, { sort: { by: 'confidence', direction: 'asc' } });
    expect(rowsOf(unsure)).toEqual([7, 8, 3, 1, 4, 2]);
  });

  it('shows only the columns asked for, in their order', async () => {
    const p = await page(scored, { columns: ['select', 'id'] });
    expect(p.columns.map((c) => c.name)).toEqual(['select', 'id']);
    expect(p.rows[0]?.values).toEqual({ select: 'a', id: 't2' });
  });
});

describe('runErrorsPage: binary with a logged prediction column', () => {
  it('judges the logged prediction; confidence is the probability of what it predicts', async () => {
    const p = await page(logged);
    // Wrong: r2 (pred 0), r3 (1), r4 (0), r5 (1), r6 (0), r8 (0); r9 has no score.
    expect(p.total).toBe(6);
    expect(p.rows_in_scope).toBe(11);
    expect(rowsOf(p)).toEqual([2, 4, 3, 8, 6, 5]);
    expect(p.rows.map((r) => r.confidence)).toEqual([0.875, 0.75, 0.625, 0.5625, 0.5, 0.375]);
    expect(p.rows.map((r) => r.predicted)).toEqual([0, 0, 1, 0, 0, 1]);
    expect(p.columns.map((c) => c.role).slice(0, 4)).toEqual([
      'id',
      'label',
      'prediction',
      'score',
    ]);
  });

  it('an explicit threshold overrides it, as in performance', async () => {
    const p = await page(logged, { threshold: 0.5 });
    expect(rowsOf(p)).toEqual([2, 1, 4, 3, 8, 7]);
    expect(p.columns.some((c) => c.role === 'prediction')).toBe(false);
  });
});

describe('runErrorsPage: bad requests fail clearly', () => {
  it('refuses offsets and limits out of range', async () => {
    const spec = errorsSpecFromSchemas(scored, null, {});
    for (const [offset, limit] of [
      [-1, 10],
      [1.5, 10],
      [0, 0],
      [0, 10_001],
      [0, Number.NaN],
    ] as const) {
      await expect(runErrorsPage(engine, spec, { offset, limit })).rejects.toMatchObject({
        code: 'bad_argument',
        message: expect.stringMatching(/errors: page (offset|limit)/) as unknown,
      });
    }
    await expect(runErrorsPage(engine, spec, { offset: 0, limit: 10_000 })).resolves.toBeDefined();
  });

  it('a sort column the log lacks is named', () => {
    expect(() =>
      errorsSpecFromSchemas(scored, null, { sort: { by: 'amount ', direction: 'asc' } }),
    ).toThrow(expect.objectContaining({ code: 'unknown_column', column: 'amount ' }));
    expect(() =>
      errorsSpecFromSchemas(scored, null, { sort: { by: 'nope', direction: 'asc' } }),
    ).toThrow('errors: sort: no column named "nope" in the log');
    expect(() =>
      errorsSpecFromSchemas(scored, null, { sort: { by: 'time', direction: 'asc' } }),
    ).toThrow('errors: sort by time: the log has no time column');
  });
});
