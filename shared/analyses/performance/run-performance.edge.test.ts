import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { parseWhere } from '../../sql/parse-where.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import { expectClose } from '../../../test-support/reference.ts';
import type { PerformanceResult } from './performance-result.ts';
import type { PerformanceByColumn, PerformanceSpec } from './performance-spec.ts';
import { runPerformance } from './run-performance.ts';

// Hostile names: a keyword, quotes and unicode, an injection attempt, names equal to aliases.
const SEGMENT = 'select';
const AMOUNT = 'my "amount" ü';
const CITY = "it's; DROP TABLE e_log; --";
const LABEL = 'k_1';
const SCORE = 'w';

let engine: Engine;

const outcome = { label: LABEL, positive: '1', prediction: null, score: SCORE, threshold: 0.5 };
const segment: PerformanceByColumn = {
  name: SEGMENT,
  mode: 'value',
  logType: 'VARCHAR',
  referenceType: 'VARCHAR',
};
const amount: PerformanceByColumn = {
  name: AMOUNT,
  mode: 'quantile',
  logType: 'DOUBLE',
  referenceType: 'DOUBLE',
};
const spec = (
  by: PerformanceByColumn[],
  extra: Partial<PerformanceSpec> = {},
): PerformanceSpec => ({
  log: { table: 'e_log', outcome },
  by,
  ...extra,
});

beforeAll(async () => {
  engine = await createNodeEngine();
  // 102 rows: AMOUNT 1..100, then a NULL and a NaN; SEGMENT 'A' for even i, 'B' for odd; CITY
  // c0..c2; the label 1 every 4th row; the score 0.9 on labelled rows of A, else 0.1.
  await engine.query(sql`CREATE TABLE ${table('e_log')} AS
    SELECT CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END AS ${ident(SEGMENT)},
      CASE WHEN i < 100 THEN (i + 1)::DOUBLE WHEN i = 101 THEN 'NaN'::DOUBLE END AS ${ident(AMOUNT)},
      'c' || (i % 3) AS ${ident(CITY)},
      (i % 4 = 0)::INTEGER AS ${ident(LABEL)},
      CASE WHEN i % 4 = 0 AND i % 2 = 0 THEN 0.9 ELSE 0.1 END AS ${ident(SCORE)}
    FROM range(102) t(i)`);
  // A reference with a segment 'C' the log never has.
  await engine.query(sql`CREATE TABLE ${table('e_ref')} AS
    SELECT * FROM ${table('e_log')} UNION ALL
    SELECT 'C', 5.0, 'c9', 1, 0.9 FROM range(3)`);
});
afterAll(async () => {
  await engine.close();
});

describe('runPerformance: numeric cohorts in equal-mass bins', () => {
  let r: PerformanceResult;
  beforeAll(async () => {
    r = await runPerformance(engine, spec([amount]));
  });

  it('cuts 1..100 at the numpy-linear deciles; NULL and NaN are cohorts of their own', () => {
    expect(r.by[0]?.edges).toEqual([
      10.9, 20.8, 30.7, 40.6, 50.5, 60.4, 70.3, 80.2, 90.10000000000001,
    ]);
    const names = r.cohorts.map((c) => c.cohort[AMOUNT]);
    expect(new Set(names)).toEqual(
      new Set([
        '(-inf, 10.9]',
        '(10.9, 20.8]',
        '(20.8, 30.7]',
        '(30.7, 40.6]',
        '(40.6, 50.5]',
        '(50.5, 60.4]',
        '(60.4, 70.3]',
        '(70.3, 80.2]',
        '(80.2, 90.1]',
        '(90.1, +inf]',
        null,
        '(invalid)',
      ]),
    );
    for (const c of r.cohorts)
      expect(c.n).toBe(c.cohort[AMOUNT] === null || c.cohort[AMOUNT] === '(invalid)' ? 1 : 10);
  });

  it("a bin's predicates select exactly its rows (exact edges, not the rounded label)", () => {
    const last = r.cohorts.find((c) => c.cohort[AMOUNT] === '(80.2, 90.1]');
    expect(last?.predicates).toEqual([
      { column: AMOUNT, op: '>', value: 80.2 },
      { column: AMOUNT, op: '<=', value: 90.10000000000001 },
    ]);
    expect(r.cohorts.find((c) => c.cohort[AMOUNT] === '(invalid)')?.predicates).toBeNull();
  });

  it("with a reference, the reference's quantiles cut both sides", async () => {
    const withRef = await runPerformance(engine, {
      ...spec([amount]),
      reference: { table: 'e_ref', outcome },
    });
    // The reference adds three 5.0s: its first decile edge moves below 10.9.
    expect(withRef.by[0]?.edges?.[0]).toBeLessThan(10.9);
    const total = withRef.cohorts.reduce((s, c) => s + c.n, 0);
    expect(total).toBe(102);
  });
});

