import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScalar } from '../../engine/arrow-columns.ts';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import {
  openSample,
  plantedFailure,
  realizedCounts,
  sampleColumns,
} from '../../../test-support/samples.ts';
import type { ErrorsPage } from './errors-result.ts';
import { errorsSpecFromSchemas } from './errors-spec.ts';
import { runErrorDetail } from './run-error-detail.ts';
import { runErrorsPage } from './run-errors-page.ts';

let engine: Engine;
let training: DatasetSchema;
let production: DatasetSchema;
let first: ErrorsPage;

const { label, prediction, score } = sampleColumns;

/** A plain count over the production table, written apart from the analysis's SQL. */
async function countWhere(condition: ReturnType<typeof sql>): Promise<number> {
  return Number(
    readScalar(
      await engine.query(sql`SELECT count(*) FROM ${table('production')} WHERE ${condition}`),
    ),
  );
}

beforeAll(async () => {
  engine = await createNodeEngine();
  training = await openSample(engine, 'training.parquet', 'training');
  production = await openSample(engine, 'production.parquet', 'production');
  first = await runErrorsPage(engine, errorsSpecFromSchemas(production, training, {}), {
    offset: 0,
    limit: 100,
  });
});
afterAll(async () => {
  await engine.close();
});

describe('runErrorsPage on the bundled production log (its logged prediction)', () => {
  it('counts the rows whose logged prediction is not the label', async () => {
    const wrong = await countWhere(sql`${ident(label)} <> ${ident(prediction)}`);
    expect(wrong).toBeGreaterThan(100);
    expect(first.total).toBe(wrong);
    expect(first.rows_in_scope).toBe(realizedCounts('production').rows);
  });

  it('gives the first 100, most confident first, ties by row', () => {
    expect(first.rows).toHaveLength(100);
    for (const [i, r] of first.rows.entries()) {
      expect(r.label).not.toBe(r.predicted);
      expect(r.values[label]).toBe(r.label);
      const p = r.values[score] as number;
      expect(r.confidence).toBeCloseTo(r.predicted === 1 ? p : 1 - p, 12);
      const next = first.rows[i + 1];
      if (next === undefined) continue;
      expect(r.confidence ?? 0).toBeGreaterThanOrEqual(next.confidence ?? 0);
      if (r.confidence === next.confidence) expect(r.row).toBeLessThan(next.row);
    }
  });

  it('with a threshold, counts score >= t against the label', async () => {
    const p = await runErrorsPage(
      engine,
      errorsSpecFromSchemas(production, training, { threshold: 0.3 }),
      { offset: 0, limit: 1 },
    );
    const wrong = await countWhere(sql`(${ident(score)} >= ${0.3})::INTEGER <> ${ident(label)}`);
    expect(p.total).toBe(wrong);
  });
});

describe('runErrorDetail on the bundled production log', () => {
  it('names the planted new category first: never seen in the training data', async () => {
    const planted = plantedFailure('new_category');
    const column = planted.column ?? '';
    const spec = errorsSpecFromSchemas(production, training, {
      where: [{ column, op: '=', value: planted.value ?? '' }],
    });
    const page = await runErrorsPage(engine, spec, { offset: 0, limit: 1 });
    const row = page.rows[0]?.row ?? -1;
    const detail = await runErrorDetail(engine, spec, row);
    expect(detail.compared_with).toBe('reference');
    expect(detail.features[0]).toMatchObject({
      name: column,
      value: planted.value,
      reference_share: 0,
      outside_reference: true,
    });
    expect(detail.text[0]).toBe(`${column} = ${planted.value}: never seen in the reference`);
    expect(detail.features.every((f) => f.reference_n > 0)).toBe(true);
  });
});
