import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { raw, sql, table } from '../../sql/sql.ts';
import type { ErrorsColumn, ErrorsSpec } from './errors-spec.ts';
import { runErrorsPage } from './run-errors-page.ts';

// Types a loaded log can hold, read back as a grid shows them.
const COLUMNS: [name: string, type: string, value: string][] = [
  ['big', 'BIGINT', '9007199254740993::BIGINT'],
  ['small', 'BIGINT', '-42::BIGINT'],
  ['huge', 'HUGEINT', '170141183460469231731687303715884105727::HUGEINT'],
  ['huge_small', 'HUGEINT', '7::HUGEINT'],
  ['ubig', 'UBIGINT', '18446744073709551615::UBIGINT'],
  ['dec', 'DECIMAL(10,2)', '12.34::DECIMAL(10,2)'],
  ['nan', 'DOUBLE', "'NaN'::DOUBLE"],
  ['inf', 'DOUBLE', "'-Infinity'::DOUBLE"],
  ['flag', 'BOOLEAN', 'true'],
  ['ts', 'TIMESTAMP', "TIMESTAMP '2026-10-05 12:34:56.789'"],
  ['ts_ns', 'TIMESTAMP_NS', "'2026-10-05 12:34:56.789'::TIMESTAMP_NS"],
  ['day', 'DATE', "DATE '2026-10-05'"],
  ['clock', 'TIME', "TIME '12:34:56'"],
  ['list', 'INTEGER[]', '[1, 2]'],
  ['nothing', 'VARCHAR', 'NULL::VARCHAR'],
];

let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
  const fields = COLUMNS.map(([name, , value]) => `${value} AS "${name}"`).join(', ');
  // The test's own constant text (raw): values DuckDB cannot take as bound parameters.
  await engine.query(
    sql`CREATE TABLE ${table('cells')} AS SELECT 5.0::DOUBLE AS y, 3.0::DOUBLE AS p, ${raw(fields)}`,
  );
});
afterAll(async () => {
  await engine.close();
});

describe('page cells', () => {
  it('keep integers past 2^53 exact as text, times as ISO text, NaN as text', async () => {
    const columns: ErrorsColumn[] = [
      { name: 'y', kind: 'numeric', role: 'label', type: 'DOUBLE' },
      { name: 'p', kind: 'numeric', role: 'prediction', type: 'DOUBLE' },
      ...COLUMNS.map(([name, type]) => ({
        name,
        type,
        kind: 'categorical' as const,
        role: 'feature' as const,
      })),
    ];
    const spec: ErrorsSpec = {
      outcome: {
        task: 'regression',
        side: { table: 'cells', label: 'y', prediction: 'p', numeric: true },
      },
      log: { table: 'cells', columns },
      sort: { key: 'error', direction: 'desc' },
      columns: COLUMNS.map(([name]) => name),
      features: [],
    };
    const page = await runErrorsPage(engine, spec, { offset: 0, limit: 1 });
    expect(page.rows[0]).toEqual({
      row: 0,
      label: 5,
      predicted: 3,
      confidence: null,
      error: 2,
      values: {
        big: '9007199254740993',
        small: -42,
        huge: '170141183460469231731687303715884105727',
        huge_small: 7,
        ubig: '18446744073709551615',
        dec: 12.34,
        nan: 'NaN',
        inf: '-Infinity',
        flag: true,
        ts: '2026-10-05T12:34:56.789Z',
        ts_ns: '2026-10-05T12:34:56.789Z',
        day: '2026-10-05',
        clock: '12:34:56',
        list: '[1, 2]',
        nothing: null,
      },
    });
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
  });
});
