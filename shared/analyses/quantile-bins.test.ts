import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/duckdb.node.ts';
import type { Engine } from '../engine/engine.ts';
import { raw, sql, table } from '../sql/sql.ts';
import { edgePositions, orderStatisticIndexes } from '../stats/quantile-edges.ts';
import { sortedValuesOf } from './quantile-bins.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

/** A one-column table of `values` (null for SQL NULL). */
async function column(name: string, values: (number | null)[]): Promise<void> {
  const rows = values.map((v) => (v === null ? 'NULL' : String(v))).join('), (');
  await engine.query(
    sql`CREATE TABLE ${table(name)} AS SELECT * FROM (VALUES (${raw(rows)})) t(x)`,
  );
}

describe('sortedValuesOf', () => {
  it('fetches exactly the i-th smallest non-null value for every index the quantiles need', async () => {
    // Sizes around the positions' rounding (1, 2, 3, 7, 1001), ties, negative values and nulls.
    const cases: (number | null)[][] = [
      [5],
      [2, null, 1],
      [3, 3, 1],
      [0.5, -2, 7, 7, 7, null, 1e-9],
      Array.from({ length: 1001 }, (_, i) => ((i * 7919) % 1001) / 10 - (i % 3 === 0 ? 50 : 0)),
    ];
    for (const [c, values] of cases.entries()) {
      const name = `x${c}`;
      await column(name, values);
      const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
      const [got] = await sortedValuesOf(
        (q) => engine.query(q),
        table(name),
        [sql`x::DOUBLE`],
        edgePositions(10),
      );
      expect(got?.n).toBe(sorted.length);
      for (const i of orderStatisticIndexes(sorted.length, edgePositions(10))) {
        expect(got?.at(i), `case ${c}, index ${i}`).toBe(sorted[i]);
      }
    }
  });

  it('gives n = 0 for a column of nulls and refuses an index it did not fetch', async () => {
    await column('nulls', [null, null]);
    const [got] = await sortedValuesOf(
      (q) => engine.query(q),
      table('nulls'),
      [sql`x::DOUBLE`],
      [0.5],
    );
    expect(got?.n).toBe(0);
    expect(() => got?.at(0)).toThrow(RangeError);
  });
});
