import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine, Progress } from '../../engine/engine.ts';
import { readScalar } from '../../engine/arrow-columns.ts';
import { parseWhere } from '../../sql/parse-where.ts';
import { ident, join, sql, table } from '../../sql/sql.ts';
import { expectClose } from '../../../test-support/reference.ts';
import type { PerformanceByColumn } from '../performance/performance-spec.ts';
import type { CalibrationCurve } from './calibration-result.ts';
import type { CalibrationSpec, CalibrationStrategy } from './calibration-spec.ts';
import { runCalibration } from './run-calibration.ts';

// Hostile names: the query's own aliases swapped (the label is `s`, the score `y`), a keyword,
// quotes and unicode, an injection attempt.
const LABEL = 's';
const SCORE = 'y';
const SEGMENT = 'select';
const AMOUNT = 'my "amount" ü';
const CITY = "it's; DROP TABLE c_rows; --";

let engine: Engine;

const segment: PerformanceByColumn = {
  name: SEGMENT,
  mode: 'value',
  logType: 'VARCHAR',
  referenceType: null,
};
const amount: PerformanceByColumn = {
  name: AMOUNT,
  mode: 'quantile',
  logType: 'DOUBLE',
  referenceType: null,
};

const side = (t: string) => ({
  table: t,
  label: LABEL,
  positive: '1',
  score: SCORE,
  scoreType: 'DOUBLE',
});

const spec = (t: string, extra: Partial<CalibrationSpec> = {}): CalibrationSpec => ({
  log: side(t),
  by: [],
  bins: 10,
  strategy: 'uniform',
  ...extra,
});

/** A table of (label, score) rows, every value bound (NaN and ±Infinity too). */
async function rows(name: string, values: [label: number | null, score: number | null][]) {
  const tuples = values.map(([l, s]) => sql`(${l}::INTEGER, ${s}::DOUBLE)`);
  await engine.query(sql`CREATE OR REPLACE TABLE ${table(name)} AS
    SELECT * FROM (VALUES ${join(tuples)}) AS t(${ident(LABEL)}, ${ident(SCORE)})`);
  return name;
}

const noNaN = (r: unknown) => expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);

beforeAll(async () => {
  engine = await createNodeEngine();
  // 200 rows: SEGMENT 'A' / 'B' / NULL (i % 3), AMOUNT 1..200, CITY c0..c3, the label 1 on every
  // 4th row, the score 0.2 + 0.6 · (i % 2) (so 'B'-ish odd rows say 0.8).
  await engine.query(sql`CREATE TABLE ${table('c_rows')} AS
    SELECT CASE i % 3 WHEN 0 THEN 'A' WHEN 1 THEN 'B' END AS ${ident(SEGMENT)},
      (i + 1)::DOUBLE AS ${ident(AMOUNT)},
      'c' || (i % 4) AS ${ident(CITY)},
      (i % 4 = 0)::INTEGER AS ${ident(LABEL)},
      0.2::DOUBLE + 0.6::DOUBLE * (i % 2) AS ${ident(SCORE)}
    FROM range(200) t(i)`);
});
afterAll(async () => {
  await engine.close();
});

