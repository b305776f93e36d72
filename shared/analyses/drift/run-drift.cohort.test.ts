import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { parseWhere } from '../../sql/parse-where.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import type { DriftResult } from './drift-result.ts';
import type { DriftSpec } from './drift-spec.ts';
import { runDrift } from './run-drift.ts';

// Hostile names in the filter and the compared columns: a keyword, quotes and unicode, a space,
// an injection attempt, and names equal to aliases the queries use internally.
const SEGMENT = 'select';
const AMOUNT = 'my "col" ü';
const CITY = "it's; DROP TABLE co_ref; --";
const LABEL = 'value';
const PREDICTION = 'bin';
const TIME = 'when';

let engine: Engine;

const spec = (referenceTable: string, currentTable: string): DriftSpec => ({
  referenceTable,
  currentTable,
  columns: [
    { name: AMOUNT, kind: 'numeric', referenceType: 'DOUBLE', currentType: 'DOUBLE' },
    { name: CITY, kind: 'categorical', referenceType: 'VARCHAR', currentType: 'VARCHAR' },
    { name: SEGMENT, kind: 'categorical', referenceType: 'VARCHAR', currentType: 'VARCHAR' },
    {
      name: LABEL,
      kind: 'categorical',
      referenceType: 'INTEGER',
      currentType: 'INTEGER',
      role: 'label',
    },
  ],
  time: TIME,
  window: 'week',
  outcome: { label: LABEL, positive: '1', prediction: PREDICTION, score: null, threshold: 0.5 },
});

// The filter as a user types it, quoting every hostile name.
const WHERE = `"select" = 'A' AND "my ""col"" ü" >= 10 AND "${CITY.replaceAll('"', '""')}" != 'c2'`;

beforeAll(async () => {
  engine = await createNodeEngine();
  // 200 rows a side. Segment A (even i) is the same on both sides; in the current data segment B
  // (odd i) moves its amounts by 1000, its cities to a new one, and every row of B is an error.
  const columns = (shift: boolean) => sql`
    CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END AS ${ident(SEGMENT)},
    (i + ${shift ? 1000 : 0} * (i % 2))::DOUBLE AS ${ident(AMOUNT)},
    CASE WHEN ${shift} AND i % 2 = 1 THEN 'new' ELSE 'c' || (i % 3) END AS ${ident(CITY)},
    (i % 5 = 0)::INTEGER AS ${ident(LABEL)},
    CASE WHEN ${shift} AND i % 2 = 1 THEN 1 - (i % 5 = 0)::INTEGER
      ELSE (i % 10 = 0)::INTEGER END AS ${ident(PREDICTION)},
    TIMESTAMP '2026-01-05' + to_days((i % 21)::INTEGER) AS ${ident(TIME)}`;
  await engine.query(sql`CREATE TABLE ${table('co_ref')} AS
    SELECT ${columns(false)} FROM range(200) t(i)`);
  await engine.query(sql`CREATE TABLE ${table('co_cur')} AS
    SELECT ${columns(true)} FROM range(200) t(i)`);
  // The cohort's rows, cut by plain SQL: what the filtered analysis must see.
  for (const [from, to] of [
    ['co_ref', 'co_ref_a'],
    ['co_cur', 'co_cur_a'],
  ] as const) {
    await engine.query(sql`CREATE TABLE ${table(to)} AS SELECT * FROM ${table(from)}
      WHERE ${ident(SEGMENT)} = 'A' AND ${ident(AMOUNT)} >= 10 AND ${ident(CITY)} <> 'c2'`);
  }
});
afterAll(async () => {
  await engine.close();
});

describe('runDrift with a cohort filter (`where`) on both sides', () => {
  let filtered: DriftResult;
  let cut: DriftResult;
  beforeAll(async () => {
    filtered = await runDrift(engine, { ...spec('co_ref', 'co_cur'), where: parseWhere(WHERE) });
    cut = await runDrift(engine, spec('co_ref_a', 'co_cur_a'));
  });

  it('parses hostile names from --where text, and echoes the predicates', () => {
    expect(filtered.where).toEqual([
      { column: SEGMENT, op: '=', value: 'A' },
      { column: AMOUNT, op: '>=', value: 10 },
      { column: CITY, op: '!=', value: 'c2' },
    ]);
    expect(cut).not.toHaveProperty('where');
  });

  it('counts the cohort rows: even i from 10, city not c2 (i % 3 != 2)', () => {
    const rows = Array.from({ length: 200 }, (_, i) => i).filter(
      (i) => i % 2 === 0 && i >= 10 && i % 3 !== 2,
    ).length;
    expect(rows).toBe(64);
    expect(filtered.reference.rows).toBe(rows);
    expect(filtered.current.rows).toBe(rows);
    expect(filtered.impact?.rows).toBe(rows);
    expect(filtered.timeline?.reduce((s, w) => s + w.rows, 0)).toBe(rows);
  });

  it('equals the analysis of the rows plain SQL cut, in every part: stats, timeline, impact', () => {
    const withoutWhere = ({ where: _w, ...rest }: DriftResult) => rest;
    expect(withoutWhere(filtered)).toEqual(cut);
    // Segment A is identical on both sides, so nothing drifts and every row is correct but
    // the label-1 rows the prediction misses.
    for (const c of filtered.columns) expect(c.psi, c.name).toBe(0);
    expect(filtered.columns[1]?.new_categories).toEqual([]);
  });

  it('without the filter, segment B drifts (so the filter, not the data, made it stable)', async () => {
    const all = await runDrift(engine, spec('co_ref', 'co_cur'));
    expect(all.reference.rows).toBe(200);
    expect(all.columns[0]?.drifted).toBe(true);
    expect(all.columns[1]?.new_categories.map((v) => v.value)).toEqual(['new']);
  });

  it('an empty cohort on one side gives a row count of 0 and nulls, never NaN', async () => {
    const r = await runDrift(engine, {
      ...spec('co_ref', 'co_cur'),
      where: parseWhere(`"my ""col"" ü" > 1000`),
    });
    expect(r.reference.rows).toBe(0);
    expect(r.current.rows).toBeGreaterThan(0);
    expect(r.columns.map((c) => c.psi)).toEqual([null, null, null, null]);
    expect(r.columns[0]?.reason).toBe('not compared: no rows in the reference data');
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});
