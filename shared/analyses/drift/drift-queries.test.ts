import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import { cdfTableSql } from './drift-cdf.ts';
import { categoryCountsQuery } from './drift-category-queries.ts';
import {
  binCountsQuery,
  ecdfDistanceQuery,
  orderStatisticsQuery,
} from './drift-numeric-queries.ts';
import { sideSummaryQuery } from './drift-summary-query.ts';
import type { DriftSpec } from './drift-spec.ts';

const HOSTILE = `it's "x"; DROP TABLE t; --`;
const spec: DriftSpec = {
  referenceTable: 'r"t',
  currentTable: 'c t',
  columns: [
    { name: HOSTILE, kind: 'numeric', referenceType: 'DOUBLE', currentType: 'DOUBLE' },
    { name: 'select', kind: 'categorical', referenceType: 'VARCHAR', currentType: 'VARCHAR' },
  ],
};

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('drift SQL', () => {
  const cdf = table(HOSTILE);
  const queries = [
    sideSummaryQuery(spec, 'reference'),
    cdfTableSql(cdf, spec, [0]),
    ecdfDistanceQuery(cdf, [0]),
    orderStatisticsQuery(cdf, [{ columnIndex: 0, side: 'current', indexes: [0, 4] }]),
    binCountsQuery(
      cdf,
      [{ columnIndex: 0, edges: [0.1, 2.5] }],
      [{ columnIndex: 0, min: -1, max: 1 }],
    ),
    categoryCountsQuery(spec, [1]),
  ];

  it('quotes every identifier and binds every value', () => {
    for (const q of queries) {
      expect(q.text).not.toContain(`'s "x"`);
      if (q.text.includes('DROP')) expect(q.text).toContain(`"it's ""x""; DROP TABLE t; --"`);
      expect(q.text).not.toMatch(/\b(0\.1|2\.5)\b/);
    }
    expect(queries[0]?.text).toContain('"r""t"');
    // edges and range bounds bound, beside our own bin numbers and column index
    expect(queries[4]?.params).toEqual(['0.1', 0, '2.5', 1, 2, 0, 0, -1, -1, 1, 0]);
  });

  it('runs on tables and columns with those names', async () => {
    for (const name of [spec.referenceTable, spec.currentTable]) {
      await engine.query(sql`CREATE TABLE ${table(name)} AS
        SELECT (i / 3)::DOUBLE AS ${ident(HOSTILE)}, (i % 4)::VARCHAR AS ${ident('select')}
        FROM range(12) t(i)`);
    }
    for (const q of queries) expect((await engine.query(q)).numRows).toBeGreaterThan(0);
  });
});
