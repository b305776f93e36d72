import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import { Z95 } from '../../stats/wilson.ts';
import { expectClose, loadReference } from '../../../test-support/reference.ts';
import type { DriftColumnResult } from './drift-result.ts';
import type { DriftSpec } from './drift-spec.ts';
import { minImpactRows, rankDriftColumns } from './drift-impact.ts';
import { runDrift } from './run-drift.ts';

const CAT = 'segment "x"; DROP TABLE im_cur; --';
const SMALL = 'is_error';
const LABEL = "label'; --";
const PRED = 'n';

interface WilsonCase {
  k: number;
  n: number;
  low: number;
  high: number;
}
const wilson = loadReference<{ wilson: WilsonCase[] }>('tests.json').wilson;
const wilsonCase = (k: number, n: number): WilsonCase => {
  const c = wilson.find((w) => w.k === k && w.n === n);
  if (!c) throw new Error(`no reference Wilson case ${k}/${n}`);
  return c;
};

let engine: Engine;

const categorical = (name: string) =>
  ({ name, kind: 'categorical', referenceType: 'VARCHAR', currentType: 'VARCHAR' }) as const;

beforeAll(async () => {
  engine = await createNodeEngine();
  // 100 judged rows, 50 errors: segment A has 31 rows and 17 errors, B 69 and 33. `is_error`
  // (a hostile name: the query's own alias) has S, 10 rows all errors (too small to count), and T.
  // Five more rows have a null label (segment C): not counted.
  await engine.query(sql`CREATE TABLE ${table('im_cur')} AS
    SELECT CASE WHEN i < 31 THEN 'A' ELSE 'B' END AS ${ident(CAT)},
      CASE WHEN i >= 90 THEN 'S' ELSE 'T' END AS ${ident(SMALL)},
      (i % 2)::BIGINT AS ${ident(LABEL)},
      CASE WHEN (i < 17) OR (i >= 31 AND i < 54) OR i >= 90 THEN 1 - i % 2 ELSE i % 2 END::DOUBLE
        AS ${ident(PRED)}
    FROM range(100) t(i)
    UNION ALL SELECT 'C', 'T', NULL, 1 FROM range(5)`);
  await engine.query(sql`CREATE TABLE ${table('im_ref')} AS SELECT * FROM ${table('im_cur')}`);
});
afterAll(async () => {
  await engine.close();
});

const spec: DriftSpec = {
  referenceTable: 'im_ref',
  currentTable: 'im_cur',
  columns: [categorical(CAT), categorical(SMALL)],
  outcome: { label: LABEL, positive: '1', prediction: PRED, score: null, threshold: 0.5 },
};

describe('impact: where the current errors concentrate', () => {
  it('counts judged rows only, with the overall error rate and its Wilson interval', async () => {
    const r = await runDrift(engine, spec);
    const w = wilsonCase(50, 100);
    expect(r.impact).toMatchObject({
      label: LABEL,
      prediction: PRED,
      score: null,
      threshold: null,
    });
    expect(r.impact).toMatchObject({ rows: 100, errors: 50, min_bin_rows: 30 });
    expect(r.impact?.error_rate.value).toBe(0.5);
    expectClose(r.impact?.error_rate.low ?? null, w.low, 'overall low');
    expectClose(r.impact?.error_rate.high ?? null, w.high, 'overall high');
  });

  it('names the bin with the largest lift, with its Wilson bounds (reference 17/31)', async () => {
    const r = await runDrift(engine, spec);
    const impact = r.columns[0]?.impact;
    const w = wilsonCase(17, 31);
    expect(impact).toMatchObject({ bin: 'A', index: 0 });
    expect(impact?.lift).toBeCloseTo(17 / 31 / 0.5, 14);
    const a = impact?.bins[0];
    expect(a).toMatchObject({ index: 0, label: 'A', rows: 31, errors: 17 });
    expectClose(a?.error_rate.low ?? null, w.low, 'A low');
    expectClose(a?.error_rate.high ?? null, w.high, 'A high');
    expect(impact?.bins[1]).toMatchObject({ label: 'B', rows: 69, errors: 33 });
    expect(impact?.bins[1]?.lift).toBeCloseTo(33 / 69 / 0.5, 14);
    // C's rows all have a null label: a bin of the drift table, with nothing to judge.
    expect(impact?.bins[2]).toMatchObject({ label: 'C', rows: 0, errors: 0, lift: null });
    expect(impact?.bins[2]?.error_rate).toEqual({ value: null, low: null, high: null });
  });

  it('a bin below max(30, 1% of rows) rows is shown but is not the impact', async () => {
    const impact = (await runDrift(engine, spec)).columns[1]?.impact;
    expect(impact?.bins.find((b) => b.label === 'S')).toMatchObject({
      rows: 10,
      errors: 10,
      lift: 2,
    });
    expect(impact).toMatchObject({ bin: 'T', index: 1 });
    expect(impact?.lift).toBeCloseTo(40 / 90 / 0.5, 14);
    expect(minImpactRows(100)).toBe(30);
    expect(minImpactRows(2900)).toBe(30);
    expect(minImpactRows(3001)).toBe(31);
  });

  it('without an outcome the result has no impact keys', async () => {
    const r = await runDrift(engine, { ...spec, outcome: undefined });
    expect(r.impact).toBeUndefined();
    expect(r.columns[0]).not.toHaveProperty('impact');
  });
});

