import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { createNodeEngine } from '../engine/duckdb.node.ts';
import { readColumns, readRows } from '../engine/arrow-columns.ts';
import { FaultlineError } from '../errors.ts';
import { parseWhere } from './parse-where.ts';
import { describePredicates, predicateSql, type Predicate } from './predicate.ts';
import { ident, join, sql } from './sql.ts';

const DROP = "'; DROP TABLE t; --";

describe('predicateSql text and parameters', () => {
  it('gives true for no predicates', () => {
    const q = predicateSql([]);
    expect(q.text).toBe('true');
    expect(q.params).toEqual([]);
  });

  it('quotes the column and binds the value', () => {
    const q = predicateSql([{ column: 'region', op: '=', value: 'EU' }]);
    expect(q.text).toBe('"region" = ?');
    expect(q.params).toEqual(['EU']);
    expect(predicateSql([{ column: 'n', op: '!=', value: 3 }]).text).toBe('"n" <> ?');
  });

  it('turns = NULL and != NULL into IS NULL and IS NOT NULL', () => {
    const isNull = predicateSql([{ column: 'a', op: '=', value: null }]);
    expect([isNull.text, isNull.params]).toEqual(['"a" IS NULL', []]);
    const notNull = predicateSql([{ column: 'a', op: '!=', value: null }]);
    expect([notNull.text, notNull.params]).toEqual(['"a" IS NOT NULL', []]);
  });

  it('writes IN lists, with NULL as an IS NULL alternative and an empty list as false', () => {
    const plain = predicateSql([{ column: 'c', op: 'IN', value: ['x', 2, true] }]);
    expect([plain.text, plain.params]).toEqual(['"c" IN (?, ?, ?)', ['x', 2, true]]);
    const withNull = predicateSql([{ column: 'a.b', op: 'IN', value: ['x', null, 'y'] }]);
    expect(withNull.text).toBe('("a.b" IN (?, ?) OR "a.b" IS NULL)');
    expect(withNull.params).toEqual(['x', 'y']);
    expect(predicateSql([{ column: 'c', op: 'IN', value: [null] }]).text).toBe('"c" IS NULL');
    expect(predicateSql([{ column: 'c', op: 'IN', value: [] }]).text).toBe('false');
  });

  it('joins several predicates with AND inside parentheses, params in order', () => {
    const q = predicateSql([
      { column: 'we"ird col', op: '>=', value: '2026-09-28' },
      { column: 'select', op: '<', value: 1.5 },
      { column: 'flag', op: '=', value: null },
    ]);
    expect(q.text).toBe('("we""ird col" >= ? AND "select" < CAST(? AS DOUBLE) AND "flag" IS NULL)');
    expect(q.params).toEqual(['2026-09-28', '1.5']);
  });

  it('never puts a value into the text', () => {
    const q = predicateSql([
      { column: DROP, op: '=', value: DROP },
      { column: 'x', op: 'IN', value: [DROP, `"${DROP}`] },
    ]);
    expect(q.text).toBe(`("'; DROP TABLE t; --" = ? AND "x" IN (?, ?))`);
    expect(q.params).toEqual([DROP, DROP, `"${DROP}`]);
  });

  it.each<[string, unknown]>([
    ['NULL with <', { column: 'a', op: '<', value: null }],
    ['NaN', { column: 'a', op: '=', value: Number.NaN }],
    ['Infinity', { column: 'a', op: '>', value: Number.POSITIVE_INFINITY }],
    ['a list with =', { column: 'a', op: '=', value: ['x'] }],
    ['one value with IN', { column: 'a', op: 'IN', value: 'x' }],
    ['an unknown operator', { column: 'a', op: 'LIKE', value: 'x' }],
    ['an empty column', { column: '', op: '=', value: 1 }],
    ['an object value', { column: 'a', op: '=', value: { x: 1 } }],
  ])('refuses %s as bad_predicate', (_what, p) => {
    const list = [p] as unknown as Predicate[];
    expect(() => predicateSql(list)).toThrow(FaultlineError);
    expect(() => predicateSql(list)).toThrow(expect.objectContaining({ code: 'bad_predicate' }));
    expect(() => describePredicates(list)).toThrow(FaultlineError);
  });
});

describe('describePredicates', () => {
  it('writes the plain --where form', () => {
    expect(
      describePredicates([
        { column: 'region', op: '=', value: 'APAC' },
        { column: 'device', op: '=', value: 'android' },
      ]),
    ).toBe("region = 'APAC' AND device = 'android'");
    expect(describePredicates([])).toBe('');
  });

  it('quotes names that are not simple or are keywords, and text with doubled quotes', () => {
    expect(
      describePredicates([
        { column: 'Region_2', op: '!=', value: "it's" },
        { column: 'select', op: '<', value: -1.5 },
        { column: 'Time', op: '>=', value: '2026-09-28' },
        { column: 'we"ird col', op: '=', value: null },
        { column: 'r\u00e9gion', op: '=', value: true },
        { column: '1st', op: '>', value: 1e21 },
        { column: 'x', op: 'IN', value: ['a', 'b', null, 2] },
      ]),
    ).toBe(
      "Region_2 != 'it''s' AND \"select\" < -1.5 AND \"Time\" >= '2026-09-28' AND " +
        '"we""ird col" = NULL AND "r\u00e9gion" = TRUE AND "1st" > 1e+21 AND ' +
        "x IN ('a', 'b', NULL, 2)",
    );
  });
});

