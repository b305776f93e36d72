import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import { PSI_ZERO_SHARE } from '../../stats/psi.ts';
import { expectClose } from '../../../test-support/reference.ts';
import type { DriftColumnResult, DriftResult, DriftSideSummary } from './drift-result.ts';
import type { DriftColumn } from './drift-spec.ts';
import { runDrift } from './run-drift.ts';

// Edge cases, each on a column with a name that needs quoting.
const EMPTY = 'all "null" ü';
const CONSTANT = 'group';
const FLOAT = "f'; --";

let engine: Engine;
let result: DriftResult;

const numeric = (name: string): DriftColumn => ({
  name,
  kind: 'numeric',
  referenceType: 'DOUBLE',
  currentType: 'DOUBLE',
});

const psiTerm = (p: number, q: number) => {
  const a = p === 0 ? PSI_ZERO_SHARE : p;
  const b = q === 0 ? PSI_ZERO_SHARE : q;
  return (b - a) * Math.log(b / a);
};

const column = (name: string): DriftColumnResult => {
  const c = result.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no row for ${name}`);
  return c;
};

beforeAll(async () => {
  engine = await createNodeEngine();
  // Reference, 24 rows: EMPTY all null; CONSTANT 5 throughout; FLOAT 1..20, then NaN, +Infinity,
  // -Infinity and a null.
  await engine.query(sql`CREATE TABLE ${table('e_ref')} AS
    SELECT NULL::DOUBLE AS ${ident(EMPTY)}, 5::DOUBLE AS ${ident(CONSTANT)},
      (CASE WHEN i < 20 THEN (i + 1)::DOUBLE WHEN i = 20 THEN 'NaN'::DOUBLE
        WHEN i = 21 THEN 'Infinity'::DOUBLE WHEN i = 22 THEN '-Infinity'::DOUBLE END)
        AS ${ident(FLOAT)}
    FROM range(24) t(i)`);
  // Current, 23 rows: EMPTY 1..23; CONSTANT 5 then 6 from row 10; FLOAT 1..20, NaN, NaN, null.
  await engine.query(sql`CREATE TABLE ${table('e_cur')} AS
    SELECT (i + 1)::DOUBLE AS ${ident(EMPTY)},
      (CASE WHEN i < 10 THEN 5 ELSE 6 END)::DOUBLE AS ${ident(CONSTANT)},
      (CASE WHEN i < 20 THEN (i + 1)::DOUBLE WHEN i < 22 THEN 'NaN'::DOUBLE END) AS ${ident(FLOAT)}
    FROM range(23) t(i)`);
  result = await runDrift(engine, {
    referenceTable: 'e_ref',
    currentTable: 'e_cur',
    columns: [numeric(EMPTY), numeric(CONSTANT), numeric(FLOAT)],
  });
});
afterAll(async () => {
  await engine.close();
});

describe('runDrift edge cases', () => {
  it('a column all null on one side: nothing compared, the missing-rate drop tested', () => {
    const c = column(EMPTY);
    expect(c).toMatchObject({ psi: null, band: null, ks: null, wasserstein: null, bins: null });
    expect(c.reference).toMatchObject({ rows: 24, n: 0, nulls: 24, mean: null, p50: null });
    expect(c.missing).toMatchObject({ reference: 1, current: 0, delta: -1, shifted: false });
    // Pooled z-test on 24/24 vs 0/23 nulls: p = 24/47, z = -1 / sqrt(p(1-p)(1/24 + 1/23)).
    const pooled = 24 / 47;
    expectClose(c.missing.z, -1 / Math.sqrt(pooled * (1 - pooled) * (1 / 24 + 1 / 23)), 'z');
    expect(c.tests.map((t) => t.name)).toEqual(['missing_z']);
    expect(c.reason).toMatch(
      /^not compared: all null in the reference data; missing rate down 100.0 points \(100.0% → 0%, q = [\de-]+\)$/,
    );
  });

  it('a constant reference: W_norm undefined, the distinct values are the bins', () => {
    const c = column(CONSTANT);
    expect(c.constant_reference).toBe(true);
    expect(c.wasserstein).toMatchObject({ std_reference: 0, normed: null, drift: null });
    expect(c.wasserstein?.w).toBeCloseTo(13 / 23, 15);
    expect(c.bins).toMatchObject({
      mode: 'categorical',
      categories: [5, 6],
      reference_counts: [24, 0],
      current_counts: [10, 13],
    });
    expectClose(c.psi, psiTerm(1, 10 / 23) + psiTerm(0, 13 / 23), 'psi');
    expect(c.ks?.d).toBeCloseTo(13 / 23, 15);
    expect(c.out_of_range).toBeCloseTo(13 / 23, 15);
    expect(c.reason).toMatch(/^drifted: PSI [\d.]+ ≥ 0.2 \(significant\); KS D = 0.565, /);
    expect(c.reason).toMatch(/; constant in the reference \(every valid value is 5\);/);
    expect(c.reason).toMatch(/; new in current: 6 \(56.5%\)$/);
  });

  it('NaN and ±Infinity in a float column are invalid: counted, never in the statistics', () => {
    const c = column(FLOAT);
    const ref = c.reference as DriftSideSummary;
    const cur = c.current as DriftSideSummary;
    expect(ref).toMatchObject({ rows: 24, n: 20, nulls: 1, invalid: 3, min: 1, max: 20 });
    expect(cur).toMatchObject({ rows: 23, n: 20, nulls: 1, invalid: 2, min: 1, max: 20 });
    expect(ref.mean).toBe(10.5);
    expect(ref.p50).toBe(10.5);
    expect(c.invalid).toEqual({ reference: 3 / 24, current: 2 / 23 });
    // The same valid values on both sides.
    expect(c.psi).toBe(0);
    expect(c.ks?.d).toBe(0);
    expect(c.wasserstein?.w).toBe(0);
    expect(c.out_of_range).toBe(0);
    expect(c.reason).toMatch(
      /^stable: PSI 0.000 < 0.1; KS D = 0.000, q = 1.000 — not significant; 12.5% of reference rows not finite \(counted invalid\); 8.7% of current rows not finite/,
    );
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it("names each row's tests with p and q, BH within each family", () => {
    // Distribution tests: CONSTANT's KS (tiny p) and FLOAT's (p = 1), m = 2: q = 2p and 1.
    // Missing-rate tests: EMPTY's (tiny p) and FLOAT's (1 null in 24 vs 1 in 23, p near 1); CONSTANT
    // has no null on either side, so no test and no place in m.
    const constant = column(CONSTANT);
    const float = column(FLOAT);
    const empty = column(EMPTY);
    expect(constant.tests.map((t) => t.name)).toEqual(['ks']);
    expect(float.tests.map((t) => t.name)).toEqual(['ks', 'missing_z']);
    expect(constant.tests[0]?.statistic).toBeCloseTo(13 / 23, 15);
    expect(float.tests[0]).toMatchObject({ statistic: 0, p: 1, q: 1 });
    expect(constant.tests[0]?.q).toBe((constant.ks?.p ?? NaN) * 2);
    const floatMissingP = float.missing.p ?? NaN;
    expect(floatMissingP).toBeGreaterThan(0.5);
    expect(float.tests[1]).toMatchObject({ p: floatMissingP, q: floatMissingP });
    expect(empty.tests[0]?.q).toBe((empty.missing.p ?? NaN) * 2);
    expect(constant.tests[0]?.why).toBe(
      'numeric: exact two-sample Kolmogorov-Smirnov on 24 vs 23 valid values',
    );
    expect(empty.tests[0]?.why).toBe(
      'missing rate: pooled two-proportion z-test on 24 of 24 vs 0 of 23 rows null',
    );
  });
});
