import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../errors.ts';
import { parseWhere } from './parse-where.ts';
import { describePredicates, type Predicate } from './predicate.ts';

function failure(text: string): FaultlineError {
  try {
    parseWhere(text);
  } catch (e) {
    if (e instanceof FaultlineError) return e;
    throw e;
  }
  throw new Error(`parsed without error: ${text}`);
}

describe('parseWhere', () => {
  it("reads CLI.md's own example", () => {
    expect(parseWhere("region = 'APAC' AND ts >= '2026-09-28'")).toEqual([
      { column: 'region', op: '=', value: 'APAC' },
      { column: 'ts', op: '>=', value: '2026-09-28' },
    ]);
  });

  it('reads hostile column names in double quotes and doubled quotes in text', () => {
    expect(parseWhere(`"we""ird col" = 'it''s'`)).toEqual([
      { column: 'we"ird col', op: '=', value: "it's" },
    ]);
    expect(parseWhere('"select" = 1')).toEqual([{ column: 'select', op: '=', value: 1 }]);
    expect(parseWhere(`"r\u00e9gion" = '\u00e9'`)).toEqual([
      { column: 'r\u00e9gion', op: '=', value: '\u00e9' },
    ]);
    expect(parseWhere(`"a.b" IN ('x', NULL)`)).toEqual([
      { column: 'a.b', op: 'IN', value: ['x', null] },
    ]);
    expect(parseWhere(`"'; DROP TABLE t; --" = '"; DROP TABLE t; --'`)).toEqual([
      { column: "'; DROP TABLE t; --", op: '=', value: '"; DROP TABLE t; --' },
    ]);
  });

  it('takes unicode letters in bare names and any SQL keyword that is not a grammar word', () => {
    expect(parseWhere("r\u00e9gion = 'x' AND select = 2 AND _n2 < 3")).toEqual([
      { column: 'r\u00e9gion', op: '=', value: 'x' },
      { column: 'select', op: '=', value: 2 },
      { column: '_n2', op: '<', value: 3 },
    ]);
  });

  it('reads every operator, <> as !=, and keywords in any case', () => {
    const ops = parseWhere(
      'a = 1 AND b != 2 AND c <> 3 AND d < 4 and e <= 5 And f > 6 AND g >= 7 AND h in (8)',
    );
    expect(ops.map((p) => p.op)).toEqual(['=', '!=', '!=', '<', '<=', '>', '>=', 'IN']);
    expect(parseWhere('a = null AND b = True AND c != false')).toEqual([
      { column: 'a', op: '=', value: null },
      { column: 'b', op: '=', value: true },
      { column: 'c', op: '!=', value: false },
    ]);
  });

  it('reads numbers: integers, decimals, negatives, exponents', () => {
    const values = parseWhere(
      'a = 0 AND b = 42 AND c = -7 AND d = 3.25 AND e = .5 AND f = -1.5e3 AND g = 2E-4 AND h = 1e+21',
    ).map((p) => p.value);
    expect(values).toEqual([0, 42, -7, 3.25, 0.5, -1500, 0.0002, 1e21]);
  });

  it('needs no spaces around operators and keeps text verbatim, keywords and all', () => {
    expect(parseWhere("a='x'AND b<=-2")).toEqual([
      { column: 'a', op: '=', value: 'x' },
      { column: 'b', op: '<=', value: -2 },
    ]);
    expect(parseWhere(`note = ' a AND b OR "c" (d), '' '`)).toEqual([
      { column: 'note', op: '=', value: ` a AND b OR "c" (d), ' ` },
    ]);
    expect(parseWhere("  x IN(  'a' ,'b',1 ,TRUE )  ")).toEqual([
      { column: 'x', op: 'IN', value: ['a', 'b', 1, true] },
    ]);
    expect(parseWhere('x IN ()')).toEqual([{ column: 'x', op: 'IN', value: [] }]);
  });

  it.each([
    ['', 1, /expected a predicate .* found no text/],
    ["region = 'APAC' AND ts >=", 26, /expected a value after '>=' \(a number, 'text', NULL/],
    ["region = 'APAC", 10, /unterminated text/],
    ['"region = 1', 1, /unterminated column name/],
    ["region == 'a'", 8, /unknown operator '=='/],
    ["a LIKE 'x%'", 3, /unknown operator LIKE/],
    ['a IS NULL', 3, /IS is not supported: write = NULL/],
    ['a = 1 OR b = 2', 7, /only AND is supported .* not OR/],
    ["a = 'x' extra", 9, /expected AND or the end of the input, found 'extra'/],
    ['a = 1 AND', 10, /expected a column name after AND/],
    ['a = APAC', 5, /text goes in single quotes: 'APAC'/],
    ['a = "APAC"', 5, /double quotes are for column names/],
    ['a.b = 1', 1, /a column name like a\.b goes in double quotes: "a\.b"/],
    ['my col = 1', 4, /expected an operator .* found 'col'/],
    ["a IN 'x'", 6, /expected '\(' after IN/],
    ["a IN ('x' 'y')", 11, /expected ',' or '\)' in the IN list, found 'y'/],
    ["a IN ('x',", 11, /expected a value after ','/],
    ["a IN ('x'", 10, /to close the IN list opened at position 6/],
    ['a < NULL', 5, /NULL can only be compared with = or !=/],
    ['n = 1e999', 5, /out of range/],
    ['n = 5abc', 5, /malformed number '5abc'/],
    ['and = 1', 1, /quote such a name: "and"/],
    ['"" = 1', 1, /cannot be empty/],
    ["'a' = 1", 1, /column names take double quotes/],
  ])('refuses %j at position %i', (text, pos, pattern) => {
    const e = failure(text);
    expect(e.code).toBe('bad_predicate');
    expect(e.message).toMatch(new RegExp(`^--where: at position ${pos}: `));
    expect(e.message).toMatch(pattern);
  });

  it('counts positions in characters, not UTF-16 units', () => {
    expect(failure('"\u{1F600}\u{1F600}" = 1 x').message).toMatch(/^--where: at position 10: /);
  });
});

describe('describePredicates → parseWhere round trip', () => {
  const hostile: Predicate[] = [
    { column: 'region', op: '=', value: 'APAC' },
    { column: 'we"ird col', op: '!=', value: "it's" },
    { column: 'select', op: '>=', value: -0.5 },
    { column: 'r\u00e9gion', op: '<', value: 1e21 },
    { column: 'a.b', op: 'IN', value: ['x', null, 3, false] },
    { column: "'; DROP TABLE t; --", op: '=', value: "'; DROP TABLE t; --" },
    { column: 'AND', op: '=', value: null },
    { column: 'tab\there', op: '!=', value: null },
    { column: '1st', op: '<=', value: 5e-324 },
    { column: 'empty_in', op: 'IN', value: [] },
    { column: 'flag', op: '=', value: true },
    { column: 'multi\nline', op: '>', value: 'a\nb AND c' },
    { column: 'ts', op: '>=', value: '2026-09-28 12:00:00' },
  ];

  it('parses back to the same predicates', () => {
    expect(parseWhere(describePredicates(hostile))).toEqual(hostile);
    for (const p of hostile) expect(parseWhere(describePredicates([p]))).toEqual([p]);
  });

  it('keeps the sign of -0', () => {
    const [back] = parseWhere(describePredicates([{ column: 'x', op: '=', value: -0 }]));
    expect(Object.is(back?.value, -0)).toBe(true);
  });

  it('gives canonical text back unchanged', () => {
    for (const text of [
      "region = 'APAC' AND ts >= '2026-09-28'",
      `"we""ird col" = 'it''s' AND "select" != NULL AND "a.b" IN ('x', NULL, 2)`,
    ]) {
      expect(describePredicates(parseWhere(text))).toBe(text);
    }
  });
});
