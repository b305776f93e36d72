import { tableFromArrays, tableToIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSample } from '../../test-support/samples.ts';
import { driftSpecFromSchemas } from '../analyses/drift/drift-spec.ts';
import { runDrift } from '../analyses/drift/run-drift.ts';
import { runSlices } from '../analyses/slices/run-slices.ts';
import { slicesSpecFromSchemas } from '../analyses/slices/slices-spec.ts';
import type { DatasetSchema } from '../schema/dataset-schema.ts';
import { sql, table, type Sql } from '../sql/sql.ts';
import { readColumns } from './arrow-columns.ts';
import { createNodeEngine } from './duckdb.node.ts';
import type { Engine } from './engine.ts';
import { engineContract } from './engine-contract.ts';
import { cachingEngine, classifyStatement, type CachingEngine } from './query-cache.ts';
import { tempNames } from './temp-tables.ts';

engineContract('the query cache over DuckDB-WASM', async () =>
  cachingEngine(await createNodeEngine()),
);

const kind = (text: string) => classifyStatement(text).kind;

describe('classifyStatement', () => {
  it('keeps plain reads, with or without a CTE, a trailing semicolon or brackets', () => {
    expect(kind('SELECT count(*) FROM "dataset_1" WHERE "region" = ?')).toBe('cacheable');
    expect(kind('with t AS (SELECT 1) SELECT * FROM t;')).toBe('cacheable');
    expect(kind('(SELECT 1) UNION ALL (SELECT 2)')).toBe('cacheable');
  });

  it('reads words only outside literals, quoted names and comments', () => {
    expect(kind(`SELECT 'DROP TABLE x; DELETE' AS s, "delete" FROM t`)).toBe('cacheable');
    expect(kind(`SELECT E'it\\'s; drop' AS s`)).toBe('cacheable');
    expect(kind('SELECT $q$ ; update $q$ AS s')).toBe('cacheable');
    expect(kind('SELECT 1 /* ; DROP /* nested */ TABLE x */ -- ; INSERT\n')).toBe('cacheable');
  });

  it('never keeps reads that vary, read the catalog or files, or name a temporary object', () => {
    for (const text of [
      'SELECT random() AS r',
      'SELECT now() AS t',
      'SELECT * FROM t USING SAMPLE 10%',
      'SELECT * FROM duckdb_tables()',
      'SELECT * FROM information_schema.columns',
      "SELECT * FROM read_csv('a.csv')",
      "SELECT * FROM 'a.parquet'",
      'SELECT count(*) FROM "faultline_drift_cdf_3"',
    ]) {
      expect(kind(text), text).toBe('uncached-read');
    }
  });

  it('takes writes to the temporary objects of temp-tables.ts alone as temporary writes', () => {
    const { cdf } = tempNames('drift', ['cdf']);
    const name = table(cdf).text;
    expect(kind(`CREATE TEMP TABLE ${name} AS SELECT * FROM "dataset_1"`)).toBe('temp-write');
    expect(kind(`CREATE OR REPLACE TEMP VIEW ${name} AS SELECT 1`)).toBe('temp-write');
    expect(kind(`INSERT INTO ${name} SELECT 1`)).toBe('temp-write');
    expect(kind(`DROP TABLE IF EXISTS ${name}`)).toBe('temp-write');
    expect(classifyStatement(`DROP VIEW ${name}`)).toEqual({ kind: 'temp-write', namesTemp: true });
  });

  it('takes everything else as a write that empties the cache', () => {
    for (const text of [
      'CREATE TABLE "dataset_2" AS SELECT 1',
      'INSERT INTO "dataset_1" SELECT * FROM "faultline_x_1"',
      'DROP TABLE "dataset_1"',
      'DROP TABLE faultline_x_1, dataset_1',
      'CREATE TABLE faultline_x_1.t (a INTEGER)',
      'ALTER TABLE t RENAME TO u',
      "COPY t TO 'out.csv'",
      'SET threads = 1',
      'UPDATE "faultline_x_1" SET a = 1',
      'SELECT 1; DROP TABLE t',
      'WITH t AS (SELECT 1) INSERT INTO u SELECT * FROM t',
      'DESCRIBE t',
      "SELECT 'unterminated",
      'SELECT 1 /* unterminated',
    ]) {
      expect(kind(text), text).toBe('write');
    }
  });
});

