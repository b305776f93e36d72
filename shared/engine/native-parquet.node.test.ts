// A Parquet file on disk read by native DuckDB's own reader (Engine.readParquet) makes the table
// the Arrow-batch path makes (and so DuckDB-WASM's): column names, order and types, every value,
// the order of rows, across files; and it reports progress, cancels, and fails as that path does.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  Binary,
  Bool,
  DateDay,
  DateMillisecond,
  Dictionary,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  LargeUtf8,
  List,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultlineError } from '../errors.ts';
import { quoteLiteral } from '../sql/quote.ts';
import { sql, table } from '../sql/sql.ts';
import { samplePath } from '../../test-support/samples.ts';
import { readColumns, readScalar } from './arrow-columns.ts';
import { createNativeEngine } from './duckdb-native.node.ts';
import { createNodeEngine } from './duckdb.node.ts';
import type { Engine, Progress, RunContext } from './engine.ts';
import { loadDataset } from './load-dataset.ts';
import { dataSourceFromPath, expandInput, nodeCodecs } from './node-sources.node.ts';
import { parquet } from './parquet.node.ts';

let native: Engine;
let wasm: Engine;
let dir: string;
let tables = 0;
const at = (name: string) => path.join(dir, name);

/** The engine with calls counted: which way each file went. */
function counted(engine: Engine) {
  const calls = { reader: 0, batches: 0 };
  const spy: Engine = {
    ...engine,
    async insertArrowIpc(...args) {
      calls.batches++;
      return engine.insertArrowIpc(...args);
    },
    async readParquet(...args) {
      calls.reader++;
      if (engine.readParquet === undefined) throw new Error('no reader');
      return engine.readParquet(...args);
    },
  };
  return { spy, calls };
}

/** The same engine without its own reader: every file goes through Arrow batches. */
function batchesOnly(engine: Engine): Engine {
  const copy = { ...engine };
  delete copy.readParquet;
  return copy;
}

async function load(engine: Engine, input: string, ctx: RunContext = {}) {
  const files = await expandInput(input);
  const sources = await Promise.all(files.map(dataSourceFromPath));
  const tableName = `t${tables++}`;
  return loadDataset(engine, sources, { tableName, codecs: nodeCodecs() }, ctx);
}

/** Column names and types, and every row in table order. */
async function contents(engine: Engine, name: string) {
  return {
    columns: readColumns(await engine.query(sql`DESCRIBE ${table(name)}`)),
    rows: readColumns(await engine.query(sql`SELECT * FROM ${table(name)}`)),
  };
}

async function tableExists(engine: Engine, name: string): Promise<boolean> {
  const n = readScalar(
    await engine.query(
      sql`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = ${name}`,
    ),
  );
  return n === 1;
}

/** 3,000 rows of the Arrow types the batch path pins, written by parquet-wasm in row groups. */
function arrowTypesParquet(): Uint8Array {
  const n = 3000;
  const day = 86_400_000;
  const of = <T>(type: DataType, value: (i: number) => T) =>
    vectorFromArray(
      Array.from({ length: n }, (_, i) => (i % 7 === 3 ? null : value(i))),
      type,
    );
  const columns = {
    n: vectorFromArray(Int32Array.from({ length: n }, (_, i) => i)),
    i8: of(new Int8(), (i) => (i % 256) - 128),
    i16: of(new Int16(), (i) => i - 1500),
    i32: of(new Int32(), (i) => i * 7919),
    i64: of(new Int64(), (i) => 9007199254740993n + BigInt(i)),
    u8: of(new Uint8(), (i) => i % 256),
    u16: of(new Uint16(), (i) => i * 20),
    u32: of(new Uint32(), (i) => i * 100_000),
    u64: of(new Uint64(), (i) => 18446744073709551615n - BigInt(i)),
    f32: of(new Float32(), (i) => (i % 11 === 0 ? NaN : i / 3)),
    f64: of(new Float64(), (i) => (i % 13 === 0 ? -Infinity : i / 7)),
    'text "quoted"': of(new Utf8(), (i) => `ü ✓ ${i}`),
    large: of(new LargeUtf8(), (i) => `L${i % 50}`),
    b: of(new Bool(), (i) => i % 3 === 0),
    d32: of(new DateDay(), (i) => new Date(day * (i - 400))),
    d64: of(new DateMillisecond(), (i) => new Date(day * (19_000 - i))),
    ts_s: of(new TimestampSecond(), (i) => 1_700_000_000_000 - i * 1000),
    ts_ms: of(new TimestampMillisecond(), (i) => 1_700_000_000_123 + i),
    ts_us: of(new TimestampMicrosecond(), (i) => 1_700_000_000_123 + i),
    ts_ns: of(new TimestampNanosecond(), (i) => 1_700_000_000_123 + i),
    ts_utc: of(new TimestampMicrosecond('UTC'), (i) => 1_700_000_000_123 + i),
    ts_s_utc: of(new TimestampSecond('UTC'), (i) => 1_700_000_000_000 + i * 1000),
    ts_ms_paris: of(new TimestampMillisecond('Europe/Paris'), (i) => 1_700_000_000_000 + i),
    dict: of(new Dictionary(new Utf8(), new Int32()), (i) => ['a', 'b', 'c'][i % 3]),
    list: of(new List(new Field('item', new Float64(), true)), (i) => (i % 4 ? [i / 2, i] : [])),
    bin: of(new Binary(), (i) => new Uint8Array([i % 256, 3])),
  };
  const pq = parquet();
  const properties = new pq.WriterPropertiesBuilder()
    .setCompression(pq.Compression.SNAPPY)
    .setMaxRowGroupSize(700)
    .build();
  const ipc = tableToIPC(new Table(columns), 'stream');
  return pq.writeParquet(pq.Table.fromIPCStream(ipc), properties);
}

