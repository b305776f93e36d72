// `--engine native` must give what `--engine wasm` gives: every command's JSON on the bundled
// samples, the files `fixtures` writes, and the errors bad input gets.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Table, TimestampSecond, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine } from '../shared/engine/duckdb-native.node.ts';
import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import type { Engine } from '../shared/engine/engine.ts';
import { parquet } from '../shared/engine/parquet.node.ts';
import { FaultlineError } from '../shared/errors.ts';
import { cliRun } from '../test-support/run-cli.ts';
import { samplePath } from '../test-support/samples.ts';
import { inspectCommand } from './commands/inspect.ts';

const training = samplePath('data/training.parquet');
const production = samplePath('data/production.parquet');
const productionCsv = samplePath('data/production.csv');
const canary = samplePath('data/canary.parquet');

/**
 * Where `a` and `b` differ, as paths. Numbers may differ by 1e-9 relative: native DuckDB sums
 * with several threads, so a float aggregate's order of additions (and its last bits) can differ
 * from DuckDB-WASM's single thread. Everything else (text, booleans, nulls, keys, array lengths,
 * the order of rows) must be exactly equal.
 */
function differences(a: unknown, b: unknown, at = '$'): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    const scale = Math.max(Math.abs(a), Math.abs(b));
    return a === b || Math.abs(a - b) <= 1e-9 * scale ? [] : [`${at}: ${a} ≠ ${b}`];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${at}: ${a.length} items ≠ ${b.length}`];
    return a.flatMap((x, i) => differences(x, b[i], `${at}[${i}]`));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.join('\u0000') !== keysB.join('\u0000')) {
      return [`${at}: keys ${keysA.join(',')} ≠ ${keysB.join(',')}`];
    }
    return keysA.flatMap((k) =>
      differences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${at}.${k}`,
      ),
    );
  }
  return Object.is(a, b) ? [] : [`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}

/** A table as Parquet the way parquet-wasm writes it, in row groups of `groupRows`. */
function parquetOf(rows: Table, groupRows: number): Uint8Array {
  const pq = parquet();
  const properties = new pq.WriterPropertiesBuilder().setMaxRowGroupSize(groupRows).build();
  return pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(rows, 'stream')), properties);
}

/** One command run with each engine: exit codes, stderr and the parsed JSON side by side. */
async function bothEngines(...argv: string[]) {
  const wasm = await cliRun(...argv, '--engine', 'wasm');
  const native = await cliRun('--engine', 'native', ...argv);
  return { wasm, native };
}

const commands: [name: string, argv: string[]][] = [
  ['inspect (CSV)', ['inspect', productionCsv]],
  ['inspect (Parquet)', ['inspect', training]],
  ['drift', ['drift', '--reference', training, '--current', production, '--window', 'week']],
  [
    'performance --by region',
    ['performance', '--log', production, '--reference', training, '--by', 'region'],
  ],
  ['calibration', ['calibration', '--log', production, '--reference', training, '--by', 'region']],
  ['slices', ['slices', '--log', production, '--reference', training]],
  ['canary', ['canary', '--log', canary, '--baseline-version', 'v1', '--canary-version', 'v2']],
];

describe('--engine native gives the results --engine wasm gives, on the bundled samples', () => {
  it.each(commands)('%s', async (_name, argv) => {
    const { wasm, native } = await bothEngines(...argv, '--json');
    expect(wasm.stderr).toBe('');
    expect(native.stderr).toBe('');
    expect(native.code).toBe(wasm.code);
    expect(differences(JSON.parse(wasm.stdout), JSON.parse(native.stdout))).toEqual([]);
  });

  it('fixtures writes the same rows (JSON lines and Parquet) and manifest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-agree-'));
    const out = (engine: string) => path.join(dir, engine);
    const args = (engine: string) => [
      'fixtures',
      '--log',
      production,
      '--confident-errors',
      '25',
      '--name',
      'errors',
      '--out',
      out(engine),
      '--engine',
      engine,
    ];
    const wasm = await cliRun(...args('wasm'));
    const native = await cliRun(...args('native'));
    expect([wasm.code, wasm.stderr]).toEqual([0, '']);
    expect([native.code, native.stderr]).toEqual([0, '']);
    for (const file of ['rows.jsonl', 'rows.parquet', 'manifest.json']) {
      expect(readFileSync(path.join(out('native'), file))).toEqual(
        readFileSync(path.join(out('wasm'), file)),
      );
    }
  });
});

describe('--engine native reads every format and reports bad input as --engine wasm does', () => {
  let dir: string;
  // One engine of each kind for these files: starting DuckDB-WASM costs more than any of them.
  // One case runs through the CLI, exit code and all.
  let wasm: Promise<Engine>;
  let native: Promise<Engine>;
  const write = (name: string, data: string | Uint8Array) =>
    writeFileSync(path.join(dir, name), data);
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'faultline-agree-files-'));
    const rows = Array.from({ length: 40 }, (_, i) => ({
      id: `r${i}`,
      at: `2026-0${1 + (i % 3)}-1${i % 10}T0${i % 10}:30:00${i % 2 ? '+02:00' : 'Z'}`,
      score: i / 40,
      label: i % 3 === 0 ? 1 : 0,
      region: ['EU', 'NA', 'ü APAC'][i % 3],
      amount: i % 7 === 0 ? null : i * 1.25,
    }));
    const csv = (sep: string) =>
      [Object.keys(rows[0] ?? {}).join(sep), ...rows.map((r) => Object.values(r).join(sep))]
        .join('\n')
        .concat('\n');
    write('offsets.csv', csv(','));
    write('tabs.tsv', csv('\t'));
    write('zipped.csv.gz', gzipSync(csv(',')));
    write('lines.jsonl', rows.map((r) => JSON.stringify({ ...r, tags: [r.region] })).join('\n'));
    write('array.json', JSON.stringify(rows));
    const arrow = tableToIPC(
      tableFromArrays({
        id: rows.map((r) => r.id),
        score: Float64Array.from(rows, (r) => r.score),
        label: Int32Array.from(rows, (r) => r.label),
      }),
      'file',
    );
    write('table.arrow', arrow);
    // Parquet as parquet-wasm writes it (Date64 and second timestamps stored as plain integers),
    // in row groups; then parts of a folder, the second with a column more.
    const typed = tableFromArrays({
      id: rows.map((r) => r.id),
      score: Float64Array.from(rows, (r) => r.score),
      day: rows.map((r) => new Date(Date.parse(r.at))),
    });
    const at = vectorFromArray(
      rows.map((r) => Date.parse(r.at)),
      new TimestampSecond(),
    );
    write('table.parquet', parquetOf(typed.assign(new Table({ at })), 16));
    write('no-rows.parquet', parquetOf(typed.slice(0, 0), 16));
    write('truncated.parquet', parquetOf(typed, 16).slice(0, -100));
    mkdirSync(path.join(dir, 'parquet-parts'));
    writeFileSync(path.join(dir, 'parquet-parts', 'a.parquet'), parquetOf(typed.slice(20), 7));
    writeFileSync(
      path.join(dir, 'parquet-parts', 'b.parquet'),
      parquetOf(typed.slice(0, 20).assign(new Table({ at: at.slice(0, 20) })), 7),
    );
    mkdirSync(path.join(dir, 'parts'));
    writeFileSync(path.join(dir, 'parts', 'a.csv'), 'k,v\n1,2\n');
    writeFileSync(path.join(dir, 'parts', 'b.csv'), 'k,v,w\n3,4.5,x\n');

    write('empty.csv', '');
    write('header-only.csv', 'a,b\n');
    write('ragged.csv', 'a,b\n1,2\n3,4\n5\n6,7\n');
    // Past the sniffer's sample, a value its type cannot hold.
    const numbers = Array.from({ length: 30_000 }, (_, i) => `${i},${i % 7}`);
    write('late-text.csv', ['a,b', ...numbers, 'oops,3', ''].join('\n'));
    write('fake.parquet', 'a,b\n1,2\n');
    write('fake.csv.gz', 'a,b\n1,2\n');
    write('bad.jsonl', '{"a": 1}\n{"a": \n');
    wasm = createNodeEngine();
    native = createNativeEngine();
  });
  afterAll(async () => {
    await Promise.all([wasm, native].map(async (e) => (await e).close()));
  });

  const inspect = (engine: Promise<Engine>, file: string) =>
    inspectCommand(() => engine, [path.join(dir, file), '--json']).then(
      (out) => ({ json: out.json as unknown }),
      (e: unknown) => ({ error: e instanceof FaultlineError ? e.toData() : String(e) }),
    );

  it.each([
    'offsets.csv',
    'tabs.tsv',
    'zipped.csv.gz',
    'lines.jsonl',
    'array.json',
    'table.arrow',
    'parts',
    'table.parquet',
    'parquet-parts',
  ])('inspect %s', async (file) => {
    const expected = await inspect(wasm, file);
    expect(expected).toHaveProperty('json');
    const found = await inspect(native, file);
    expect(differences(expected, found)).toEqual([]);
  });

  it.each([
    'missing.csv',
    'empty.csv',
    'header-only.csv',
    'ragged.csv',
    'late-text.csv',
    'fake.parquet',
    'no-rows.parquet',
    'truncated.parquet',
    'fake.csv.gz',
    'bad.jsonl',
  ])('the error for %s', async (file) => {
    const expected = await inspect(wasm, file);
    expect(expected).toMatchObject({
      error: { code: expect.any(String), file: path.join(dir, file) },
    });
    expect(await inspect(native, file)).toEqual(expected);
  });

  it('exits 2 with the same line on stderr', async () => {
    const { wasm, native } = await bothEngines('inspect', path.join(dir, 'ragged.csv'));
    expect(wasm.code).toBe(2);
    expect(wasm.stderr).toMatch(/ragged\.csv: line 4 has 1 fields/);
    expect([native.code, native.stderr]).toEqual([wasm.code, wasm.stderr]);
  });
});
