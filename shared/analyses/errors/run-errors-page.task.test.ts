import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { loadCsvText } from '../../../test-support/csv-table.ts';
import type { ErrorsPage } from './errors-result.ts';
import { errorsSpecFromSchemas, type ErrorsSpecOptions } from './errors-spec.ts';
import { runErrorsPage } from './run-errors-page.ts';

// Wrong: r1 (0.7), r2 (0.95), r4 (0.7), r6 (no score); r5 has no prediction.
const MULTICLASS = `id,label,prediction,score,colour
m0,cat,cat,0.9,red
m1,cat,dog,0.7,blue
m2,dog,bird,0.95,red
m3,bird,bird,0.6,blue
m4,dog,cat,0.7,red
m5,bird,,0.8,blue
m6,bird,dog,,red
`;

// Absolute errors: r0 2, r1 0, r2 7, r3 unknown (no prediction), r4 2, r5 0.5.
const REGRESSION = `id,target,prediction,region
g0,10,12,EU
g1,5,5,EU
g2,3,10,NA
g3,8,,NA
g4,1,-1,EU
g5,100,99.5,NA
`;

let engine: Engine;
let multiclass: DatasetSchema;
let regression: DatasetSchema;

beforeAll(async () => {
  engine = await createNodeEngine();
  multiclass = await loadCsvText(engine, MULTICLASS, 'mc', { task: 'multiclass' });
  regression = await loadCsvText(engine, REGRESSION, 'rg', { task: 'regression' });
});
afterAll(async () => {
  await engine.close();
});

const page = (schema: DatasetSchema, options: ErrorsSpecOptions = {}): Promise<ErrorsPage> =>
  runErrorsPage(engine, errorsSpecFromSchemas(schema, null, options), { offset: 0, limit: 50 });

describe('runErrorsPage: multiclass', () => {
  it('lists label != prediction, the top-label score as confidence, none last', async () => {
    const p = await page(multiclass);
    expect(p.task).toBe('multiclass');
    expect(p.total).toBe(4);
    expect(p.rows_in_scope).toBe(7);
    expect(p.rows.map((r) => [r.row, r.label, r.predicted, r.confidence, r.error])).toEqual([
      [2, 'dog', 'bird', 0.95, null],
      [1, 'cat', 'dog', 0.7, null],
      [4, 'dog', 'cat', 0.7, null],
      [6, 'bird', 'dog', null, null],
    ]);
  });

  it('sorts by a feature, and filters', async () => {
    const p = await page(multiclass, {
      sort: { by: 'colour', direction: 'desc' },
      where: [{ column: 'id', op: '!=', value: 'm6' }],
    });
    expect(p.rows.map((r) => r.row)).toEqual([2, 4, 1]);
    expect(p.rows_in_scope).toBe(6);
  });

  it('refuses a threshold', () => {
    expect(() => errorsSpecFromSchemas(multiclass, null, { threshold: 0.5 })).toThrow(
      /threshold applies to binary logs only/,
    );
  });
});

describe('runErrorsPage: regression', () => {
  it('lists every row with a known error, largest absolute error first', async () => {
    const p = await page(regression);
    expect(p.task).toBe('regression');
    expect(p.total).toBe(5);
    expect(p.rows_in_scope).toBe(6);
    expect(p.rows.map((r) => [r.row, r.label, r.predicted, r.error, r.confidence])).toEqual([
      [2, 3, 10, 7, null],
      [0, 10, 12, 2, null],
      [4, 1, -1, 2, null],
      [5, 100, 99.5, 0.5, null],
      [1, 5, 5, 0, null],
    ]);
  });

  it('smallest error first when asked, and within a filter', async () => {
    const asc = await page(regression, { sort: { by: 'error', direction: 'asc' } });
    expect(asc.rows.map((r) => r.row)).toEqual([1, 5, 0, 4, 2]);
    const eu = await page(regression, { where: [{ column: 'region', op: '=', value: 'EU' }] });
    expect(eu.rows.map((r) => r.row)).toEqual([0, 4, 1]);
    expect(eu.rows_in_scope).toBe(3);
  });
});
