import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import type { PerformanceCohort, PerformanceResult } from './performance-result.ts';
import type { PerformanceSpec } from './performance-spec.ts';
import { runPerformance } from './run-performance.ts';

const COHORT = 'cohort';
const TIME = 'when "ts"';
const LABEL = 'label';
const FLAG = 'flag';

// Six weeks from Monday 2026-09-07, cohorts X and Y, 100 rows each a week: 25 positives, 5 false
// positives. Y's recall stays 20/25. X's is 20/25, 20/25, then 5/25 from 2026-09-21; in week 4
// only 10 of X's rows have a label yet (3 positives, none caught); in week 6 no row has one.
const WEEKS = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'];

let engine: Engine;
let withReference: PerformanceResult;
let withoutReference: PerformanceResult;

const outcome = { label: LABEL, positive: '1', prediction: FLAG, score: null, threshold: 0.5 };
const spec: PerformanceSpec = {
  log: { table: 'tl_log', outcome },
  by: [{ name: COHORT, mode: 'value', logType: 'VARCHAR', referenceType: 'VARCHAR' }],
  time: TIME,
  window: 'week',
};

const cohort = (r: PerformanceResult, name: string): PerformanceCohort => {
  const c = r.cohorts.find((x) => x.cohort[COHORT] === name);
  if (!c) throw new Error(`no cohort ${name}`);
  return c;
};

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(sql`CREATE TABLE ${table('tl_log')} AS
    SELECT c AS ${ident(COHORT)},
      TIMESTAMP '2026-09-07 08:00:00' + to_days((w * 7 + i % 7)::INTEGER) AS ${ident(TIME)},
      CASE WHEN w = 5 OR (c = 'X' AND w = 3 AND NOT (i < 3 OR (i >= 25 AND i < 32))) THEN NULL
        ELSE (i < 25)::INTEGER END AS ${ident(LABEL)},
      ((i < 25 AND i < (CASE WHEN c = 'Y' THEN 20 ELSE [20, 20, 5, 0, 5, 20][w + 1] END))
        OR (i >= 25 AND i < 30))::INTEGER AS ${ident(FLAG)}
    FROM range(6) a(w), range(100) b(i), (VALUES ('X'), ('Y')) v(c)
    UNION ALL SELECT 'Y', NULL, 1, 1`);
  // The reference: each cohort 200 rows, 50 positives, recall 40/50, 10 false positives.
  await engine.query(sql`CREATE TABLE ${table('tl_ref')} AS
    SELECT c AS ${ident(COHORT)}, (i < 50)::INTEGER AS ${ident(LABEL)},
      (i < 40 OR (i >= 50 AND i < 60))::INTEGER AS ${ident(FLAG)}
    FROM range(200) b(i), (VALUES ('X'), ('Y')) v(c)`);
  withReference = await runPerformance(engine, {
    ...spec,
    reference: { table: 'tl_ref', outcome },
  });
  withoutReference = await runPerformance(engine, spec);
});
afterAll(async () => {
  await engine.close();
});

describe('runPerformance over time', () => {
  it('cuts weekly windows named by their Monday; rows without a time are counted apart', () => {
    expect(withReference.window).toEqual({
      column: TIME,
      unit: 'week',
      requested: 'week',
      span_days: expect.any(Number) as number,
      rows_without_time: 1,
    });
    expect(withReference.timeline?.map((w) => w.window)).toEqual(WEEKS);
    for (const c of withReference.cohorts) expect(c.timeline?.map((w) => w.window)).toEqual(WEEKS);
  });

  it('every metric per window with its interval', () => {
    const x = cohort(withReference, 'X').timeline ?? [];
    expect(x.map((w) => w.metrics.recall)).toEqual([0.8, 0.8, 0.2, 0, 0.2, null]);
    expect(x[0]?.metrics.intervals.recall).toMatchObject({ k: 20, n: 25, value: 0.8 });
    expect(x[0]?.metrics.intervals.recall.low).toBeLessThan(0.8);
    expect(x[0]?.metrics.fpr).toBe(5 / 75);
  });

  it('label delay shows as windows with few or no labels, never as zeros', () => {
    const x = cohort(withReference, 'X').timeline ?? [];
    expect(x[3]).toMatchObject({ rows: 100, n: 10, positives: 3, too_small: true });
    expect(x[3]?.primary?.worse).toBeNull();
    const last = withReference.timeline?.[5];
    expect(last).toMatchObject({ window: '2026-10-12', rows: 200, n: 0, too_small: true });
    expect(last?.metrics).toMatchObject({
      accuracy: null,
      recall: null,
      precision: null,
      f1: null,
      base_rate: null,
    });
    expect(last?.primary?.worse).toBeNull();
  });

  it("since: the first window from which X's recall stays worse than the reference's", () => {
    const x = cohort(withReference, 'X');
    expect(x.since).toEqual({ metric: 'recall', window: '2026-09-21' });
    expect(x.timeline?.map((w) => w.primary?.worse)).toEqual([
      false,
      false,
      true,
      null,
      true,
      null,
    ]);
    expect(x.timeline?.[2]?.primary).toMatchObject({ baseline: 0.8, value: 0.2, metric: 'recall' });
    expect(cohort(withReference, 'Y').since).toBeNull();
    // Overall, week 4 (X's few labels beside Y's 20/25: 20/28) is not significantly worse and
    // breaks the run; from week 5 it stays worse.
    expect(withReference.since).toEqual({ metric: 'recall', window: '2026-10-05' });
  });

  it('without a reference: each window against the rest of the log in that window', () => {
    const x = cohort(withoutReference, 'X');
    expect(x.timeline?.[2]?.primary).toMatchObject({ baseline: 0.8, value: 0.2 });
    expect(x.since).toEqual({ metric: 'recall', window: '2026-09-21' });
    expect(cohort(withoutReference, 'Y').since).toBeNull();
    // The whole log has no rest: nothing to judge it against.
    expect(withoutReference.since).toBeNull();
    expect(withoutReference.timeline?.[0]?.primary).toBeNull();
    expect(JSON.stringify(withoutReference)).not.toMatch(/NaN|Infinity/);
  });
});