/** Types another writer (DuckDB) puts in Parquet, which parquet-wasm and DuckDB read apart. */
const duckdbTypes = `SELECT i,
  CASE WHEN i % 9 = 4 THEN NULL ELSE 'r' || (i % 100) END AS s,
  i * 0.5 AS d,
  (TIMESTAMP '2024-01-01' + to_seconds(i))::TIMESTAMP_MS AS ts_ms,
  (TIMESTAMP '2024-01-01' + to_seconds(i))::TIMESTAMP_S AS ts_s,
  (TIMESTAMP '2024-01-01' + to_microseconds(i * 1001))::TIMESTAMP_NS AS ts_ns,
  (TIMESTAMP '2024-01-01' + to_seconds(i))::TIMESTAMPTZ AS tz,
  DATE '2020-01-01' + (i % 1000)::INTEGER AS dt,
  CASE WHEN i % 5 = 0 THEN NULL ELSE ('00000000-0000-4000-8000-' || lpad(i::VARCHAR, 12, '0'))::UUID END AS u,
  ('{"k":' || i || '}')::JSON AS j,
  (['x', 'y', 'z'][i % 3 + 1])::ENUM('x', 'y', 'z') AS e,
  (i / 100)::DECIMAL(12, 2) AS dec,
  i::HUGEINT * 1000000000000 AS h,
  [i, i + 1] AS li,
  {'a': i, 'b': 's' || i} AS st,
  MAP {'k': i} AS m,
  TIME '00:00:00' + to_seconds(i % 86400) AS tm,
  to_days((i % 30)::INTEGER) AS iv,
  (i % 200)::UTINYINT AS ut,
  ('b' || i)::BLOB AS bl
  FROM range(10000) r(i)`;

beforeAll(async () => {
  [native, wasm] = await Promise.all([createNativeEngine({ threads: 2 }), createNodeEngine()]);
  dir = mkdtempSync(path.join(tmpdir(), 'faultline-parquet-test-'));
  writeFileSync(at('arrow-types.parquet'), arrowTypesParquet());
  const writer = await DuckDBInstance.create(':memory:');
  const conn = await writer.connect();
  try {
    const to = (name: string, options = '') =>
      `TO ${quoteLiteral(at(name))} (FORMAT parquet${options})`;
    await conn.run(`CREATE TABLE g AS ${duckdbTypes}`);
    await conn.run(`COPY g ${to('duckdb-types.parquet', ', ROW_GROUP_SIZE 2048')}`);
    // Parts whose sorted names are not their rows' order; one gzip, one with a column more.
    mkdirSync(at('parts'));
    await conn.run(`COPY (SELECT * FROM g WHERE i >= 6000) ${to('parts/a.parquet')}`);
    await conn.run(`COPY (SELECT * FROM g WHERE i < 3000) ${to('parts/b.parquet')}`);
    await conn.run(
      `COPY (SELECT *, i % 2 = 0 AS extra FROM g WHERE i >= 3000 AND i < 6000) ${to('parts/c.parquet', ', COMPRESSION gzip')}`,
    );
    // A name with glob characters, which read_parquet would take as a pattern.
    await conn.run(`COPY (SELECT * FROM g WHERE i < 100) ${to('odd [1].parquet')}`);
    await conn.run(`COPY (SELECT i FROM range(1000000) r(i)) ${to('million.parquet')}`);
  } finally {
    conn.closeSync();
    writer.closeSync();
  }
});
afterAll(async () => {
  await Promise.all([native.close(), wasm.close()]);
});

