import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import { expectClose, expectP } from '../../../test-support/reference.ts';
import type { PerformanceCohort, PerformanceResult } from './performance-result.ts';
import type { PerformanceSpec } from './performance-spec.ts';
import { runPerformance } from './run-performance.ts';

// A hand-worked log of 90 rows in three cohorts of `group` (a keyword), the label as yes/no text,
// the logged prediction in a column named like a query alias, and a score named like another.
const GROUP = 'group';
const LABEL = 'is fraud?';
const PREDICTION = 'k_0';
const SCORE = 's';

let engine: Engine;
let result: PerformanceResult;

const spec: PerformanceSpec = {
  log: {
    table: 'hand',
    outcome: {
      label: LABEL,
      positive: 'yes',
      prediction: PREDICTION,
      score: SCORE,
      threshold: 0.5,
    },
  },
  by: [{ name: GROUP, mode: 'value', logType: 'VARCHAR', referenceType: null }],
};

const cohort = (value: string | null): PerformanceCohort => {
  const c = result.cohorts.find((x) => x.cohort[GROUP] === value);
  if (!c) throw new Error(`no cohort ${value}`);
  return c;
};

beforeAll(async () => {
  engine = await createNodeEngine();
  // A: 40 rows, 10 positives (score 0.8), 30 negatives (0.2); predicted: 8 TP, 2 FP.
  // B: 40 rows, 10 positives, 30 negatives, every score 0.5; predicted: 2 TP, 2 FP.
  // NULL: 10 rows, 5 positives (0.3), 5 negatives (0.6); predicted: 5 TP, 0 FP.
  await engine.query(sql`CREATE TABLE ${table('hand')} AS
    SELECT g AS ${ident(GROUP)}, CASE WHEN pos THEN 'yes' ELSE 'no' END AS ${ident(LABEL)},
      CASE WHEN pred THEN 'yes' ELSE 'no' END AS ${ident(PREDICTION)}, score AS ${ident(SCORE)}
    FROM (
      SELECT 'A' AS g, i < 10 AS pos, i < 8 OR i IN (10, 11) AS pred,
        CASE WHEN i < 10 THEN 0.8 ELSE 0.2 END AS score FROM range(40) t(i)
      UNION ALL
      SELECT 'B', i < 10, i < 2 OR i IN (10, 11), 0.5 FROM range(40) t(i)
      UNION ALL
      SELECT NULL, i < 5, i < 5, CASE WHEN i < 5 THEN 0.3 ELSE 0.6 END FROM range(10) t(i)
    )`);
  result = await runPerformance(engine, spec);
});
afterAll(async () => {
  await engine.close();
});

