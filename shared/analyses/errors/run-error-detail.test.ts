import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { loadCsvText } from '../../../test-support/csv-table.ts';
import type { ErrorDetail, ErrorFeature } from './errors-result.ts';
import { errorsSpecFromSchemas, type ErrorsSpec } from './errors-spec.ts';
import { runErrorDetail } from './run-error-detail.ts';

// Hostile feature names: quotes and unicode, and a keyword.
const AMOUNT = 'my "odd" ü';
const MERCHANT = 'select';
const header = `id,event_time,label,score,"my ""odd"" ü",select,opened`;

// The reference: amounts [1, 2, 2, 3, 10], merchants [a, a, b, c, c], opened 2026-01-01..05.
const REFERENCE = `${header}
r0,2026-02-01 10:00:00,0,0.25,1,a,2026-01-01
r1,2026-02-01 11:00:00,1,0.75,2,a,2026-01-02
r2,2026-02-01 12:00:00,0,0.25,2,b,2026-01-03
r3,2026-02-01 13:00:00,1,0.75,3,c,2026-01-04
r4,2026-02-01 14:00:00,0,0.25,10,c,2026-01-05
`;

// d0: amount 2 (percentile (1 + 0.5·2)/5 = 0.4), merchant z never seen, opened the median day.
// d1: amount 11 above the reference, merchant a (2/5), opened before the first day.
// d2: amount and opened missing, merchant c (2/5).
const LOG = `${header}
d0,2026-03-01 10:00:00,1,0.25,2,z,2026-01-03
d1,2026-03-01 11:00:00,0,0.75,11,a,2025-12-31
d2,2026-03-01 12:00:00,1,0.125,,c,
`;

let engine: Engine;
let log: DatasetSchema;
let reference: DatasetSchema;
let spec: ErrorsSpec;

beforeAll(async () => {
  engine = await createNodeEngine();
  // Too few rows for STATS.md's numeric kind (21 distinct values): the amount is set numeric.
  // A second timestamp column is ignored unless the user makes it a feature.
  const overrides = {
    task: 'binary',
    kinds: { [AMOUNT]: 'numeric' },
    roles: { opened: 'feature' },
  } as const;
  reference = await loadCsvText(engine, REFERENCE, 'd_ref', overrides);
  log = await loadCsvText(engine, LOG, 'd_log', overrides);
  spec = errorsSpecFromSchemas(log, reference, {});
});
afterAll(async () => {
  await engine.close();
});

const byName = (d: ErrorDetail, name: string): ErrorFeature | undefined =>
  d.features.find((f) => f.name === name);

describe('runErrorDetail against the reference', () => {
  it('compares the feature columns only, with their kinds', async () => {
    const d = await runErrorDetail(engine, spec, 0);
    expect(d.compared_with).toBe('reference');
    expect(d.features.map((f) => [f.name, f.kind]).sort()).toEqual(
      [
        [AMOUNT, 'numeric'],
        [MERCHANT, 'categorical'],
        ['opened', 'datetime'],
      ].sort(),
    );
  });

  it('row 0: midrank percentiles, a category never seen first', async () => {
    const d = await runErrorDetail(engine, spec, 0);
    expect(d).toMatchObject({ row: 0, label: 1, predicted: 0, confidence: 0.75, error: 0.75 });
    expect(d.features.map((f) => f.name)).toEqual([MERCHANT, AMOUNT, 'opened']);
    expect(byName(d, AMOUNT)).toEqual({
      name: AMOUNT,
      kind: 'numeric',
      value: 2,
      percentile: 0.4,
      reference_share: null,
      reference_n: 5,
      outside_reference: false,
      missing: false,
    });
    expect(byName(d, MERCHANT)).toMatchObject({
      value: 'z',
      percentile: null,
      reference_share: 0,
      outside_reference: true,
    });
    // Two days before, one equal: (2 + 0.5) / 5.
    expect(byName(d, 'opened')).toMatchObject({ value: '2026-01-03', percentile: 0.5 });
    expect(d.text).toEqual(['select = z: never seen in the reference']);
  });

  it('row 1: above and below the reference range come first, in words', async () => {
    const d = await runErrorDetail(engine, spec, 1);
    expect(d.features.map((f) => f.name)).toEqual([AMOUNT, 'opened', MERCHANT]);
    expect(byName(d, AMOUNT)).toMatchObject({ value: 11, percentile: 1, outside_reference: true });
    expect(byName(d, 'opened')).toMatchObject({ percentile: 0, outside_reference: true });
    expect(byName(d, MERCHANT)).toMatchObject({ reference_share: 0.4, outside_reference: false });
    expect(d.text).toEqual([
      'my "odd" ü = 11: above every value in the reference (max 10)',
      'opened = 2025-12-31: below every value in the reference (min 2026-01-01)',
    ]);
  });

  it('row 2: null values are missing, with no percentile, and said so', async () => {
    const d = await runErrorDetail(engine, spec, 2);
    expect(byName(d, AMOUNT)).toEqual({
      name: AMOUNT,
      kind: 'numeric',
      value: null,
      percentile: null,
      reference_share: null,
      reference_n: 5,
      outside_reference: false,
      missing: true,
    });
    expect(byName(d, 'opened')?.missing).toBe(true);
    expect(d.features.map((f) => f.name)).toEqual([MERCHANT, AMOUNT, 'opened']);
    expect(d.text).toEqual(['my "odd" ü, opened are missing in this row']);
  });

  it('a row that is not there, or not a row number, fails clearly', async () => {
    await expect(runErrorDetail(engine, spec, 3)).rejects.toMatchObject({
      code: 'bad_argument',
      message: 'errors: no row 3 in the log (rows are numbered from 0 in load order)',
    });
    for (const row of [-1, 0.5, Number.NaN]) {
      await expect(runErrorDetail(engine, spec, row)).rejects.toMatchObject({
        code: 'bad_argument',
      });
    }
  });
});

describe('runErrorDetail without a reference', () => {
  it('compares with the log itself, and says so', async () => {
    const d = await runErrorDetail(engine, errorsSpecFromSchemas(log, null, {}), 0);
    expect(d.compared_with).toBe('log');
    // The log's amounts are [2, 11] (one missing): (0 + 0.5·1) / 2.
    expect(byName(d, AMOUNT)).toMatchObject({ percentile: 0.25, reference_n: 2 });
    expect(byName(d, MERCHANT)).toMatchObject({ reference_share: 1 / 3, reference_n: 3 });
  });

  it('a cohort filter picks rows, not what they are compared with', async () => {
    // Filtered on the merchant, the reference would hold no z at all: its whole is compared.
    const where = [{ column: MERCHANT, op: '=' as const, value: 'z' }];
    const d = await runErrorDetail(engine, errorsSpecFromSchemas(log, reference, { where }), 0);
    expect(byName(d, AMOUNT)).toMatchObject({ percentile: 0.4, reference_n: 5 });
    expect(byName(d, MERCHANT)).toMatchObject({ reference_share: 0, outside_reference: true });
  });
});