describe('Parquet read by native DuckDB itself', () => {
  const files: [what: string, input: () => string, parts: number][] = [
    ['Arrow types written by parquet-wasm, in row groups', () => at('arrow-types.parquet'), 1],
    ['types written by DuckDB (UUID, JSON, ENUM, nested)', () => at('duckdb-types.parquet'), 1],
    ['the bundled production log', () => samplePath('data/production.parquet'), 1],
    ['a folder of parts', () => at('parts'), 3],
    ['a glob of parts', () => at('parts/*.parquet'), 3],
    ['a file named with glob characters', () => at('odd [1].parquet'), 1],
  ];

  it.each(files)('%s: the table Arrow batches make', async (_what, input, parts) => {
    const { spy, calls } = counted(native);
    const fast = await load(spy, input());
    expect(calls).toEqual({ reader: parts, batches: 0 });
    const slow = await load(batchesOnly(native), input());
    expect({ ...fast, table: '' }).toEqual({ ...slow, table: '' });
    expect(await contents(native, fast.table)).toEqual(await contents(native, slow.table));
  });

  it.each([
    ['Arrow types written by parquet-wasm', () => at('arrow-types.parquet')],
    ['the bundled production log', () => samplePath('data/production.parquet')],
  ])('%s: the table DuckDB-WASM makes', async (_what, input) => {
    const { spy, calls } = counted(native);
    const fast = await load(spy, input());
    expect(calls).toEqual({ reader: 1, batches: 0 });
    const expected = await load(wasm, input());
    expect(await contents(native, fast.table)).toEqual(await contents(wasm, expected.table));
  });

  it('reports rows read, then all of them', async () => {
    const seen: Progress[] = [];
    const file = at('million.parquet');
    await load(native, file, { onProgress: (p) => seen.push(p) });
    const rows = seen.filter((p) => p.unit === 'rows');
    expect(rows.length).toBeGreaterThan(0);
    for (const p of rows) expect(p).toMatchObject({ phase: `reading ${file}`, total: 1_000_000 });
    const done = rows.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(1_000_000);
  });

  it('stops when cancelled, leaves no table, and reads the next file', async () => {
    const controller = new AbortController();
    const before = tables;
    const loading = load(native, at('million.parquet'), {
      signal: controller.signal,
      // The first report comes once the read has started: cancelling interrupts it.
      onProgress: (p) => {
        if (p.unit === 'rows') controller.abort();
      },
    });
    await expect(loading).rejects.toMatchObject({ code: 'cancelled' });
    expect(await tableExists(native, `t${before}`)).toBe(false);
    expect((await load(native, at('odd [1].parquet'))).rows).toBe(100);
  });

  it('fails a file whose data is broken as malformed_parquet naming it, leaving no table', async () => {
    // The first page's header (right after the magic bytes) overwritten: the footer still reads.
    const broken = arrowTypesParquet();
    broken.fill(0, 4, 60);
    const file = at('broken.parquet');
    writeFileSync(file, broken);
    const before = tables;
    const failed = load(native, file);
    await expect(failed).rejects.toMatchObject({ code: 'malformed_parquet', file });
    const message = await failed.catch((e: Error) => e.message);
    expect(message).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a readable Parquet file \\(`,
      ),
    );
    expect(message).not.toMatch(/faultline-native-|read-\d+\.parquet/);
    expect(await tableExists(native, `t${before}`)).toBe(false);
  });

  it('reads through Arrow batches a file the engine’s reader turns down', async () => {
    const refusing: Engine = {
      ...native,
      async readParquet() {
        throw new FaultlineError({ code: 'engine', message: 'cannot' });
      },
    };
    const { spy, calls } = counted(refusing);
    const loaded = await load(spy, at('duckdb-types.parquet'));
    expect(calls.reader).toBe(1);
    expect(calls.batches).toBeGreaterThan(1);
    const slow = await load(batchesOnly(native), at('duckdb-types.parquet'));
    expect(await contents(native, loaded.table)).toEqual(await contents(native, slow.table));
  });

  it('reads bytes in memory through Arrow batches (only a path is read in place)', async () => {
    const { spy, calls } = counted(native);
    const source = await dataSourceFromPath(at('odd [1].parquet'));
    const bytes = await source.readRange(0, source.size);
    const loaded = await loadDataset(spy, [{ ...source, handle: { kind: 'bytes', bytes } }], {
      tableName: `t${tables++}`,
      codecs: nodeCodecs(),
    });
    expect(loaded.rows).toBe(100);
    expect(calls).toEqual({ reader: 0, batches: 1 });
  });

  it('takes a cancel before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      native.readParquet?.('never', at('odd [1].parquet'), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(await tableExists(native, 'never')).toBe(false);
  });
});
