import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import type { Engine } from '../shared/engine/engine.ts';
import { readRows } from '../shared/engine/arrow-columns.ts';
import { loadDataset } from '../shared/engine/load-dataset.ts';
import { dataSourceFromPath, nodeCodecs } from '../shared/engine/node-sources.node.ts';
import { inferSchema, type DatasetSchema } from '../shared/schema/dataset-schema.ts';
import { sql, table } from '../shared/sql/sql.ts';
import { COLUMNS } from './transaction.ts';

const data = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url));
const answerKey = JSON.parse(
  readFileSync(fileURLToPath(new URL('./answer-key.json', import.meta.url)), 'utf8'),
) as { datasets: Record<string, { rows: number }> };

let engine: Engine;
let n = 0;

async function open(file: string): Promise<DatasetSchema> {
  const ds = await loadDataset(engine, [await dataSourceFromPath(data(file))], {
    tableName: `sample_${n++}`,
    codecs: nodeCodecs(),
  });
  return inferSchema(engine, ds);
}

const expectedRoles: Record<string, string> = {
  transaction_id: 'id',
  event_time: 'time',
  is_fraud: 'label',
  fraud_score: 'score',
  predicted_fraud: 'prediction',
  model_version: 'model',
  latency_ms: 'ignored',
};
// Every other logged column is a model input.
const features = COLUMNS.map((c) => c.name as string).filter((c) => !(c in expectedRoles));

beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('the bundled samples', () => {
  for (const name of ['training', 'production', 'canary']) {
    for (const format of ['parquet', 'csv']) {
      it(`${name}.${format}: every role inferred as the answer key's schema says`, async () => {
        const s = await open(`${name}.${format}`);
        expect(s.rows).toBe(answerKey.datasets[name]?.rows);
        expect(s.task).toBe('binary');
        expect(s.label).toMatchObject({ positive: '1', negative: '0' });
        const roles = Object.fromEntries(s.columns.map((c) => [c.name, c.role]));
        expect(roles).toEqual({
          ...expectedRoles,
          ...Object.fromEntries(features.map((f) => [f, 'feature'])),
        });
        const kind = (c: string) => s.columns.find((x) => x.name === c)?.kind;
        expect([kind('amount'), kind('merchant_risk'), kind('region'), kind('event_time')]).toEqual(
          ['numeric', 'numeric', 'categorical', 'datetime'],
        );
        expect(
          s.warnings.filter((w) => w.code === 'score_out_of_range' || w.code === 'duplicate_ids'),
        ).toEqual([]);
      });
    }
  }

  it('CSV and Parquet hold the same rows', async () => {
    const pq = await open('production.parquet');
    const csv = await open('production.csv');
    const digest = async (s: DatasetSchema) =>
      readRows(
        await engine.query(
          sql`SELECT count(*)::DOUBLE AS n, sum(amount)::DOUBLE AS amount, sum(is_fraud)::DOUBLE AS frauds,
                     count(DISTINCT merchant_category)::DOUBLE AS categories,
                     epoch_ms(min(event_time))::DOUBLE AS first, count(distance_from_home_km)::DOUBLE AS distances
              FROM ${table(s.table)}`,
        ),
      )[0];
    const [a, b] = [await digest(pq), await digest(csv)];
    expect(a?.n).toBe(b?.n);
    expect(a?.frauds).toBe(b?.frauds);
    expect(a?.categories).toBe(b?.categories);
    expect(a?.first).toBe(b?.first);
    expect(a?.distances).toBe(b?.distances);
    expect(Math.abs(Number(a?.amount) - Number(b?.amount))).toBeLessThan(1e-6 * Number(a?.amount));
  });
});
