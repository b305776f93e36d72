import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../sql/sql.ts';
import { readColumns, readScalar } from './arrow-columns.ts';
import { createNativeEngine } from './duckdb-native.node.ts';
import type { Engine } from './engine.ts';
import { engineContract } from './engine-contract.ts';

engineContract('native DuckDB (@duckdb/node-api)', createNativeEngine);

describe('native engine', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNativeEngine({ threads: 2 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('reads a registered name, not a file of that name in the working directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-cwd-'));
    writeFileSync(path.join(dir, 'same.csv'), 'a\nfrom the working directory\n');
    const linked = path.join(dir, 'linked.txt');
    writeFileSync(linked, 'a\nlinked\n');
    const before = process.cwd();
    process.chdir(dir);
    try {
      await engine.registerFile('same.csv', {
        kind: 'bytes',
        bytes: Buffer.from('a\nregistered\n'),
      });
      await engine.registerFile('other.csv', { kind: 'path', path: linked });
      const t = await engine.query(
        sql`SELECT (SELECT a FROM read_csv('same.csv')) AS x, (SELECT a FROM read_csv('other.csv')) AS y`,
      );
      expect(readColumns(t)).toEqual({ x: ['registered'], y: ['linked'] });
    } finally {
      process.chdir(before);
      await engine.dropFile('same.csv');
      await engine.dropFile('other.csv');
    }
    await expect(engine.query(sql`SELECT * FROM read_csv('other.csv')`)).rejects.toMatchObject({
      code: 'engine',
    });
  });

  it('names a registered file as registered in its errors', async () => {
    await engine.registerFile('bad.csv', { kind: 'bytes', bytes: Buffer.from('a,b\n1,2\n3\n') });
    const failed = engine.query(
      sql`SELECT * FROM read_csv('bad.csv', strict_mode = true, header = true, columns = {'a': 'INTEGER', 'b': 'INTEGER'})`,
    );
    await expect(failed).rejects.toMatchObject({ code: 'engine' });
    const message = await failed.catch((e: Error) => e.message);
    expect(message).toMatch(/bad\.csv/);
    expect(message).not.toContain(tmpdir());
    await engine.dropFile('bad.csv');
  });

  it('interrupts a running query when its signal aborts, and runs the next one', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const running = engine.query(sql`SELECT count(*) AS n FROM range(20000000000)`, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readScalar(await engine.query(sql`SELECT 42 AS n`))).toBe(42);
  });

  it('works in UTC whatever the machine’s zone, as DuckDB-WASM does', async () => {
    const zone = process.env.TZ;
    // Read when an instance starts: ICU in native DuckDB would take the machine's zone.
    process.env.TZ = 'America/New_York';
    const own = await createNativeEngine();
    try {
      const t = await own.query(
        sql`SELECT current_setting('TimeZone') AS z,
          CAST(TIMESTAMPTZ '2024-03-01 12:00:00+02' AS TIMESTAMP)::VARCHAR AS t`,
      );
      expect(readColumns(t)).toEqual({ z: ['UTC'], t: ['2024-03-01 10:00:00'] });
    } finally {
      await own.close();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('spills to a private folder under the temporary directory, removed on close', async () => {
    const own = await createNativeEngine();
    const spill = String(
      readScalar(await own.query(sql`SELECT current_setting('temp_directory') AS d`)),
    );
    expect(spill.startsWith(path.join(tmpdir(), 'faultline-native-'))).toBe(true);
    await own.close();
    expect(existsSync(path.dirname(spill))).toBe(false);
  });

  it('reports work that does not fit as out of memory, without DuckDB-WASM’s ceiling', async () => {
    const small = await createNativeEngine({ memoryLimit: '32MB', threads: 1 });
    try {
      const failed = small.query(sql`SELECT list(range) AS l FROM range(50000000)`);
      await expect(failed).rejects.toMatchObject({
        code: 'out_of_memory',
        message: expect.stringMatching(/^out of memory .*native DuckDB/),
      });
      expect(await failed.catch((e: Error) => e.message)).not.toMatch(/WASM|3 GiB/);
    } finally {
      await small.close();
    }
  });
});