describe('runPerformance on a hand-worked log', () => {
  it('counts every cohort, nulls as their own, with the logged prediction', () => {
    expect(result.log.rows).toBe(90);
    expect(result.reference).toBeNull();
    expect(result.outcome).toEqual({
      label: LABEL,
      positive: 'yes',
      prediction: PREDICTION,
      score: SCORE,
      threshold: null,
    });
    expect(cohort('A').confusion).toEqual({ tp: 8, fp: 2, tn: 28, fn: 2 });
    expect(cohort('B').confusion).toEqual({ tp: 2, fp: 2, tn: 28, fn: 8 });
    expect(cohort(null).confusion).toEqual({ tp: 5, fp: 0, tn: 5, fn: 0 });
    expect(cohort(null).predicates).toEqual([{ column: GROUP, op: '=', value: null }]);
    expect(result.overall.confusion).toEqual({ tp: 15, fp: 4, tn: 61, fn: 10 });
  });

  it('metrics by hand: A', () => {
    const m = cohort('A').metrics;
    expect(m.recall).toBe(0.8);
    expect(m.precision).toBe(0.8);
    expect(m.accuracy).toBe(0.9);
    expect(m.fpr).toBe(2 / 30);
    expect(m.base_rate).toBe(0.25);
    expect(m.predicted_positive_rate).toBe(0.25);
    expectClose(m.f1, 0.8, 'f1');
    expect(m.auc).toBe(1);
    // Every row's loss is -ln 0.8 (positives at 0.8, negatives at 0.2); Brier 0.2² = 0.04.
    expectClose(m.log_loss, -Math.log(0.8), 'log loss');
    expectClose(m.brier, 0.04, 'brier');
  });

  it('metrics by hand: B, all scores tied (AUC 0.5), and the overall AUC over mixed ties', () => {
    const m = cohort('B').metrics;
    expect([m.recall, m.precision, m.accuracy]).toEqual([0.2, 0.5, 0.75]);
    expect(m.auc).toBe(0.5);
    expectClose(m.log_loss, Math.LN2, 'log loss');
    expectClose(m.brier, 0.25, 'brier');
    expect(cohort(null).metrics.auc).toBe(0);
    // Pairs won of 25 × 65: A's positives beat all 65 negatives (650), B's beat A's 30 and tie
    // B's 30 (300 + 15·10), the null cohort's beat A's 30 (150): 1250 / 1625 = 10/13.
    expectClose(result.overall.metrics.auc, 10 / 13, 'overall auc');
  });

  it('deltas against the rest of the log, z-test by hand, BH over the judged cohorts', () => {
    // A vs rest (B + null): recall 8/10 vs 7/15; pooled 15/25 = 0.6, se = sqrt(0.24·(1/10 + 1/15))
    // = 0.2; z = (1/3)/0.2 = 5/3. B vs rest (A + null): 2/10 vs 13/15, z = -10/3. p from scipy.
    const a = cohort('A').delta?.metrics.recall;
    const b = cohort('B').delta?.metrics.recall;
    expect(cohort('A').delta).toMatchObject({
      against: 'rest',
      n: 50,
      positives: 15,
      too_small: false,
    });
    expectClose(a?.baseline ?? null, 7 / 15, 'A baseline');
    expectClose(a?.delta ?? null, 0.8 - 7 / 15, 'A delta');
    expectClose(a?.z ?? null, 5 / 3, 'A z');
    expectP(a?.p ?? null, 0.0955807045456294, 'A p');
    expectClose(b?.z ?? null, -10 / 3, 'B z');
    expectP(b?.p ?? null, 0.0008581206663936744, 'B p');
    // m = 2: the null cohort is too small (10 rows) and keeps its p with no q.
    expectP(b?.q ?? null, 0.0008581206663936744 * 2, 'B q');
    expectP(a?.q ?? null, 0.0955807045456294, 'A q');
    expect(cohort(null).too_small).toBe(true);
    expect(cohort(null).delta?.too_small).toBe(true);
    expect(cohort(null).delta?.metrics.recall.q).toBeNull();
    // The rest's AUC is unknown (ranks do not subtract); its log loss is (sum - sum) / n.
    expect(cohort('A').delta?.metrics.auc).toMatchObject({ baseline: null, delta: null, p: null });
    const restLogLoss = (40 * Math.LN2 + 5 * -Math.log(0.3) + 5 * -Math.log(0.4)) / 50;
    expectClose(cohort('A').delta?.metrics.log_loss.baseline ?? null, restLogLoss, 'rest log loss');
  });

  it('ranks the cohorts: the significant recall drop (B) first, then A, then the too small', () => {
    expect(result.cohorts.map((c) => c.cohort[GROUP])).toEqual(['B', 'A', null]);
    expect(result.primary_metric).toBe('recall');
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('an explicit threshold predicts from the score: every score >= 0.5 is positive', async () => {
    const r = await runPerformance(engine, {
      ...spec,
      log: { ...spec.log, outcome: { ...spec.log.outcome, prediction: null } },
    });
    // A: 10 positives at 0.8 predicted, negatives at 0.2 not; B: all 40 predicted.
    expect(r.cohorts.find((c) => c.cohort[GROUP] === 'A')?.confusion).toEqual({
      tp: 10,
      fp: 0,
      tn: 30,
      fn: 0,
    });
    expect(r.outcome.threshold).toBe(0.5);
    expect(r.cohorts.find((c) => c.cohort[GROUP] === 'B')?.metrics.predicted_positive_rate).toBe(1);
  });
});