describe('impact from a score and quantile bins', () => {
  beforeAll(async () => {
    // amount = i % 100 on 300 rows (each reference decile holds 30); label 1 and score 0.2 where
    // amount >= 90 (30 missed positives), else label 0 and score 0.1. One NaN score: not counted.
    await engine.query(sql`CREATE TABLE ${table('sc_cur')} AS
      SELECT (i % 100)::DOUBLE AS amount, (i % 100 >= 90)::INTEGER AS y,
        CASE WHEN i % 100 >= 90 THEN 0.2 ELSE 0.1 END::DOUBLE AS ${ident('p(fraud)')}
      FROM range(300) t(i)
      UNION ALL SELECT 5, 1, 'NaN'::DOUBLE`);
    await engine.query(sql`CREATE TABLE ${table('sc_ref')} AS
      SELECT (i % 100)::DOUBLE AS amount FROM range(300) t(i)`);
  });

  it('predicts score >= threshold; the top decile has lift 10 and Wilson low n/(n+z^2)', async () => {
    const r = await runDrift(engine, {
      referenceTable: 'sc_ref',
      currentTable: 'sc_cur',
      columns: [
        { name: 'amount', kind: 'numeric', referenceType: 'DOUBLE', currentType: 'DOUBLE' },
      ],
      outcome: { label: 'y', positive: '1', prediction: null, score: 'p(fraud)', threshold: 0.5 },
    });
    expect(r.impact).toMatchObject({ rows: 300, errors: 30, score: 'p(fraud)', threshold: 0.5 });
    const impact = r.columns[0]?.impact;
    expect(impact?.bins).toHaveLength(10);
    expect(impact?.lift).toBeCloseTo(10, 12);
    expect(impact?.index).toBe(9);
    expect(impact?.bin).toBe('(89.1, +inf]');
    const top = impact?.bins[9]?.error_rate;
    expectClose(top?.low ?? null, 30 / (30 + Z95 * Z95), 'top decile low');
    expectClose(top?.high ?? null, 1, 'top decile high');
  });
});

describe('rankDriftColumns: band first, then impact', () => {
  const col = (name: string, band: DriftColumnResult['band'], lift: number | null, psi: number) =>
    ({ name, band, psi, impact: { lift } }) as unknown as DriftColumnResult;
  it('puts drift that coincides with errors before harmless drift', () => {
    const ranked = rankDriftColumns([
      col('stable-errors', 'stable', 3, 0.01),
      col('harmless', 'significant', 1, 0.9),
      col('none', null, null, 0),
      col('harmful', 'significant', 2.5, 0.3),
      col('moderate', 'moderate', null, 0.15),
    ]);
    expect(ranked.map((c) => c.name)).toEqual([
      'harmful',
      'harmless',
      'moderate',
      'stable-errors',
      'none',
    ]);
  });
});
