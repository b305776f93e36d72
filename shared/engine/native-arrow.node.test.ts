// Each DuckDB type as the native engine hands it over, against DuckDB-WASM for the same SELECT:
// the same Arrow types, the same cells through arrow-columns, the same raw values to those who
// read vectors directly (fixtures, errors pages).
import type { Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, sql } from '../sql/sql.ts';
import { readColumns, readList, readRows } from './arrow-columns.ts';
import { createNativeEngine } from './duckdb-native.node.ts';
import { createNodeEngine } from './duckdb.node.ts';
import type { Engine } from './engine.ts';

let wasm: Engine;
let native: Engine;
beforeAll(async () => {
  [wasm, native] = await Promise.all([createNodeEngine(), createNativeEngine()]);
});
afterAll(async () => {
  await Promise.all([wasm.close(), native.close()]);
});

const types = (t: Table) => t.schema.fields.map((f) => `${f.name}: ${String(f.type)}`);

/** Raw vector values, made comparable (bigint and typed arrays as text, NaN kept). */
function rawValues(t: Table): unknown[][] {
  const plain = (v: unknown): unknown => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Uint8Array || v instanceof Uint32Array) return `[${Array.from(v).join(',')}]`;
    if (v !== null && typeof v === 'object')
      return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
    return v;
  };
  return t.schema.fields.map((_, i) => {
    const vector = t.getChildAt(i);
    return Array.from({ length: t.numRows }, (_r, r) => plain(vector?.get(r)));
  });
}

async function both(select: string) {
  const q = sql`${raw(select as `${string}`)}`;
  return { w: await wasm.query(q), n: await native.query(q) };
}

// One row per literal, a NULL of the same type in a second row.
const literals: [string, string][] = [
  ['boolean', 'true'],
  ['tinyint', '(-7)::TINYINT'],
  ['smallint', '(-300)::SMALLINT'],
  ['integer', '2147483647::INTEGER'],
  ['bigint negative', '(-9007199254740993)::BIGINT'],
  ['bigint large', '9223372036854775807::BIGINT'],
  ['utinyint', '255::UTINYINT'],
  ['usmallint', '65535::USMALLINT'],
  ['uinteger', '4294967295::UINTEGER'],
  ['ubigint', '18446744073709551615::UBIGINT'],
  ['hugeint', '(-170141183460469231731687303715884105727)::HUGEINT'],
  ['float', '1.5::FLOAT'],
  ['double', '0.1::DOUBLE + 0.2'],
  ['double NaN', "'nan'::DOUBLE"],
  ['double infinity', "'-infinity'::DOUBLE"],
  ['decimal(4,1)', '(-2.5)::DECIMAL(4,1)'],
  ['decimal(18,3)', '123456789012345.678::DECIMAL(18,3)'],
  ['decimal(38,10)', '(-1234567890123456789012345678.0123456789)::DECIMAL(38,10)'],
  ['varchar unicode', "'héllo ✓ 𝔘 \"quoted\" ''single'''"],
  ['varchar empty', "''"],
  ['uuid', "'5f0c8a7e-6a3b-4b7e-9c1d-2e3f4a5b6c7d'::UUID"],
  ['enum', "'b'::ENUM('a', 'b', 'c')"],
  ['blob', "'\\x00\\xFFabc'::BLOB"],
  ['date', "DATE '2024-02-29'"],
  ['date before 1970', "DATE '1500-01-01'"],
  ['timestamp', "TIMESTAMP '2024-03-01 12:34:56.789123'"],
  ['timestamp before 1970', "TIMESTAMP '1969-12-31 23:59:59.5'"],
  ['timestamp_s', "TIMESTAMP_S '2024-03-01 12:34:56'"],
  ['timestamp_ms', "TIMESTAMP_MS '2024-03-01 12:34:56.789'"],
  ['timestamp_ns', "TIMESTAMP_NS '2024-03-01 12:34:56.789123456'"],
  ['timestamptz', "TIMESTAMPTZ '2024-03-01 12:34:56.5+00'"],
  ['time', "TIME '12:34:56.25'"],
  ['list of integers', '[1, NULL, -3]::INTEGER[]'],
  ['list of doubles', '[1.5, 2.25]::DOUBLE[]'],
  ['list of text', "['a', NULL, 'ü']"],
  ['empty list', '[]::VARCHAR[]'],
  ['nested list', '[[1], [], [2, 3]]'],
  ['list of dates', "[DATE '2024-01-01', NULL]"],
  ['list of timestamps', "[TIMESTAMP '2024-01-01 01:02:03']"],
  ['array', '[1, 2, 3]::INTEGER[3]'],
  ['struct', "{'a': 1, 'b': 'x', 'c': [1.5]}"],
  ['map', "map(['k1', 'k2'], [1, NULL])"],
  ['histogram', "histogram(['x', 'y', 'x'])"],
];

describe('native results as DuckDB-WASM gives them, type by type', () => {
  it.each(literals)('%s', async (_name, expr) => {
    const { w, n } = await both(
      `SELECT v, typeof(v) AS t FROM (SELECT ${expr} AS v UNION ALL SELECT NULL) ORDER BY v NULLS LAST`,
    );
    expect(types(n)).toEqual(types(w));
    expect(readColumns(n)).toEqual(readColumns(w));
    expect(rawValues(n)).toEqual(rawValues(w));
  });

  it('a list read as a list (readList)', async () => {
    const { w, n } = await both(`SELECT [0.5, NULL, 2]::DOUBLE[] AS edges, ['a', 'b'] AS names`);
    expect(readList(n, 'edges')).toEqual([0.5, null, 2]);
    expect(readList(n, 'edges')).toEqual(readList(w, 'edges'));
    expect(readList(n, 'names')).toEqual(readList(w, 'names'));
  });

  it('many rows over several chunks, nulls and NaN among them', async () => {
    const { w, n } = await both(`SELECT range AS i, CASE WHEN range % 7 = 0 THEN NULL
        WHEN range % 11 = 0 THEN 'nan'::DOUBLE ELSE range / 3 END AS d,
        CASE WHEN range % 5 = 0 THEN NULL ELSE 'r' || range END AS s,
        range % 2 = 0 AS even, TIMESTAMP '2024-01-01' + to_seconds(range) AS at
      FROM range(5000) ORDER BY range`);
    expect(n.numRows).toBe(5000);
    expect(types(n)).toEqual(types(w));
    expect(readColumns(n)).toEqual(readColumns(w));
  });

  it('no rows: the columns and their types still', async () => {
    const { w, n } = await both(`SELECT 1::BIGINT AS a, 'x' AS b, [1.5] AS c WHERE false`);
    expect(n.numRows).toBe(0);
    expect(types(n)).toEqual(types(w));
    expect(readRows(n)).toEqual([]);
  });

  it('repeated column names stay as written', async () => {
    const { w, n } = await both(`SELECT 1 AS a, 'x' AS a`);
    expect(types(n)).toEqual(types(w));
    expect(rawValues(n)).toEqual(rawValues(w));
  });

  it('bound values are typed as DuckDB-WASM types them', async () => {
    const q = sql`SELECT ${3} AS n, typeof(${3}) AS nt, ${0.5} AS f, ${'x'} AS s, ${true} AS b`;
    const [w, n] = [await wasm.query(q), await native.query(q)];
    expect(types(n)).toEqual(types(w));
    expect(readColumns(n)).toEqual(readColumns(w));
  });
});
