import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Engine } from './engine.ts';
import { ident, join, sql, table } from '../sql/sql.ts';
import { readColumns } from './arrow-columns.ts';

/**
 * The suite every Engine must pass (Node now, the browser worker with the app), so the SQL the
 * core writes behaves the same on both.
 */
export function engineContract(name: string, create: () => Promise<Engine>): void {
  describe(`Engine contract: ${name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await create();
    });
    afterAll(async () => {
      await engine.close();
    });

    it('binds parameters of every value type', async () => {
      const t = await engine.query(
        sql`SELECT ${41}::DOUBLE + 1 AS n, ${"it's"} AS s, ${true} AS b, ${null}::VARCHAR AS z`,
      );
      expect(readColumns(t)).toEqual({ n: [42], s: ["it's"], b: [true], z: [null] });
    });

    it('binds every number exactly, past 16 digits and 2^53', async () => {
      for (const x of [123456789.12345679, 0.1 + 0.2, 5e-324, -1.7976931348623157e308, 2 ** 60]) {
        const t = await engine.query(sql`SELECT ${x} AS x, ${x} = ${String(x)}::DOUBLE AS same`);
        expect(readColumns(t)).toEqual({ x: [x], same: [true] });
      }
    });

    it('keeps hostile column names exact through quoting', async () => {
      const names = ['select', 'a "quoted" name', "it's", 'ü col', 'a.b', 'p(fraud)'];
      const cols = names.map((n, i) => sql`${i}::INTEGER AS ${ident(n)}`);
      await engine.query(sql`CREATE OR REPLACE TABLE ${table('hostile')} AS SELECT ${join(cols)}`);
      const t = await engine.query(sql`SELECT * FROM ${table('hostile')}`);
      expect(t.schema.fields.map((f) => f.name)).toEqual(names);
      const one = await engine.query(
        sql`SELECT ${ident('a "quoted" name')} AS v FROM ${table('hostile')}`,
      );
      expect(readColumns(one).v).toEqual([1]);
    });

    it('reads a registered file through a table function', async () => {
      const bytes = new TextEncoder().encode('a,b\n1,x\n2,y\n');
      await engine.registerFile('contract.csv', { kind: 'bytes', bytes });
      const t = await engine.query(
        sql`SELECT sum(a)::DOUBLE AS s, string_agg(b, '') AS b FROM read_csv('contract.csv')`,
      );
      expect(readColumns(t)).toEqual({ s: [3], b: ['xy'] });
      await engine.dropFile('contract.csv');
    });

    it('reports SQL errors as engine errors with DuckDB text', async () => {
      await expect(engine.query(sql`SELECT * FROM no_such_table_here`)).rejects.toMatchObject({
        code: 'engine',
        message: expect.stringMatching(/no_such_table_here/),
      });
    });

    it('refuses to start a query once cancelled', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(
        engine.query(sql`SELECT 1`, { signal: controller.signal }),
      ).rejects.toMatchObject({
        code: 'cancelled',
      });
    });

    it('never reaches for the network for extensions', async () => {
      const t = await engine.query(
        sql`SELECT current_setting('autoload_known_extensions') AS a, current_setting('autoinstall_known_extensions') AS i`,
      );
      expect(readColumns(t)).toEqual({ a: [false], i: [false] });
    });
  });
}
