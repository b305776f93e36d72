import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import { expectClose } from '../../../test-support/reference.ts';
import { multiclassCases, regressionCases } from '../../../test-support/task-reference.ts';
import type { PerformanceByColumn } from './performance-spec.ts';
import { runMulticlassPerformance } from './run-multiclass-performance.ts';
import { runRegressionPerformance } from './run-regression-performance.ts';

const multiclass = multiclassCases();
const regression = regressionCases();
// Names that need quoting, one of them an alias of the queries.
const TRUE = 'true "label"';
const PRED = 'yhat';
const HALF = 'half ü';

let engine: Engine;
let tables = 0;

async function load(truth: unknown[], predicted: unknown[], numeric: boolean): Promise<string> {
  const name = `task_${tables++}`;
  const vector = (values: unknown[]) =>
    numeric
      ? vectorFromArray(values as number[], new Float64())
      : vectorFromArray(values as string[], new Utf8());
  const half = truth.map((_, i) => (i % 2 === 0 ? 'even' : 'odd'));
  const t = new Table({
    [TRUE]: vector(truth),
    [PRED]: vector(predicted),
    [HALF]: vectorFromArray(half, new Utf8()),
  });
  await engine.insertArrowIpc(name, tableToIPC(t, 'stream'), { create: true });
  return name;
}

const half: PerformanceByColumn = {
  name: HALF,
  mode: 'value',
  logType: 'VARCHAR',
  referenceType: null,
};
const side = (tableName: string, numeric: boolean) => ({
  table: tableName,
  label: TRUE,
  prediction: PRED,
  numeric,
});
const evens = <T>(xs: readonly T[], parity: number) => xs.filter((_, i) => i % 2 === parity);

beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('runMulticlassPerformance against multiclass.json', () => {
  for (const c of multiclass) {
    it(`${c.name}: the whole log, then each half as a cohort`, async () => {
      const name = await load(c.inputs.y_true, c.inputs.y_pred, false);
      const r = await runMulticlassPerformance(engine, {
        task: 'multiclass',
        log: side(name, false),
        by: [half],
      });
      const m = r.overall.metrics;
      const e = c.expected;
      expect(r.overall.n).toBe(c.inputs.y_true.length);
      expect(m.labels).toEqual(e.labels);
      expect(m.confusion_matrix).toEqual(e.confusion_matrix.rows_true_cols_pred);
      expectClose(m.accuracy, e.accuracy, 'accuracy');
      expectClose(m.macro_f1, e.macro_f1, 'macro F1');
      expectClose(m.weighted_f1, e.weighted_f1, 'weighted F1');
      for (const l of e.labels) {
        expectClose(m.per_class[l]?.precision ?? null, e.precision[l] ?? null, `${l} precision`);
        expectClose(m.per_class[l]?.recall ?? null, e.recall[l] ?? null, `${l} recall`);
      }
      // The even rows' cohort: accuracy counted in plain JS, against the odd rows (the rest).
      const even = r.cohorts.find((x) => x.cohort[HALF] === 'even');
      const correct = (parity: number) =>
        evens(c.inputs.y_true, parity).filter((y, i) => y === evens(c.inputs.y_pred, parity)[i])
          .length;
      const n = (parity: number) => evens(c.inputs.y_true, parity).length;
      expect(even?.metrics.intervals.accuracy).toMatchObject({ k: correct(0), n: n(0) });
      expectClose(
        even?.delta?.metrics.accuracy.baseline ?? null,
        correct(1) / n(1),
        'rest accuracy',
      );
      expect(even?.delta?.metrics.accuracy.p).not.toBeNull();
      expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    });
  }
});

describe('runRegressionPerformance against regression.json', () => {
  for (const c of regression) {
    it(`${c.name}: the whole log, then each half against the other`, async () => {
      const name = await load(c.inputs.y_true, c.inputs.y_pred, true);
      const r = await runRegressionPerformance(engine, {
        task: 'regression',
        log: side(name, true),
        by: [half],
      });
      const e = c.expected;
      expectClose(r.overall.metrics.mae, e.mae, 'mae');
      expectClose(r.overall.metrics.rmse, e.rmse, 'rmse');
      expectClose(r.overall.metrics.mean_error, e.mean_error, 'mean error');
      expectClose(r.overall.metrics.r2, e.r2, 'r2');
      // The rest of the even rows is the odd rows: its R² needs the split of the truth's spread.
      const odd = { y: evens(c.inputs.y_true, 1), p: evens(c.inputs.y_pred, 1) };
      const mean = odd.y.reduce((s, y) => s + y, 0) / odd.y.length;
      const sse = odd.y.reduce((s, y, i) => s + ((odd.p[i] ?? 0) - y) ** 2, 0);
      const sst = odd.y.reduce((s, y) => s + (y - mean) ** 2, 0);
      const even = r.cohorts.find((x) => x.cohort[HALF] === 'even');
      expectClose(even?.delta?.metrics.r2.baseline ?? null, 1 - sse / sst, 'rest r2');
      expectClose(
        even?.delta?.metrics.rmse.baseline ?? null,
        Math.sqrt(sse / odd.y.length),
        'rest rmse',
      );
      expect(even?.delta?.metrics.mae).toMatchObject({ z: null, p: null, q: null });
    });
  }
});

describe('multiclass over time', () => {
  it("dates accuracy's onset; windows without labels show as such", async () => {
    // Four weeks of 60 rows: right 54 of 60, then 30 of 60 from week 3; week 4 has no labels.
    await engine.query(sql`CREATE TABLE ${table('mc_time')} AS
      SELECT TIMESTAMP '2026-09-07' + to_days((w * 7)::INTEGER) AS ${ident('when')},
        CASE WHEN w < 3 THEN ['a', 'b', 'c'][i % 3 + 1] END AS ${ident(TRUE)},
        CASE WHEN i < (CASE WHEN w < 2 THEN 54 ELSE 30 END) THEN ['a', 'b', 'c'][i % 3 + 1]
          ELSE 'd' END AS ${ident(PRED)}
      FROM range(4) a(w), range(60) b(i)`);
    await engine.query(sql`CREATE TABLE ${table('mc_ref')} AS
      SELECT ['a', 'b', 'c'][i % 3 + 1] AS ${ident(TRUE)},
        CASE WHEN i < 54 THEN ['a', 'b', 'c'][i % 3 + 1] ELSE 'a' END AS ${ident(PRED)}
      FROM range(60) b(i)`);
    const r = await runMulticlassPerformance(engine, {
      task: 'multiclass',
      log: side('mc_time', false),
      reference: side('mc_ref', false),
      by: [],
      time: 'when',
      window: 'week',
    });
    expect(r.timeline?.map((w) => [w.window, w.n, w.metrics.accuracy])).toEqual([
      ['2026-09-07', 60, 0.9],
      ['2026-09-14', 60, 0.9],
      ['2026-09-21', 60, 0.5],
      ['2026-09-28', 0, null],
    ]);
    // 'd' is only ever predicted: a label of the matrix with recall 0 and no support.
    expect(r.timeline?.[2]?.metrics.labels).toEqual(['a', 'b', 'c', 'd']);
    expect(r.since).toEqual({ metric: 'accuracy', window: '2026-09-21' });
    expect(r.timeline?.[3]?.primary?.worse).toBeNull();
  });
});
