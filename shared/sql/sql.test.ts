import { describe, expect, it } from 'vitest';
import { ident, join, literal, sql } from './sql.ts';
import { quoteIdent, quoteLiteral } from './quote.ts';

const hostile = [
  'select',
  'p(fraud)',
  'a "quoted" name',
  "it's",
  'ü col',
  'a.b',
  '"; DROP TABLE x; --',
  'tab\there',
  '',
];

describe('quoteIdent', () => {
  it('doubles quotes and keeps dots and spaces inside one identifier', () => {
    expect(quoteIdent('a "b"')).toBe('"a ""b"""');
    expect(quoteIdent('a.b')).toBe('"a.b"');
    expect(quoteIdent('select')).toBe('"select"');
  });
  it('refuses NUL', () => {
    expect(() => quoteIdent('a\u0000b')).toThrow(/NUL/);
  });
});

describe('quoteLiteral', () => {
  it('doubles single quotes', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral("'; DROP TABLE x; --")).toBe("'''; DROP TABLE x; --'");
  });
});

describe('sql tag', () => {
  it('binds values and splices fragments', () => {
    const q = sql`SELECT ${ident('p(fraud)')} AS x FROM t WHERE ${ident('region')} = ${'EU'} AND n > ${3}`;
    expect(q.text).toBe('SELECT "p(fraud)" AS x FROM t WHERE "region" = ? AND n > ?');
    expect(q.params).toEqual(['EU', 3]);
  });
  it('keeps parameter order across nested fragments', () => {
    const where = sql`a = ${1} AND b = ${'two'}`;
    const q = sql`SELECT ${join([ident('a'), literal("x'y")])} FROM t WHERE ${where} LIMIT ${10}`;
    expect(q.text).toBe(`SELECT "a", 'x''y' FROM t WHERE a = ? AND b = ? LIMIT ?`);
    expect(q.params).toEqual([1, 'two', 10]);
  });
  it('binds fractional and huge numbers as exact text cast to DOUBLE', () => {
    const q = sql`SELECT ${0.1 + 0.2}, ${2 ** 60}, ${7}`;
    expect(q.text).toBe('SELECT CAST(? AS DOUBLE), CAST(? AS DOUBLE), ?');
    expect(q.params).toEqual(['0.30000000000000004', '1152921504606847000', 7]);
  });
  it('never puts a hostile value into the text', () => {
    for (const h of hostile) {
      const q = sql`SELECT * FROM t WHERE c = ${h}`;
      expect(q.text).toBe('SELECT * FROM t WHERE c = ?');
      expect(q.params).toEqual([h]);
    }
  });
});
