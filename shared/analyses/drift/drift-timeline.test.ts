import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import { PSI_ZERO_SHARE } from '../../stats/psi.ts';
import type { DriftSpec } from './drift-spec.ts';
import type { DriftColumnResult } from './drift-result.ts';
import {
  MIN_WINDOW_VALUES,
  missingSinceWindow,
  readTimelineCounts,
  sinceWindow,
  timelineQuery,
} from './drift-timeline.ts';
import { runDrift } from './run-drift.ts';

// Hostile names: an injection attempt, a keyword, quotes, and a name equal to an internal alias.
const TIME = 'order "ts"; DROP TABLE tl_ref; --';
const X = "x'; --";
const C = 'window_start';
const Y = 'bin';

let engine: Engine;

const psiTerm = (p: number, q: number) => {
  const a = p === 0 ? PSI_ZERO_SHARE : p;
  const b = q === 0 ? PSI_ZERO_SHARE : q;
  return (b - a) * Math.log(b / a);
};

const spec = (window: DriftSpec['window']): DriftSpec => ({
  referenceTable: 'tl_ref',
  currentTable: 'tl_cur',
  columns: [
    { name: X, kind: 'numeric', referenceType: 'DOUBLE', currentType: 'DOUBLE' },
    { name: C, kind: 'categorical', referenceType: 'VARCHAR', currentType: 'VARCHAR' },
    { name: Y, kind: 'numeric', referenceType: 'DOUBLE', currentType: 'DOUBLE' },
  ],
  time: TIME,
  window,
});

beforeAll(async () => {
  engine = await createNodeEngine();
  // Reference: x and y = 0..99 (edges 9.9k, ten bins of 10), c half 'a', half 'b'.
  await engine.query(sql`CREATE TABLE ${table('tl_ref')} AS
    SELECT i::DOUBLE AS ${ident(X)}, CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS ${ident(C)},
      i::DOUBLE AS ${ident(Y)} FROM range(100) t(i)`);
  // Current: five weeks from Monday 2026-09-07, each row Monday..Sunday 23:59:59 of its week.
  // x shifts by 50 from the 3rd week on; the 4th week has 10 rows only; c loses 20 values in
  // week 2 and is all 'b' in week 5; y shifts in week 3 only. Three rows have no time.
  await engine.query(sql`CREATE TABLE ${table('tl_cur')} AS
    SELECT TIMESTAMP '2026-09-07' + to_days((w * 7 + i % 7)::INTEGER) + to_seconds(86399)
        AS ${ident(TIME)},
      (CASE WHEN w IN (2, 4) THEN i + 50 WHEN w = 3 THEN 200 ELSE i END)::DOUBLE AS ${ident(X)},
      CASE WHEN w = 1 AND i < 20 THEN NULL WHEN w = 4 OR i % 2 = 1 THEN 'b' ELSE 'a' END
        AS ${ident(C)},
      (CASE WHEN w = 2 THEN i + 50 ELSE i END)::DOUBLE AS ${ident(Y)}
    FROM range(5) a(w), range(100) b(i) WHERE w <> 3 OR i < 10
    UNION ALL SELECT NULL, 0, 'a', 0 FROM range(3)`);
});
afterAll(async () => {
  await engine.close();
});

describe('sinceWindow: the first window of the final run of significant bands', () => {
  const bands = (...b: (string | null)[]) =>
    b.map((band, i) => ({ window: `w${i}`, band: band as 'significant' | null }));
  it('skips windows without a band, restarts after a non-significant one', () => {
    expect(sinceWindow(bands('stable', 'significant', 'significant'))).toBe('w1');
    expect(sinceWindow(bands('significant', 'moderate', 'significant'))).toBe('w2');
    expect(sinceWindow(bands('stable', 'significant', null, 'significant'))).toBe('w1');
    expect(sinceWindow(bands('stable', null, 'significant'))).toBe('w2');
    expect(sinceWindow(bands('significant', 'stable'))).toBeNull();
    expect(sinceWindow(bands('significant', 'significant', null))).toBe('w0');
    expect(sinceWindow(bands(null, null))).toBeNull();
    expect(sinceWindow([])).toBeNull();
  });
});

describe('missingSinceWindow: the final run of windows 5 points above the reference rate', () => {
  const windows = (...rates: (number | null)[]) =>
    rates.map((missingRate, i) => ({ window: `w${i}`, rows: 100, missingRate }));
  it('holds at exactly 5 points, restarts after a window below, skips tiny windows', () => {
    expect(missingSinceWindow(windows(0.1, 0.15, 0.3), 0.1)).toBe('w1');
    expect(missingSinceWindow(windows(0.2, 0.1, 0.2, 0.2), 0.1)).toBe('w2');
    expect(missingSinceWindow(windows(0.1, 0.2, 0.1), 0.1)).toBeNull();
    expect(missingSinceWindow(windows(0.1, 0.14, 0.2), 0.1)).toBe('w2');
    const tiny = [
      ...windows(0, 0.5),
      { window: 'w2', rows: MIN_WINDOW_VALUES - 1, missingRate: 0 },
    ];
    expect(missingSinceWindow(tiny, 0)).toBe('w1');
    expect(missingSinceWindow(windows(0.5), null)).toBeNull();
    expect(missingSinceWindow([], 0)).toBeNull();
  });
});

