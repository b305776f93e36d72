import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../engine/arrow-columns.ts';
import { createNodeEngine } from '../engine/duckdb.node.ts';
import type { Engine } from '../engine/engine.ts';
import { raw, sql } from '../sql/sql.ts';
import { outcomeSql, type BinaryOutcome } from './binary-outcome.ts';

// Each label/prediction column type with values a text comparison and a typed one could read
// differently: 1 vs 1.0 vs '1', words, numbers written as words, NULLs, NaN.
const TABLE = raw(`(SELECT * FROM (VALUES
  (1::BIGINT, 1.0::DOUBLE, 1::INTEGER, 'yes', 'yes', true, '1', 0.9::DOUBLE, 1::DECIMAL(4,1)),
  (0, 0.0, 0, 'no', 'no', false, '1.0', 0.2, 0.0),
  (-1, 'NaN'::DOUBLE, 2, 'Yes', 'inf', NULL, ' 1', 0.5, 1.5),
  (10, 10.0, 10, 'nan', 'nan', true, 'yes', 'NaN'::DOUBLE, 10.0),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
) t(li, pd, pi, lt, pt, lb, ptn, s, pdec))`);

const TYPES: Record<string, string> = {
  li: 'BIGINT',
  pd: 'DOUBLE',
  pi: 'INTEGER',
  lt: 'VARCHAR',
  pt: 'VARCHAR',
  lb: 'BOOLEAN',
  ptn: 'VARCHAR',
  pdec: 'DECIMAL(4,1)',
};

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

/** Per row: whether it counts, its actual and predicted class, as DuckDB evaluates them. */
async function outcomes(o: BinaryOutcome) {
  const { counted, actual, predicted } = outcomeSql(o);
  return readRows(
    await engine.query(
      sql`SELECT ${counted} AS counted, ${actual} AS actual, ${predicted} AS predicted FROM ${TABLE}`,
    ),
  );
}

describe('outcomeSql in the columns own types', () => {
  // Without types the label and prediction compare as text (STATS.md's definition): with them,
  // every row must come out the same.
  const cases: [label: string, prediction: string | null, positive: string][] = [
    ['li', 'pd', '1'],
    ['li', 'pi', '10'],
    ['li', 'pd', '-1'],
    ['li', 'pi', '0'],
    ['li', 'pdec', '1'],
    ['li', 'pdec', '1.5'],
    ['lt', 'pt', 'yes'],
    ['lt', 'pt', 'nan'],
    ['lt', 'pt', 'inf'],
    ['lt', 'ptn', '1'],
    ['lt', 'pd', 'yes'],
    ['lb', 'pt', 'true'],
    ['lb', 'pd', 'false'],
    ['li', null, '1'],
    ['lt', null, 'Yes'],
  ];
  for (const [label, prediction, positive] of cases) {
    it(`${label} vs ${prediction ?? 'score >= 0.5'}, positive '${positive}'`, async () => {
      const base = { label, positive, prediction, score: 's', threshold: 0.5 };
      const typed = await outcomes({
        ...base,
        labelType: TYPES[label],
        ...(prediction ? { predictionType: TYPES[prediction] } : {}),
      });
      expect(typed).toEqual(await outcomes(base));
    });
  }

  it('still finds the positive rows (the comparison is not vacuous)', async () => {
    const rows = await outcomes({
      label: 'li',
      positive: '1',
      prediction: 'pd',
      score: null,
      threshold: 0.5,
      labelType: 'BIGINT',
      predictionType: 'DOUBLE',
    });
    expect(rows.map((r) => [r.actual, r.predicted])).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
      [null, null],
    ]);
  });
});
