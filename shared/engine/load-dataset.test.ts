import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { createNodeEngine } from './duckdb.node.ts';
import { dataSourceFromPath, expandInput, nodeCodecs } from './node-sources.node.ts';
import { loadDataset } from './load-dataset.ts';
import { parquet } from './parquet.node.ts';
import type { Engine } from './engine.ts';
import { readRows } from './arrow-columns.ts';
import { ident, sql, table } from '../sql/sql.ts';

const require = createRequire(import.meta.url);
const pq = parquet();

let engine: Engine;
let dir: string;
let counter = 0;

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function load(...paths: string[]) {
  const files = (await Promise.all(paths.map(expandInput))).flat();
  const sources = await Promise.all(files.map(dataSourceFromPath));
  return loadDataset(engine, sources, { tableName: `t${counter++}`, codecs: nodeCodecs() });
}

function sampleArrow(): Table {
  return new Table({
    amount: vectorFromArray([1.5, 2.5, null], new Float64()),
    region: vectorFromArray(['EU', 'APAC', 'EU'], new Utf8()),
  });
}

beforeAll(async () => {
  engine = await createNodeEngine();
  dir = mkdtempSync(path.join(tmpdir(), 'faultline-load-'));
});
afterAll(async () => {
  await engine.close();
});

describe('loadDataset: formats', () => {
  it('reads CSV with types detected and quoting honoured', async () => {
    const ds = await load(
      file(
        'a.csv',
        'id,amount,note,ts\n1,2.5,"a, quoted ""note""",2026-09-01 10:00:00\n2,3.5,plain,2026-09-02 11:00:00\n',
      ),
    );
    expect(ds.rows).toBe(2);
    expect(ds.format).toBe('csv');
    expect(ds.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'amount', type: 'DOUBLE' },
      { name: 'note', type: 'VARCHAR' },
      { name: 'ts', type: 'TIMESTAMP' },
    ]);
    const rows = readRows(await engine.query(sql`SELECT note FROM ${table(ds.table)} ORDER BY id`));
    expect(rows[0]?.note).toBe('a, quoted "note"');
  });

  it('reads TSV and semicolon CSV', async () => {
    const tsv = await load(file('b.tsv', 'x\ty\n1\tfoo\n2\tbar\n'));
    expect(tsv.columns.map((c) => c.name)).toEqual(['x', 'y']);
    const semi = await load(file('c.csv', 'x;y\n1;2\n3;4\n'));
    expect(semi.columns.map((c) => c.name)).toEqual(['x', 'y']);
    expect(semi.rows).toBe(2);
  });

  it('keeps hostile column names exactly and warns about duplicates', async () => {
    const ds = await load(file('h.csv', 'select,"we""ird",ü col,a.b,dup,dup\n1,2,3,4,5,6\n'));
    expect(ds.columns.map((c) => c.name)).toEqual([
      'select',
      'we"ird',
      'ü col',
      'a.b',
      'dup',
      'dup_1',
    ]);
    expect(ds.warnings).toEqual([
      expect.objectContaining({ code: 'duplicate_column_name', column: 'dup_1' }),
    ]);
    const rows = readRows(
      await engine.query(sql`SELECT ${ident('we"ird')} AS v FROM ${table(ds.table)}`),
    );
    expect(rows[0]?.v).toBe(2);
  });

  it('reads gzip CSV and gzip JSON lines', async () => {
    const csv = await load(file('g.csv.gz', gzipSync('a,b\n1,2\n3,4\n')));
    expect(csv.rows).toBe(2);
    expect(csv.files[0]?.gzip).toBe(true);
    const jl = await load(file('g.jsonl.gz', gzipSync('{"a":1}\n{"a":2}\n{"a":3}\n')));
    expect(jl.rows).toBe(3);
  });

  it('reads JSON lines and JSON arrays with ISO timestamps as TIMESTAMP', async () => {
    const jl = await load(
      file(
        'j.jsonl',
        '{"a":1,"b":"x","t":"2026-09-01T10:00:00Z","n":{"k":1}}\n\n{"a":2.5,"b":null,"t":"2026-09-02 11:00:00"}\n',
      ),
    );
    expect(jl.columns).toEqual([
      { name: 'a', type: 'DOUBLE' },
      { name: 'b', type: 'VARCHAR' },
      { name: 't', type: 'TIMESTAMP' },
      { name: 'n', type: 'VARCHAR' },
    ]);
    const arr = await load(file('j.json', '[{"ok":true,"v":1},{"ok":false,"v":2}]'));
    expect(arr.columns).toEqual([
      { name: 'ok', type: 'BOOLEAN' },
      { name: 'v', type: 'DOUBLE' },
    ]);
  });

  it('reads Parquet through parquet-wasm', async () => {
    const bytes = pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(sampleArrow(), 'stream')));
    const ds = await load(file('p.parquet', bytes));
    expect(ds.rows).toBe(3);
    expect(ds.columns).toEqual([
      { name: 'amount', type: 'DOUBLE' },
      { name: 'region', type: 'VARCHAR' },
    ]);
  });

  it('reads Parquet one row group at a time, counting rows as they arrive', async () => {
    const n = 2500;
    const arrow = new Table({
      i: vectorFromArray(
        Array.from({ length: n }, (_, k) => k),
        new Float64(),
      ),
    });
    const props = new pq.WriterPropertiesBuilder().setMaxRowGroupSize(1000).build();
    const bytes = pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(arrow, 'stream')), props);
    const source = await dataSourceFromPath(file('groups.parquet', bytes));
    const seen: { done: number; total?: number; unit?: string }[] = [];
    const ds = await loadDataset(
      engine,
      [source],
      { tableName: `t${counter++}`, codecs: nodeCodecs() },
      { onProgress: (p) => seen.push(p) },
    );
    expect(ds.rows).toBe(n);
    const rows = seen.filter((p) => p.unit === 'rows').map(({ done, total }) => ({ done, total }));
    expect(rows).toEqual([
      { done: 1000, total: n },
      { done: 2000, total: n },
      { done: 2500, total: n },
    ]);
    const sum = await engine.query(sql`SELECT sum(i)::DOUBLE AS s FROM ${table(ds.table)}`);
    expect(readRows(sum)).toEqual([{ s: (n * (n - 1)) / 2 }]);
  });

  it('reads Arrow IPC in file and stream format', async () => {
    const f = await load(file('x.arrow', tableToIPC(sampleArrow(), 'file')));
    const s = await load(file('x.arrows', tableToIPC(sampleArrow(), 'stream')));
    expect(f.rows).toBe(3);
    expect(s.rows).toBe(3);
    expect(f.columns).toEqual(s.columns);
  });

  it('reads a folder and a glob as one dataset, united by column name', async () => {
    const sub = path.join(dir, 'logs');
    require('node:fs').mkdirSync(sub);
    writeFileSync(path.join(sub, 'week1.csv'), 'a,b\n1,x\n2,y\n');
    writeFileSync(path.join(sub, 'week2.csv'), 'b,a,c\nz,3,true\n');
    writeFileSync(path.join(sub, 'notes.md'), '# not data');
    const folder = await load(sub);
    expect(folder.rows).toBe(3);
    expect(folder.files.map((f) => path.basename(f.name))).toEqual(['week1.csv', 'week2.csv']);
    expect(folder.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    const glob = await load(path.join(sub, 'week*.csv'));
    expect(glob.rows).toBe(3);
  });
});