describe('timeline: each week of the current data against the whole reference', () => {
  it('names the weeks by their Monday, counts rows, and leaves out rows without a time', async () => {
    const r = await runDrift(engine, spec('week'));
    expect(r.timeline?.map((w) => w.window)).toEqual([
      '2026-09-07',
      '2026-09-14',
      '2026-09-21',
      '2026-09-28',
      '2026-10-05',
    ]);
    expect(r.timeline?.map((w) => w.rows)).toEqual([100, 100, 100, 10, 100]);
    expect(r.window).toEqual({
      column: TIME,
      unit: 'week',
      requested: 'week',
      span_days: 34,
      min_values: MIN_WINDOW_VALUES,
      rows_without_time: 3,
    });
  });

  it('PSI per window on the overall bins; too few values give null and do not break since', async () => {
    const r = await runDrift(engine, spec('week'));
    const x = (w: number) => r.timeline?.[w]?.columns[0];
    expect(x(0)).toEqual({ name: X, psi: 0, band: 'stable', missing_rate: 0, n: 100 });
    // Values 50..149: bins 5..8 hold 10 each, the last bin 60, bins 0..4 none.
    const shifted = 5 * psiTerm(0.1, 0) + 4 * psiTerm(0.1, 0.1) + psiTerm(0.1, 0.6);
    expect(x(2)?.psi).toBeCloseTo(shifted, 12);
    expect(x(2)?.band).toBe('significant');
    expect(x(3)).toEqual({ name: X, psi: null, band: null, missing_rate: 0, n: 10 });
    expect(x(4)?.psi).toBeCloseTo(shifted, 12);
    expect(r.columns[0]?.since).toBe('2026-09-21');
  });

  it('missing rate per window; since is the last window for a late shift, null when it ends', async () => {
    const r = await runDrift(engine, spec('week'));
    const c = (w: number) => r.timeline?.[w]?.columns[1];
    // Week 2: 20 of 100 values missing, the other 80 half 'a', half 'b' as in the reference.
    expect(c(1)).toEqual({ name: C, psi: 0, band: 'stable', missing_rate: 0.2, n: 80 });
    expect(c(4)?.psi).toBeCloseTo(psiTerm(0.5, 0) + psiTerm(0.5, 1), 12);
    expect(r.columns[1]?.since).toBe('2026-10-05');
    expect(r.timeline?.[2]?.columns[2]?.band).toBe('significant');
    expect(r.columns[2]?.since).toBeNull();
    // Only week 2 is 20 points above the reference's 0%: no missing-rate onset.
    expect(r.columns.map((col) => col.missing.since)).toEqual([null, null, null]);
  });

  it('keeps the overall result as it is without a time column, but for the onsets', async () => {
    const withTimeline = await runDrift(engine, spec('week'));
    const without = await runDrift(engine, { ...spec('week'), time: undefined });
    expect(without.timeline).toBeUndefined();
    expect(without.columns[0]).not.toHaveProperty('since');
    expect(without.columns[0]?.missing).not.toHaveProperty('since');
    const overall = ({
      since: _s,
      reason: _r,
      missing: { since: _m, ...rates },
      ...rest
    }: DriftColumnResult) => ({ ...rest, missing: rates });
    expect(withTimeline.columns.map(overall)).toEqual(without.columns.map(overall));
    expect(withTimeline.columns[0]?.reason).toMatch(/^drifted since 2026-09-21: PSI /);
    expect(without.columns[0]?.reason).toMatch(/^drifted: PSI /);
  });

  it('auto picks days for a 34-day span; day windows of ~14 values have no psi, so no since', async () => {
    const r = await runDrift(engine, spec('auto'));
    expect(r.window?.unit).toBe('day');
    expect(r.window?.requested).toBe('auto');
    expect(r.timeline?.[0]?.window).toBe('2026-09-07');
    expect(r.timeline?.reduce((s, w) => s + w.rows, 0)).toBe(410);
    expect(r.columns.map((c) => c.since)).toEqual([null, null, null]);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});

describe('timeline bins are the overall bins', () => {
  it('(other) pooling past 100 categories and numeric categories count as in the overall result', async () => {
    // 150 text values (pooled), a numeric column with 5 distinct values (binned as categories),
    // all in one month, so the one window's counts must equal the overall current counts.
    await engine.query(sql`CREATE TABLE ${table('po_ref')} AS
      SELECT 'v' || (i % 150) AS ${ident(C)}, (i % 5)::DOUBLE AS few FROM range(1000) t(i)`);
    await engine.query(sql`CREATE TABLE ${table('po_cur')} AS
      SELECT 'v' || (i * i % 160) AS ${ident(C)}, (i % 7 % 5)::DOUBLE AS few,
        TIMESTAMP '2026-10-01' + to_seconds(i) AS ${ident(TIME)} FROM range(900) t(i)`);
    const poSpec: DriftSpec = {
      referenceTable: 'po_ref',
      currentTable: 'po_cur',
      columns: [
        { name: C, kind: 'categorical', referenceType: 'VARCHAR', currentType: 'VARCHAR' },
        { name: 'few', kind: 'numeric', referenceType: 'DOUBLE', currentType: 'DOUBLE' },
      ],
      time: TIME,
      window: 'month',
    };
    const r = await runDrift(engine, poSpec);
    const [c, few] = r.columns;
    expect(c?.bins?.pooled).toBeGreaterThan(0);
    expect(c?.bins?.categories?.at(-1)).toBe('(other)');
    expect(few?.bins?.mode).toBe('categorical');
    expect(r.timeline?.map((w) => w.window)).toEqual(['2026-10-01']);
    const counts = readTimelineCounts(
      await engine.query(timelineQuery(poSpec, TIME, 'month', [c?.bins, few?.bins])),
    ).get('2026-10-01');
    r.columns.forEach((column, i) => {
      const bins = counts?.columns.get(i);
      const size = column.bins?.current_counts.length ?? 0;
      expect(Array.from({ length: size }, (_, k) => bins?.get(k) ?? 0)).toEqual(
        column.bins?.current_counts,
      );
      expect(r.timeline?.[0]?.columns[i]?.psi).toBeCloseTo(column.psi ?? NaN, 12);
    });
  });
});
