// Arrow IPC into native DuckDB (through Parquet) makes the table DuckDB-WASM's Arrow scan makes:
// the same column types, the same values, appends included.
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
  type Vector,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, table } from '../sql/sql.ts';
import { readColumns } from './arrow-columns.ts';
import { createNativeEngine } from './duckdb-native.node.ts';
import { createNodeEngine } from './duckdb.node.ts';
import type { Engine } from './engine.ts';
import { duckTypeOfArrow } from './native-ipc.node.ts';

let wasm: Engine;
let native: Engine;
beforeAll(async () => {
  [wasm, native] = await Promise.all([createNodeEngine(), createNativeEngine()]);
});
afterAll(async () => {
  await Promise.all([wasm.close(), native.close()]);
});

const day = 86_400_000;
const columns: Record<string, Vector> = {
  i8: vectorFromArray([1, null, -128], new Int8()),
  i16: vectorFromArray([1, null, -3], new Int16()),
  i32: vectorFromArray([1, null, -3], new Int32()),
  i64: vectorFromArray([9007199254740993n, null, -3n], new Int64()),
  u8: vectorFromArray([1, null, 255], new Uint8()),
  u16: vectorFromArray([1, null, 65535], new Uint16()),
  u32: vectorFromArray([1, null, 3], new Uint32()),
  u64: vectorFromArray([18446744073709551615n, null, 3n], new Uint64()),
  f32: vectorFromArray([1.5, null, NaN], new Float32()),
  f64: vectorFromArray([0.1, null, -Infinity], new Float64()),
  'text "quoted"': vectorFromArray(['a', null, 'ü ✓'], new Utf8()),
  large: vectorFromArray(['a', null, 'b'], new LargeUtf8()),
  b: vectorFromArray([true, null, false], new Bool()),
  d32: vectorFromArray([new Date(0), null, new Date(-day * 400)], new DateDay()),
  d64: vectorFromArray([new Date(day * 19000), null, new Date(-day)], new DateMillisecond()),
  ts_s: vectorFromArray([1_700_000_000_000, null, -1000], new TimestampSecond()),
  ts_ms: vectorFromArray([1_700_000_000_123, null, -1], new TimestampMillisecond()),
  ts_us: vectorFromArray([1_700_000_000_123, null, 0], new TimestampMicrosecond()),
  ts_ns: vectorFromArray([1_700_000_000_123, null, 0], new TimestampNanosecond()),
  ts_utc: vectorFromArray([1_700_000_000_123, null, 0], new TimestampMicrosecond('UTC')),
  ts_s_utc: vectorFromArray([1_700_000_000_000, null, 0], new TimestampSecond('UTC')),
  dict: vectorFromArray(['a', null, 'b'], new Dictionary(new Utf8(), new Int32())),
  list: vectorFromArray([[1.5], null, [2, 3]], new List(new Field('item', new Float64(), true))),
  bin: vectorFromArray([new Uint8Array([1]), null, new Uint8Array([2, 3])], new Binary()),
};
const ipc = tableToIPC(new Table(columns), 'stream');

async function described(engine: Engine, name: string) {
  return readColumns(await engine.query(sql`DESCRIBE ${table(name)}`));
}

describe('insertArrowIpc on the native engine', () => {
  it('makes the table DuckDB-WASM makes: column names, types and values', async () => {
    await wasm.insertArrowIpc('typed', ipc, { create: true });
    await native.insertArrowIpc('typed', ipc, { create: true });
    const w = await described(wasm, 'typed');
    expect(await described(native, 'typed')).toEqual(w);
    const all = sql`SELECT * FROM ${table('typed')}`;
    expect(readColumns(await native.query(all))).toEqual(readColumns(await wasm.query(all)));
  });

  it('appends in order when asked not to create', async () => {
    await native.insertArrowIpc('appended', ipc, { create: true });
    await native.insertArrowIpc('appended', ipc, { create: false });
    const t = await native.query(sql`SELECT i8, "text ""quoted""" AS s FROM ${table('appended')}`);
    expect(readColumns(t)).toEqual({
      i8: [1, null, -128, 1, null, -128],
      s: ['a', null, 'ü ✓', 'a', null, 'ü ✓'],
    });
  });

  it('maps each Arrow type to the DuckDB type of its Arrow scan', () => {
    expect(duckTypeOfArrow(new TimestampSecond())).toBe('TIMESTAMP_S');
    expect(duckTypeOfArrow(new TimestampMillisecond('Europe/Paris'))).toBe(
      'TIMESTAMP WITH TIME ZONE',
    );
    expect(duckTypeOfArrow(new Dictionary(new Utf8(), new Int32()))).toBe('VARCHAR');
    expect(duckTypeOfArrow(new List(new Field('x', new Int16(), true)))).toBe('SMALLINT[]');
  });

  it('reports a batch that is not Arrow as an engine error', async () => {
    await expect(
      native.insertArrowIpc('broken', new Uint8Array([1, 2, 3]), { create: true }),
    ).rejects.toMatchObject({ code: 'engine' });
  });
});