describe('runPerformance: hostile names in --by and --where, two cohort columns', () => {
  const WHERE = `"select" = 'A' AND "my ""amount"" ü" >= 10 AND "${CITY.replaceAll('"', '""')}" != 'c2'`;

  it('filters, groups by both columns, and echoes the predicates', async () => {
    const cityBy: PerformanceByColumn = { ...segment, name: CITY };
    const r = await runPerformance(engine, spec([segment, cityBy], { where: parseWhere(WHERE) }));
    // Even i from 9 (amount i + 1 >= 10), i % 3 != 2: i in 10..98, even, not 2 mod 3.
    const rows = Array.from({ length: 100 }, (_, i) => i).filter(
      (i) => i % 2 === 0 && i >= 9 && i % 3 !== 2,
    );
    expect(r.log.rows).toBe(rows.length);
    expect(r.where).toEqual(parseWhere(WHERE));
    expect(
      r.cohorts.map((c) => c.cohort).sort((a, b) => String(a[CITY]).localeCompare(String(b[CITY]))),
    ).toEqual([
      { [SEGMENT]: 'A', [CITY]: 'c0' },
      { [SEGMENT]: 'A', [CITY]: 'c1' },
    ]);
    const c0 = rows.filter((i) => i % 3 === 0);
    expect(r.cohorts.find((c) => c.cohort[CITY] === 'c0')?.n).toBe(c0.length);
    expect(r.cohorts.find((c) => c.cohort[CITY] === 'c0')?.positives).toBe(
      c0.filter((i) => i % 4 === 0).length,
    );
  });

  it('an empty cohort: zero rows, every metric null, never NaN', async () => {
    const r = await runPerformance(
      engine,
      spec([segment], { where: parseWhere(`"select" = 'Z'`) }),
    );
    expect(r.log.rows).toBe(0);
    expect(r.overall).toMatchObject({ n: 0, too_small: true });
    expect(r.overall.metrics).toMatchObject({
      recall: null,
      precision: null,
      auc: null,
      f1: null,
      log_loss: null,
    });
    expect(r.cohorts).toEqual([]);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it("a reference cohort the log lacks is listed empty; a one-class cohort's AUC is null", async () => {
    const r = await runPerformance(engine, {
      ...spec([segment]),
      reference: { table: 'e_ref', outcome },
    });
    const c = r.cohorts.find((x) => x.cohort[SEGMENT] === 'C');
    expect(c).toMatchObject({ n: 0, too_small: true });
    expect(c?.metrics.recall).toBeNull();
    expect(c?.delta).toMatchObject({ against: 'reference', n: 3, too_small: true });
    expect(c?.delta?.metrics.recall).toMatchObject({ baseline: 1, value: null, delta: null });
    // The reference's C has only positives: its AUC is undefined, not an error.
    expect(c?.delta?.metrics.auc.baseline).toBeNull();
    // The log's B has no positives (odd rows): AUC and recall null, the rest still measured.
    const b = r.cohorts.find((x) => x.cohort[SEGMENT] === 'B');
    expect(b?.metrics).toMatchObject({ auc: null, recall: null, fpr: 0, accuracy: 1 });
    expect(r.cohorts.find((x) => x.cohort[SEGMENT] === 'A')?.metrics.auc).toBe(1);
  });
});

describe('runPerformance: scores of exactly 0 and 1', () => {
  it('clips to [eps, 1 - eps] for log loss: a confident miss costs -ln(eps), never Infinity', async () => {
    await engine.query(sql`CREATE TABLE ${table('e_extreme')} AS SELECT * FROM (VALUES
      (1, 1.0), (0, 1.0), (0, 0.0), (1, 0.0)) v(${ident(LABEL)}, ${ident(SCORE)})`);
    const r = await runPerformance(engine, { log: { table: 'e_extreme', outcome }, by: [] });
    // -ln(eps) = 36.04365338911715 and -ln(1 - eps) = 2.2204460492503136e-16 (Python's math.log).
    expectClose(
      r.overall.metrics.log_loss,
      (2 * 36.04365338911715 + 2 * 2.2204460492503136e-16) / 4,
      'log loss',
    );
    expect(r.overall.metrics.brier).toBe(0.5);
    expect(r.overall.metrics.auc).toBe(0.5);
  });
});