describe('runCalibration on hand-worked cases', () => {
  it('a score on an edge goes to the lower bin: 0.1 + 0.2 and 0.3 in bin 2, 0 in bin 0, 1 in bin 9', async () => {
    const t = await rows('c_edges', [
      [1, 0.1 + 0.2],
      [0, 0.3],
      [0, 0.0],
      [1, 1.0],
    ]);
    const r = await runCalibration(engine, spec(t));
    expect(r.bins.map((b) => [b.bin, b.n, b.positives])).toEqual([
      [0, 1, 0],
      [2, 2, 1],
      [9, 1, 1],
    ]);
    expect(r.bins[1]).toMatchObject({ lo: 0.2, hi: 0.30000000000000004, observed: 0.5 });
    expect(r.bins[0]).toMatchObject({ lo: 0, hi: 0.1, mean_score: 0, observed: 0, low: 0 });
    expect(r.bins[2]).toMatchObject({ lo: 0.9, hi: 1, mean_score: 1, observed: 1, high: 1 });
    // ECE = 2/4 · |0.5 - 0.3|; Brier = (0.49 + 0.09) / 4; REL = 2/4 · 0.2²; ō = 0.5:
    // RES = 1/4 · 0.25 + 1/4 · 0.25, UNC = 0.25, residual 0.
    expectClose(r.ece, 0.1, 'ece');
    expectClose(r.mce, 0.2, 'mce');
    expectClose(r.brier.total, 0.145, 'brier');
    expectClose(r.brier.rel, 0.02, 'rel');
    expectClose(r.brier.res, 0.125, 'res');
    expectClose(r.brier.unc, 0.25, 'unc');
    expectClose(r.brier.residual, 0, 'residual');
    expect(r.histogram).toHaveLength(20);
    expect(r.histogram[0]).toEqual({ lo: 0, hi: 0.05, positives: 0, negatives: 1 });
    expect(r.histogram[5]).toMatchObject({ positives: 1, negatives: 1 }); // (0.25, 0.3]
    expect(r.histogram[19]).toEqual({ lo: 0.9500000000000001, hi: 1, positives: 1, negatives: 0 });
    expect(r.too_small).toBe(true);
  });

  for (const label of [0, 1]) {
    it(`one class only (every label ${label}): observed ${label} in each bin, no crash`, async () => {
      const t = await rows(`c_one_${label}`, [
        [label, 0.2],
        [label, 0.6],
        [label, 0.9],
      ]);
      for (const strategy of ['uniform', 'quantile'] as const) {
        const r = await runCalibration(engine, spec(t, { strategy }));
        expect(r.bins.map((b) => b.observed)).toEqual([label, label, label]);
        const gaps = [0.2, 0.6, 0.9].map((p) => Math.abs(p - label));
        expectClose(r.ece, gaps.reduce((a, b) => a + b, 0) / 3, `${strategy} ece`);
        expectClose(r.mce, Math.max(...gaps), `${strategy} mce`);
        expect(r.brier.unc).toBe(0);
        expect(r.brier.res).toBe(0);
        expectClose(r.brier.residual, 0, `${strategy} residual`);
        expect(r.too_small).toBe(true);
        noNaN(r);
      }
    });
  }

  for (const strategy of ['uniform', 'quantile'] as CalibrationStrategy[]) {
    it(`${strategy}: a cohort filter that keeps no rows gives empty curves, not an error`, async () => {
      const where = parseWhere(`${SEGMENT} = 'nowhere'`);
      const r = await runCalibration(
        engine,
        spec('c_rows', { strategy, where, by: [segment], reference: side('c_rows') }),
      );
      const empty: Partial<CalibrationCurve> = {
        rows: 0,
        n: 0,
        bins: [],
        ece: null,
        mce: null,
        brier: { total: null, rel: null, res: null, unc: null, residual: null },
        too_small: true,
      };
      expect(r).toMatchObject(empty);
      expect(r.reference).toMatchObject(empty);
      expect(r.cohorts).toEqual([]);
      expect(r.histogram.every((h) => h.positives === 0 && h.negatives === 0)).toBe(true);
      expect(r.where).toEqual(where);
      noNaN(r);
    });
  }

  it('finite scores outside [0, 1] fail, saying how many, on either side; NaN does not', async () => {
    const bad = await rows('c_outside', [
      [1, -0.5],
      [0, 0.4],
      [0, 2.0],
      [0, NaN],
    ]);
    const good = await rows('c_inside', [
      [1, 0.5],
      [0, NaN],
    ]);
    for (const strategy of ['uniform', 'quantile'] as const) {
      await expect(runCalibration(engine, spec(bad, { strategy }))).rejects.toMatchObject({
        code: 'bad_role',
        column: SCORE,
        message: expect.stringContaining(
          "2 scores of 'y' in the log are outside [0, 1] (min -0.5, max 2)",
        ),
      });
      await expect(
        runCalibration(engine, spec(good, { strategy, reference: side(bad) })),
      ).rejects.toThrow("2 scores of 'y' in the reference are outside [0, 1]");
    }
    const r = await runCalibration(engine, spec(good));
    expect(r.skipped).toEqual({ no_label: 0, no_score: 0, invalid_score: 1 });
  });

  it('counts the rows it cannot use, once each; a null segment is a cohort of its own', async () => {
    const t = await rows('c_skipped', [
      [1, 0.5],
      [null, 0.5],
      [null, null],
      [0, null],
      [0, NaN],
      [1, -Infinity],
      [0, 0.25],
    ]);
    const r = await runCalibration(engine, spec(t));
    expect(r.rows).toBe(7);
    expect(r.n).toBe(2);
    expect(r.skipped).toEqual({ no_label: 2, no_score: 1, invalid_score: 2 });
    expect(r.bins.map((b) => [b.bin, b.n, b.positives])).toEqual([
      [2, 1, 0],
      [4, 1, 1],
    ]);

    const bySegment = await runCalibration(engine, spec('c_rows', { by: [segment] }));
    expect(bySegment.cohorts?.map((c) => c.cohort[SEGMENT]).sort()).toEqual(['A', 'B', null]);
    const nulls = bySegment.cohorts?.find((c) => c.cohort[SEGMENT] === null);
    expect(nulls?.predicates).toEqual([{ column: SEGMENT, op: '=', value: null }]);
    expect(bySegment.cohorts?.reduce((acc, c) => acc + c.n, 0)).toBe(200);
  });

  it('by a numeric column: its 10 equal-mass bins, each cohort with its own equal-mass edges', async () => {
    const r = await runCalibration(
      engine,
      spec('c_rows', { by: [amount], strategy: 'quantile', bins: 4 }),
    );
    // numpy.quantile(1..200, k/10): 20.9, 40.8, …, 180.1 (up to interpolation noise).
    expect(r.by.map((b) => [b.name, b.mode])).toEqual([[AMOUNT, 'quantile']]);
    const expected = [20.9, 40.8, 60.7, 80.6, 100.5, 120.4, 140.3, 160.2, 180.1];
    expect(r.by[0]?.edges).toHaveLength(9);
    r.by[0]?.edges?.forEach((e, i) => expectClose(e, expected[i] ?? null, `amount edge ${i}`));
    expect(r.cohorts).toHaveLength(10);
    expect(r.cohorts?.map((c) => c.n)).toEqual(Array.from({ length: 10 }, () => 20));
    const first = r.cohorts?.find((c) => c.cohort[AMOUNT] === '(-inf, 20.9]');
    expect(first?.predicates).toEqual([{ column: AMOUNT, op: '<=', value: r.by[0]?.edges?.[0] }]);
    // Scores alternate 0.2 / 0.8 in every cohort: quartile edges 0.2, 0.5, 0.8 → bins 0 and 2.
    for (const c of r.cohorts ?? []) {
      expect(c.edges).toHaveLength(3);
      c.edges.forEach((e, i) => expectClose(e, [0.2, 0.5, 0.8][i] ?? null, `score edge ${i}`));
      expect(c.bins.map((b) => [b.bin, b.n])).toEqual([
        [0, 10],
        [2, 10],
      ]);
      expect(c.too_small).toBe(true);
    }
    // Worst ECE first.
    const eces = (r.cohorts ?? []).map((c) => c.ece ?? 0);
    expect(eces).toEqual([...eces].sort((a, b) => b - a));
  });

  it('reports progress in steps and stops on a cancelled signal', async () => {
    const seen: Progress[] = [];
    await runCalibration(engine, spec('c_rows', { by: [segment] }), {
      onProgress: (p) => seen.push(p),
    });
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3]);
    expect(seen.every((p) => p.total === 3 && p.unit === 'steps')).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(
      runCalibration(engine, spec('c_rows'), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('filters on a hostile column name, bound, never pasted', async () => {
    const where = parseWhere(`"${CITY.replaceAll('"', '""')}" = 'c0'`);
    const r = await runCalibration(engine, spec('c_rows', { where, strategy: 'quantile' }));
    // Rows 0, 4, 8, …: all labelled 1, all scored 0.2.
    expect(r.n).toBe(50);
    expect(r.bins).toHaveLength(1);
    expect(r.bins[0]).toMatchObject({ n: 50, positives: 50, mean_score: 0.2, observed: 1 });
    const left = await engine.query(sql`SELECT count(*) AS n FROM ${table('c_rows')}`);
    expect(Number(readScalar(left))).toBe(200);
  });
});
