import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/duckdb.node.ts';
import { readRows } from '../engine/arrow-columns.ts';
import type { Engine } from '../engine/engine.ts';
import { ident, sql, table } from '../sql/sql.ts';
import {
  DAY_WINDOW_MAX_DAYS,
  WEEK_WINDOW_MAX_DAYS,
  chooseWindow,
  readTimeSpan,
  timeSpanQuery,
  windowStartSql,
} from './windows.ts';

const DAY = 86_400_000;
const span = (days: number) => ({
  start: Date.UTC(2026, 0, 1),
  end: Date.UTC(2026, 0, 1) + days * DAY,
});
const TIME = 'when "ts"; --';

let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
  // 2026-10-05 is a Monday, 2026-10-11 a Sunday, 2026-10-12 the next Monday.
  await engine.query(sql`CREATE TABLE ${table('w_t')} AS SELECT * FROM (VALUES
    (TIMESTAMP '2026-10-05 00:00:00'), (TIMESTAMP '2026-10-11 23:59:59.999'),
    (TIMESTAMP '2026-10-12 00:00:00'), (TIMESTAMP '2026-10-01 00:00:00'),
    (TIMESTAMP '2026-09-30 23:59:59'), (NULL)) v(${ident(TIME)})`);
});
afterAll(async () => {
  await engine.close();
});

describe('chooseWindow: roughly 8 to 60 windows', () => {
  it('days up to 6 weeks, weeks up to 52 weeks, months beyond', () => {
    expect(chooseWindow(null)).toBe('day');
    expect(chooseWindow(span(0))).toBe('day');
    expect(chooseWindow(span(DAY_WINDOW_MAX_DAYS))).toBe('day');
    expect(chooseWindow(span(DAY_WINDOW_MAX_DAYS + 0.01))).toBe('week');
    expect(chooseWindow(span(56))).toBe('week');
    expect(chooseWindow(span(WEEK_WINDOW_MAX_DAYS))).toBe('week');
    expect(chooseWindow(span(WEEK_WINDOW_MAX_DAYS + 1))).toBe('month');
    // The thresholds' window counts: at most 43 days, 7 to 53 weeks, 12 or more months.
    expect(DAY_WINDOW_MAX_DAYS + 1).toBeLessThanOrEqual(60);
    expect(Math.ceil(DAY_WINDOW_MAX_DAYS / 7)).toBeGreaterThanOrEqual(6);
    expect(WEEK_WINDOW_MAX_DAYS / 7 + 1).toBeLessThanOrEqual(60);
  });
});

describe('windowStartSql: named by the ISO date of the window start', () => {
  const starts = async (unit: 'day' | 'week' | 'month') =>
    readRows(
      await engine.query(
        sql`SELECT ${windowStartSql(TIME, unit)} AS w FROM ${table('w_t')} ORDER BY ${ident(TIME)} NULLS LAST`,
      ),
    ).map((r) => r.w);

  it('weeks start on Monday: a Sunday late at night belongs to the Monday before', async () => {
    expect(await starts('week')).toEqual([
      '2026-09-28',
      '2026-09-28',
      '2026-10-05',
      '2026-10-05',
      '2026-10-12',
      null,
    ]);
  });

  it('months start on the 1st, days at midnight', async () => {
    expect(await starts('month')).toEqual([
      '2026-09-01',
      '2026-10-01',
      '2026-10-01',
      '2026-10-01',
      '2026-10-01',
      null,
    ]);
    expect(await starts('day')).toEqual([
      '2026-09-30',
      '2026-10-01',
      '2026-10-05',
      '2026-10-11',
      '2026-10-12',
      null,
    ]);
  });

  it('works on a DATE column too', async () => {
    const rows = readRows(
      await engine.query(
        sql`SELECT ${windowStartSql('d', 'week')} AS w FROM (SELECT DATE '2026-10-11' AS d)`,
      ),
    );
    expect(rows[0]?.w).toBe('2026-10-05');
  });

  it('timeSpanQuery: first and last time in epoch ms, null when there is none', async () => {
    expect(readTimeSpan(await engine.query(timeSpanQuery(table('w_t'), TIME)))).toEqual({
      start: Date.UTC(2026, 8, 30, 23, 59, 59),
      end: Date.UTC(2026, 9, 12),
    });
    await engine.query(sql`CREATE TABLE ${table('w_empty')} AS
      SELECT NULL::TIMESTAMP AS ${ident(TIME)}`);
    expect(readTimeSpan(await engine.query(timeSpanQuery(table('w_empty'), TIME)))).toBeNull();
  });
});
