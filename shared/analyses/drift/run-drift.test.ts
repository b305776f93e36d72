import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine, Progress } from '../../engine/engine.ts';
import { readScalar } from '../../engine/arrow-columns.ts';
import { sql, table } from '../../sql/sql.ts';
import { expectClose } from '../../../test-support/reference.ts';
import { ksEffectiveN, ksPValue } from '../../stats/kolmogorov.ts';
import { PSI_ZERO_SHARE } from '../../stats/psi.ts';
import type { DriftSideSummary } from './drift-result.ts';
import type { DriftColumn, DriftSpec } from './drift-spec.ts';
import { runDrift } from './run-drift.ts';

// Names that break naive SQL: a keyword, an injection attempt with quotes and unicode, and names
// equal to aliases the queries use internally.
const ORDER = 'order';
const HOSTILE = 'x"; DROP TABLE ref; -- ü\'';
const VALUE = 'value';
const N0 = 'n_0';

let engine: Engine;

const column = (name: string, kind: DriftColumn['kind'], type: string): DriftColumn => ({
  name,
  kind,
  referenceType: type,
  currentType: type,
});

async function insert(name: string, t: Table): Promise<void> {
  await engine.insertArrowIpc(name, tableToIPC(t, 'stream'), { create: true });
}

const spec: DriftSpec = {
  referenceTable: 'ref',
  currentTable: 'cur',
  columns: [
    column(ORDER, 'numeric', 'INTEGER'),
    column(HOSTILE, 'categorical', 'VARCHAR'),
    column(VALUE, 'categorical', 'DOUBLE'),
    column(N0, 'numeric', 'DOUBLE'),
  ],
};

beforeAll(async () => {
  engine = await createNodeEngine();
  await insert(
    'ref',
    new Table({
      [ORDER]: vectorFromArray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], new Int32()),
      [HOSTILE]: vectorFromArray(['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'], new Utf8()),
      [VALUE]: vectorFromArray([1, 1, 1, 2, 2, 2, NaN, null, 1, 2], new Float64()),
      [N0]: vectorFromArray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], new Float64()),
    }),
  );
  await insert(
    'cur',
    new Table({
      [ORDER]: vectorFromArray([6, 7, 8, 9, 10, 11, 12, 13, 14, 15], new Int32()),
      [HOSTILE]: vectorFromArray(['a', 'a', 'b', 'b', 'b', 'b', 'c', 'c', null, null], new Utf8()),
      [VALUE]: vectorFromArray([1, 2, 2, 2, 2, Infinity, 1, 1, null, null], new Float64()),
      [N0]: vectorFromArray([0, 1, 2, 3, 4, 5, 6, 7, 8, null], new Float64()),
    }),
  );
});
afterAll(async () => {
  await engine.close();
});

const psiTerm = (p: number, q: number) => {
  const a = p === 0 ? PSI_ZERO_SHARE : p;
  const b = q === 0 ? PSI_ZERO_SHARE : q;
  return (b - a) * Math.log(b / a);
};