/** An engine that counts the queries it runs. */
function counted(engine: Engine): Engine & { runs: string[] } {
  const runs: string[] = [];
  return {
    ...engine,
    runs,
    query(q, opts) {
      runs.push(q.text);
      return engine.query(q, opts);
    },
  };
}

describe('cachingEngine over DuckDB-WASM', () => {
  let duck: Engine;
  let spy: Engine & { runs: string[] };
  let cache: CachingEngine;
  const value = async (q: Sql) => readColumns(await cache.query(q));

  beforeAll(async () => {
    duck = await createNodeEngine();
    await duck.query(sql`CREATE TABLE ${table('numbers')} AS SELECT range AS n FROM range(10)`);
  });
  afterAll(async () => {
    await duck.close();
  });
  const fresh = (limits = {}) => {
    spy = counted(duck);
    cache = cachingEngine(spy, limits);
  };

  it('answers a repeated read from the cache with the same table', async () => {
    fresh();
    const q = sql`SELECT sum(n)::DOUBLE AS s FROM ${table('numbers')} WHERE n < ${5}`;
    const first = await cache.query(q);
    const again = await cache.query(
      sql`SELECT sum(n)::DOUBLE AS s FROM ${table('numbers')} WHERE n < ${5}`,
    );
    expect(again).toBe(first);
    expect(readColumns(again)).toEqual({ s: [10] });
    expect(spy.runs).toHaveLength(1);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('keeps reads with other bound values apart, 1 and "1" too', async () => {
    fresh();
    expect(await value(sql`SELECT ${1} AS v`)).toEqual({ v: [1] });
    expect(await value(sql`SELECT ${2} AS v`)).toEqual({ v: [2] });
    expect(await value(sql`SELECT ${'1'} AS v`)).toEqual({ v: ['1'] });
    expect(await value(sql`SELECT ${1} AS v`)).toEqual({ v: [1] });
    expect(spy.runs).toHaveLength(3);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 3, entries: 3 });
  });

  it('forgets everything when data changes: a write, inserted Arrow, a file', async () => {
    fresh();
    const count = sql`SELECT count(*)::DOUBLE AS n FROM ${table('numbers')}`;
    expect(await value(count)).toEqual({ n: [10] });
    await cache.query(sql`INSERT INTO ${table('numbers')} VALUES (${10})`);
    expect(await value(count)).toEqual({ n: [11] });

    const ipc = tableToIPC(tableFromArrays({ n: BigInt64Array.from([11n, 12n]) }), 'stream');
    await cache.insertArrowIpc('numbers', ipc, { create: false });
    expect(await value(count)).toEqual({ n: [13] });

    await cache.registerFile('cached.csv', { kind: 'bytes', bytes: new Uint8Array() });
    await cache.dropFile('cached.csv');
    expect(await value(count)).toEqual({ n: [13] });
    await cache.query(sql`DELETE FROM ${table('numbers')} WHERE n >= ${10}`);
    expect(await value(count)).toEqual({ n: [10] });
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 5, invalidations: 5 });
  });

  it('keeps its results through writes to temporary objects, which it never keeps', async () => {
    fresh();
    const { scratch } = tempNames('cache_test', ['scratch']);
    const sum = sql`SELECT sum(n)::DOUBLE AS s FROM ${table('numbers')}`;
    await value(sum);
    await cache.query(
      sql`CREATE TEMP TABLE ${table(scratch)} AS SELECT n FROM ${table('numbers')}`,
    );
    await cache.query(sql`INSERT INTO ${table(scratch)} VALUES (${100})`);
    const fromScratch = sql`SELECT sum(n)::DOUBLE AS s FROM ${table(scratch)}`;
    expect(await value(fromScratch)).toEqual({ s: [145] });
    await cache.query(sql`INSERT INTO ${table(scratch)} VALUES (${1})`);
    expect(await value(fromScratch)).toEqual({ s: [146] });
    await cache.query(sql`DROP TABLE ${table(scratch)}`);
    expect(await value(sum)).toEqual({ s: [45] });
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, uncached: 2, invalidations: 0 });
  });

  it('once a lasting view reads a temporary table, writes to it empty the cache too', async () => {
    fresh();
    const { base } = tempNames('cache_test', ['base']);
    await cache.query(sql`CREATE TEMP TABLE ${table(base)} AS SELECT 1 AS n`);
    await cache.query(sql`CREATE TEMP VIEW ${table('lasting')} AS SELECT n FROM ${table(base)}`);
    const read = sql`SELECT sum(n)::DOUBLE AS s FROM ${table('lasting')}`;
    expect(await value(read)).toEqual({ s: [1] });
    await cache.query(sql`INSERT INTO ${table(base)} VALUES (${2})`);
    expect(await value(read)).toEqual({ s: [3] });
    await cache.query(sql`DROP VIEW ${table('lasting')}`);
    await cache.query(sql`DROP TABLE ${table(base)}`);
  });

  it('evicts the least recently used beyond its entries or its bytes', async () => {
    fresh({ maxEntries: 2 });
    const one = sql`SELECT ${1} AS v`;
    await cache.query(one);
    await cache.query(sql`SELECT ${2} AS v`);
    await cache.query(one);
    await cache.query(sql`SELECT ${3} AS v`);
    await cache.query(one);
    await cache.query(sql`SELECT ${2} AS v`);
    expect(spy.runs).toHaveLength(4);
    expect(cache.stats()).toMatchObject({ hits: 2, entries: 2 });

    const rows = (n: number) => sql`SELECT range::DOUBLE AS x FROM range(${n}::BIGINT)`;
    const bytesOf = (t: Table) => t.data.reduce((n, d) => n + d.byteLength, 0);
    const size = bytesOf(await duck.query(rows(1000)));
    fresh({ maxBytes: 2.5 * size });
    await cache.query(rows(1000));
    await cache.query(sql`SELECT range::DOUBLE + 1 AS x FROM range(${1000}::BIGINT)`);
    expect(cache.stats().entries).toBe(2);
    await cache.query(sql`SELECT range::DOUBLE + 2 AS x FROM range(${1000}::BIGINT)`);
    expect(cache.stats().entries).toBe(2);
    expect(cache.stats().bytes).toBeLessThanOrEqual(2.5 * size);
    await cache.query(rows(1000));
    expect(cache.stats().hits).toBe(0);
    // A result larger than the whole cache is returned, never kept.
    await cache.query(rows(5000));
    expect(cache.stats().entries).toBeLessThanOrEqual(2);
    await cache.query(rows(5000));
    expect(cache.stats().hits).toBe(0);
  });

  it('refuses a cancelled read even when it has the answer', async () => {
    fresh();
    const q = sql`SELECT ${7} AS v`;
    await cache.query(q);
    const controller = new AbortController();
    controller.abort();
    await expect(cache.query(q, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});

describe('cachingEngine under the analyses', () => {
  let duck: Engine;
  let training: DatasetSchema;
  let production: DatasetSchema;
  beforeAll(async () => {
    duck = await createNodeEngine();
    training = await openSample(duck, 'training.parquet', 'training');
    production = await openSample(duck, 'production.parquet', 'production');
  });
  afterAll(async () => {
    await duck.close();
  });

  it('gives the same results, answering a repeated drift or slice search without scans', async () => {
    const spy = counted(duck);
    const cache = cachingEngine(spy);
    const where = [{ column: 'region', op: '=' as const, value: 'EU' }];
    const drift = driftSpecFromSchemas(training, production, {
      window: 'auto',
      impact: true,
      where,
    });
    const slices = slicesSpecFromSchemas(production, training, { where });
    const direct = { drift: await runDrift(duck, drift), slices: await runSlices(duck, slices) };

    expect(await runDrift(cache, drift)).toEqual(direct.drift);
    expect(await runSlices(cache, slices)).toEqual(direct.slices);
    const first = spy.runs.length;
    expect(await runDrift(cache, drift)).toEqual(direct.drift);
    expect(await runSlices(cache, slices)).toEqual(direct.slices);
    const again = spy.runs.slice(first);
    // What runs again is the temporary tables' work alone; the runs never empty the cache.
    expect(again.every((text) => /faultline_(drift|slices)_/.test(text))).toBe(true);
    expect(again.length).toBeLessThan(first);
    expect(cache.stats()).toMatchObject({ invalidations: 0 });
    expect(cache.stats().hits).toBeGreaterThan(0);
  });
});