describe('loadDataset: bad input gets one clear error naming the file', () => {
  const cases: [string, string | Uint8Array, string, RegExp][] = [
    ['empty.csv', '', 'empty_file', /empty\.csv: the file is empty/],
    ['blank.csv', '\n\n  \n', 'empty_file', /blank\.csv: the file holds only blank space/],
    ['header-only.csv', 'a,b,c\n', 'no_rows', /header-only\.csv: no data rows \(only a header\)/],
    [
      'garbage.csv',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]),
      'not_text',
      /garbage\.csv: binary data, not UTF-8 text/,
    ],
    [
      'ragged.csv',
      'a,b\n1,2\n3,4,5\n6,7\n',
      'ragged_row',
      /ragged\.csv: line 3 has 3 fields, the header has 2/,
    ],
    ['zero.csv.gz', '', 'empty_file', /zero\.csv\.gz: the file is empty/],
    [
      'notgz.csv.gz',
      'a,b\n1,2\n',
      'malformed_gzip',
      /notgz\.csv\.gz: named \.gz but not a gzip file/,
    ],
    ['bad.jsonl', '{"a":1}\n{"a":2,\n', 'malformed_json', /bad\.jsonl: line 2 is not valid JSON/],
    [
      'mixed.jsonl',
      '{"a":1,"b":"x"}\n{"a":"oops","b":"y"}\n',
      'mixed_types',
      /mixed\.jsonl: column "a" mixes types: line 2 has a string \("oops"\) where line 1 has a number/,
    ],
    ['scalar.json', '[1,2,3]', 'malformed_json', /scalar\.json: element 1 is not an object/],
    [
      'trunc.arrow',
      new Uint8Array([0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0, 1, 2, 3]),
      'malformed_arrow',
      /trunc\.arrow: not a readable Arrow IPC file/,
    ],
  ];
  for (const [name, content, code, message] of cases) {
    it(`${name} → ${code}`, async () => {
      await expect(load(file(name, content))).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
    });
  }

  it('a ragged row deep in a large file names its line', async () => {
    let text = 'a,b\n';
    for (let i = 0; i < 30_000; i++) text += `${i},${i % 7}\n`;
    text += '1,2,3\n';
    await expect(load(file('deep.csv', text))).rejects.toMatchObject({
      code: 'ragged_row',
      line: 30_002,
      message: expect.stringMatching(/deep\.csv: line 30002 has 3 fields, the header has 2/),
    });
  });

  it('a truncated Parquet file', async () => {
    const bytes = pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(sampleArrow(), 'stream')));
    await expect(
      load(file('trunc.parquet', bytes.subarray(0, bytes.length - 20))),
    ).rejects.toMatchObject({
      code: 'malformed_parquet',
      message: expect.stringMatching(/trunc\.parquet: not a readable Parquet file/),
    });
  });

  it('a truncated gzip file', async () => {
    const gz = gzipSync('a,b\n' + '1,2\n'.repeat(1000));
    await expect(load(file('cut.jsonl.gz', gz.subarray(0, 30)))).rejects.toMatchObject({
      code: 'malformed_gzip',
    });
  });

  it('a missing file', async () => {
    await expect(load(path.join(dir, 'nope.csv'))).rejects.toMatchObject({
      code: 'file_not_found',
      message: expect.stringMatching(/nope\.csv: cannot read \(ENOENT\)/),
    });
  });

  it('files of one shape are appended, and a wider number type widens the column', async () => {
    const same = await load(file('s1.csv', 'a,b\n1,x\n'), file('s2.csv', 'a,b\n2,y\n3,z\n'));
    expect(same.rows).toBe(3);
    expect(same.columns).toEqual([
      { name: 'a', type: 'BIGINT' },
      { name: 'b', type: 'VARCHAR' },
    ]);
    const wide = await load(file('w1.csv', 'a\n1\n'), file('w2.csv', 'a\n2.5\n'));
    expect(wide.columns).toEqual([{ name: 'a', type: 'DOUBLE' }]);
    const rows = readRows(await engine.query(sql`SELECT a FROM ${table(wide.table)} ORDER BY a`));
    expect(rows.map((r) => r.a)).toEqual([1, 2.5]);
  });

  it('files whose columns disagree on type', async () => {
    const a = file('t1.csv', 'a,b\n1,x\n');
    const b = file('t2.csv', 'a,b\nfoo,y\n');
    await expect(load(a, b)).rejects.toMatchObject({ code: 'schema_mismatch', column: 'a' });
  });

  it('leaves no table behind after a failed load', async () => {
    const before = readRows(
      await engine.query(sql`SELECT count(*)::DOUBLE AS n FROM duckdb_tables()`),
    )[0]?.n;
    await expect(
      load(file('x1.csv', 'a\n1\n'), file('x2.csv', 'a,b\n1,2\n3\n')),
    ).rejects.toMatchObject({ code: 'ragged_row', file: expect.stringMatching(/x2\.csv$/) });
    const after = readRows(
      await engine.query(sql`SELECT count(*)::DOUBLE AS n FROM duckdb_tables()`),
    )[0]?.n;
    expect(after).toBe(before);
  });
});