describe('predicateSql on DuckDB', () => {
  let engine: Engine;
  const columns = ['id', 'region', 'we"ird col', 'select', 'r\u00e9gion', 'a.b', 'ts', 'flag'];

  beforeAll(async () => {
    engine = await createNodeEngine();
    await engine.query(sql`CREATE TABLE t AS SELECT * FROM (VALUES
      (1, 'APAC', 'it''s',               1,    '\u00e9', 'x',  TIMESTAMP '2026-09-27 23:59:59', true),
      (2, 'EU',   'plain',               2,    'e',      NULL, TIMESTAMP '2026-09-28 00:00:00', false),
      (3, NULL,   NULL,                  NULL, NULL,     'y',  TIMESTAMP '2026-09-29 12:00:00', NULL),
      (4, 'APAC', '''; DROP TABLE t; --', 3,   '\u00e9', 'x',  NULL,                            true),
      (5, 'US',   'plain',               2.5,  'E',      'z',  TIMESTAMP '2026-10-01 08:00:00', false)
    ) AS v(${join(columns.map(ident))})`);
  });
  afterAll(async () => {
    await engine.close();
  });

  async function ids(predicates: Predicate[]): Promise<number[]> {
    const t = await engine.query(
      sql`SELECT id FROM t WHERE ${predicateSql(predicates)} ORDER BY id`,
    );
    return (readColumns(t).id ?? []).map(Number);
  }

  it('keeps every row for no predicates', async () => {
    expect(await ids([])).toEqual([1, 2, 3, 4, 5]);
  });

  it('compares text, with != leaving out null rows as SQL does', async () => {
    expect(await ids([{ column: 'region', op: '=', value: 'APAC' }])).toEqual([1, 4]);
    expect(await ids([{ column: 'region', op: '!=', value: 'APAC' }])).toEqual([2, 5]);
    expect(await ids([{ column: 'r\u00e9gion', op: '=', value: '\u00e9' }])).toEqual([1, 4]);
    expect(await ids([{ column: 'we"ird col', op: '=', value: "it's" }])).toEqual([1]);
  });

  it('selects null rows with = NULL and the rest with != NULL', async () => {
    expect(await ids([{ column: 'region', op: '=', value: null }])).toEqual([3]);
    expect(await ids([{ column: 'region', op: '!=', value: null }])).toEqual([1, 2, 4, 5]);
  });

  it('compares numbers and booleans', async () => {
    expect(await ids([{ column: 'select', op: '>=', value: 2 }])).toEqual([2, 4, 5]);
    expect(await ids([{ column: 'select', op: '<', value: 2.5 }])).toEqual([1, 2]);
    expect(await ids([{ column: 'select', op: '=', value: 2.5 }])).toEqual([5]);
    expect(await ids([{ column: 'flag', op: '=', value: false }])).toEqual([2, 5]);
    expect(await ids([{ column: 'flag', op: '!=', value: true }])).toEqual([2, 5]);
  });

  it('handles IN with NULL, only NULL, and an empty list', async () => {
    expect(await ids([{ column: 'a.b', op: 'IN', value: ['x', null] }])).toEqual([1, 2, 4]);
    expect(await ids([{ column: 'a.b', op: 'IN', value: ['y', 'z'] }])).toEqual([3, 5]);
    expect(await ids([{ column: 'a.b', op: 'IN', value: [null] }])).toEqual([2]);
    expect(await ids([{ column: 'a.b', op: 'IN', value: [] }])).toEqual([]);
    expect(await ids([{ column: 'select', op: 'IN', value: [1, 2.5] }])).toEqual([1, 5]);
  });

  it('compares a TIMESTAMP column with text values', async () => {
    expect(await ids([{ column: 'ts', op: '>=', value: '2026-09-28' }])).toEqual([2, 3, 5]);
    expect(await ids([{ column: 'ts', op: '<', value: '2026-09-28' }])).toEqual([1]);
    expect(await ids([{ column: 'ts', op: '=', value: '2026-09-28 00:00:00' }])).toEqual([2]);
    expect(await ids([{ column: 'ts', op: 'IN', value: ['2026-09-29 12:00:00', null] }])).toEqual([
      3, 4,
    ]);
  });

  it('ANDs several predicates, also next to OR in the caller', async () => {
    const p: Predicate[] = [
      { column: 'region', op: '=', value: 'APAC' },
      { column: 'ts', op: '!=', value: null },
    ];
    expect(await ids(p)).toEqual([1]);
    const t = await engine.query(
      sql`SELECT id FROM t WHERE ${ident('id')} = ${5} OR ${predicateSql(p)} ORDER BY id`,
    );
    expect(readColumns(t).id).toEqual([1, 5]);
  });

  it('runs parsed --where text end to end', async () => {
    expect(await ids(parseWhere("region = 'APAC' AND ts >= '2026-09-27'"))).toEqual([1]);
    expect(await ids(parseWhere(`"a.b" IN ('x', NULL) AND "select" > 1`))).toEqual([2, 4]);
    expect(await ids(parseWhere(`"we""ird col" = 'it''s'`))).toEqual([1]);
  });

  it('treats an injection attempt as plain data and leaves the table intact', async () => {
    expect(await ids([{ column: 'region', op: '=', value: DROP }])).toEqual([]);
    expect(await ids([{ column: 'region', op: 'IN', value: [DROP, `x${DROP}`] }])).toEqual([]);
    expect(await ids(parseWhere(`region = '''; DROP TABLE t; --'`))).toEqual([]);
    // The same text stored as data matches exactly, as any other value would.
    expect(await ids([{ column: 'we"ird col', op: '=', value: DROP }])).toEqual([4]);
    await expect(ids([{ column: DROP, op: '=', value: 1 }])).rejects.toMatchObject({
      code: 'engine',
    });
    const rows = readRows(await engine.query(sql`SELECT count(*)::INTEGER AS n FROM t`));
    expect(rows).toEqual([{ n: 5 }]);
  });
});