describe('runDrift: hand-worked small tables with hostile column names', () => {
  it('numeric on integers: R = 1..10, C = 6..15', async () => {
    const r = (await runDrift(engine, spec)).columns[0];
    expect(r?.name).toBe(ORDER);
    // Edges 1 + 0.9k (k = 1..9): each R value in its own bin; C's 6..10 one each, 11..15 last.
    expect(r?.bins?.mode).toBe('quantile');
    [1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1].forEach((e, k) =>
      expectClose(r?.bins?.edges?.[k] ?? null, e, `edge ${k}`),
    );
    expect(r?.bins?.reference_counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r?.bins?.current_counts).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 6]);
    const p = new Array<number>(10).fill(0.1);
    const q = [0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.6];
    expectClose(
      r?.psi ?? null,
      p.reduce((s, pi, i) => s + psiTerm(pi, q[i] ?? 0), 0),
      'psi',
    );
    expect(r?.band).toBe('significant');
    expect(r?.drifted).toBe(true);
    // F_R - F_C peaks at x = 5 (0.5 vs 0); every value moves by 5, so W = 5.
    expect(r?.ks?.d).toBe(0.5);
    expect(r?.ks?.p).toBe(ksPValue(0.5, 10, 10));
    expect(r?.ks?.en).toBe(ksEffectiveN(10, 10));
    expect(r?.ks?.n).toBe(5);
    expectClose(r?.wasserstein?.w ?? null, 5, 'w');
    const std = Math.sqrt(82.5 / 9);
    expectClose(r?.wasserstein?.std_reference ?? null, std, 'std_R');
    expectClose(r?.wasserstein?.normed ?? null, 5 / std, 'normed');
    expect(r?.wasserstein?.drift).toBe(true);
    expect(r?.out_of_range).toBe(0.5);
    const ref = r?.reference as DriftSideSummary;
    expect(ref).toMatchObject({ rows: 10, n: 10, nulls: 0, invalid: 0, min: 1, max: 10 });
    expectClose(ref.mean, 5.5, 'mean');
    expectClose(ref.p50, 5.5, 'p50');
    expectClose(ref.p01, 1.09, 'p01');
    expect(r?.chi2).toBeNull();
  });

  it('categorical text with a hostile name: new category, missing rate', async () => {
    const r = (await runDrift(engine, spec)).columns[1];
    expect(r?.name).toBe(HOSTILE);
    expect(r?.bins?.categories).toEqual(['a', 'b', 'c']);
    expect(r?.bins?.reference_counts).toEqual([5, 5, 0]);
    expect(r?.bins?.current_counts).toEqual([2, 4, 2]);
    expectClose(r?.psi ?? null, psiTerm(0.5, 0.25) + psiTerm(0.5, 0.5) + psiTerm(0, 0.25), 'psi');
    // Expected counts (row total · column total / 18) of [[5, 5, 0], [2, 4, 2]].
    const observed = [5, 5, 0, 2, 4, 2];
    const expected = [70 / 18, 90 / 18, 20 / 18, 56 / 18, 72 / 18, 16 / 18];
    const stat = observed.reduce(
      (s, o, i) => s + (o - (expected[i] ?? 0)) ** 2 / (expected[i] ?? 1),
      0,
    );
    expectClose(r?.chi2?.stat ?? null, stat, 'chi2');
    expect(r?.chi2?.dof).toBe(2);
    expectClose(r?.chi2?.p ?? null, Math.exp(-stat / 2), 'chi2 p (2 dof)');
    expect(r?.linf).toBe(0.25);
    expect(r?.new_categories).toEqual([{ value: 'c', count: 2, share: 0.25 }]);
    expect(r?.vanished).toEqual([]);
    expect(r?.missing).toMatchObject({ reference: 0, current: 0.2, shifted: false });
    expect(r?.ks).toBeNull();
    expect(r?.wasserstein).toBeNull();
  });

  it('a float categorical: NaN and Infinity are invalid, not categories', async () => {
    const r = (await runDrift(engine, spec)).columns[2];
    expect(r?.bins?.categories).toEqual(['1.0', '2.0']);
    expect(r?.bins?.reference_counts).toEqual([4, 4]);
    expect(r?.bins?.current_counts).toEqual([3, 4]);
    expect(r?.invalid).toEqual({ reference: 0.1, current: 0.1 });
    expect(r?.missing).toMatchObject({ reference: 0.1, current: 0.2 });
    expect(r?.reference).toMatchObject({ rows: 10, n: 8, nulls: 1, invalid: 1 });
  });

  it('a numeric column named like an internal alias, with the BH q over the table', async () => {
    const result = await runDrift(engine, spec);
    const r = result.columns[3];
    expect(r?.name).toBe(N0);
    expect(r?.reference).toMatchObject({ n: 10, nulls: 0, min: 0, max: 9 });
    expect(r?.current).toMatchObject({ n: 9, nulls: 1, min: 0, max: 8 });
    expect(r?.out_of_range).toBe(0);
    // The four tests (KS, chi-square, chi-square, KS) form one BH table.
    const ps = result.columns.map((c) => c.ks?.p ?? c.chi2?.p ?? null);
    expect(ps.every((p) => p !== null)).toBe(true);
    const qs = result.columns.map((c) => c.ks?.q ?? c.chi2?.q ?? null);
    qs.forEach((q, i) => expect(q).toBeGreaterThanOrEqual(ps[i] ?? 1));
    const smallest = Math.min(...(ps as number[]));
    expect(Math.min(...(qs as number[]))).toBeLessThanOrEqual(smallest * 4);
  });

  it('left the reference table alone and reports progress to the end', async () => {
    const seen: Progress[] = [];
    await runDrift(engine, spec, { onProgress: (p) => seen.push(p) });
    expect(readScalar(await engine.query(sql`SELECT count(*)::DOUBLE FROM ${table('ref')}`))).toBe(
      10,
    );
    expect(seen.at(-1)).toMatchObject({ done: 6, total: 6 });
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runDrift(engine, spec, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it('drops its grouped table after a run and after a cancel midway', async () => {
    const tables = async () =>
      Number(
        readScalar(
          await engine.query(sql`SELECT count(*) FROM duckdb_tables()
            WHERE table_name LIKE 'faultline_drift_cdf%'`),
        ),
      );
    await runDrift(engine, spec);
    expect(await tables()).toBe(0);
    const controller = new AbortController();
    const onProgress = (p: { phase: string }) => {
      // after the table exists: the next query is refused, the table must still go
      if (p.phase === 'finding quantiles') controller.abort();
    };
    await expect(
      runDrift(engine, spec, { signal: controller.signal, onProgress }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(await tables()).toBe(0);
  });
});

describe('runDrift: missing-rate shift (5 points and BH q < 0.05)', () => {
  beforeAll(async () => {
    // 1000 rows a side; the current side has 100 nulls in `jump` and 40 in `small`. `few`: 20
    // rows a side, one null in the current (5 points, too few rows to be significant).
    await engine.query(sql`CREATE TABLE ${table('m_ref')} AS
      SELECT (i % 37)::DOUBLE AS jump, (i % 41)::DOUBLE AS small FROM range(1000) t(i)`);
    await engine.query(sql`CREATE TABLE ${table('m_cur')} AS
      SELECT CASE WHEN i >= 100 THEN (i % 37)::DOUBLE END AS jump,
        CASE WHEN i >= 40 THEN (i % 41)::DOUBLE END AS small FROM range(1000) t(i)`);
    await engine.query(sql`CREATE TABLE ${table('f_ref')} AS
      SELECT (i % 23)::DOUBLE AS few FROM range(20) t(i)`);
    await engine.query(sql`CREATE TABLE ${table('f_cur')} AS
      SELECT CASE WHEN i > 0 THEN (i % 23)::DOUBLE END AS few FROM range(20) t(i)`);
  });

  it('flags a 10-point jump, not a significant 4-point one', async () => {
    const result = await runDrift(engine, {
      referenceTable: 'm_ref',
      currentTable: 'm_cur',
      columns: [column('jump', 'numeric', 'DOUBLE'), column('small', 'numeric', 'DOUBLE')],
    });
    const [jump, small] = result.columns;
    expect(jump?.missing).toMatchObject({ reference: 0, current: 0.1, shifted: true });
    expect(jump?.missing.q).toBeLessThan(0.05);
    expect(small?.missing.current).toBe(0.04);
    expect(small?.missing.q).toBeLessThan(0.05);
    expect(small?.missing.shifted).toBe(false);
    // Same values apart from the nulls: the non-null distribution is stable.
    expect(jump?.band).toBe('stable');
  });

  it('does not flag 5 points on 20 rows (not significant)', async () => {
    const result = await runDrift(engine, {
      referenceTable: 'f_ref',
      currentTable: 'f_cur',
      columns: [column('few', 'numeric', 'DOUBLE')],
    });
    const few = result.columns[0];
    expect(few?.missing.current).toBe(0.05);
    expect(few?.missing.q).toBeGreaterThan(0.05);
    expect(few?.missing.shifted).toBe(false);
  });

  it('an all-null current side gives nulls, never NaN', async () => {
    await engine.query(sql`CREATE TABLE ${table('e_cur')} AS
      SELECT NULL::DOUBLE AS jump FROM range(5)`);
    const result = await runDrift(engine, {
      referenceTable: 'm_ref',
      currentTable: 'e_cur',
      columns: [column('jump', 'numeric', 'DOUBLE')],
    });
    const r = result.columns[0];
    expect(r).toMatchObject({ psi: null, band: null, js: null, ks: null, wasserstein: null });
    expect(r?.out_of_range).toBeNull();
    expect(r?.drifted).toBe(false);
    expect(r?.missing).toMatchObject({ reference: 0, current: 1, shifted: true });
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });
});
