import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test-support/reference.ts';
import { regressionCases } from '../../test-support/task-reference.ts';
import { regressionMetrics, type RegressionSums } from './regression-metrics.ts';

/** The sums DuckDB would aggregate, computed here in plain JS. */
function sumsOf(truth: readonly number[], prediction: readonly number[]): RegressionSums {
  const n = truth.length;
  const mean = truth.reduce((s, y) => s + y, 0) / n;
  const errors = truth.map((y, i) => (prediction[i] ?? NaN) - y);
  return {
    n,
    sumError: errors.reduce((s, e) => s + e, 0),
    sumAbsError: errors.reduce((s, e) => s + Math.abs(e), 0),
    sumSquaredError: errors.reduce((s, e) => s + e * e, 0),
    truthSumSquares: truth.reduce((s, y) => s + (y - mean) ** 2, 0),
  };
}

describe('regressionMetrics against regression.json', () => {
  for (const c of regressionCases()) {
    it(c.name, () => {
      const r = regressionMetrics(sumsOf(c.inputs.y_true, c.inputs.y_pred));
      expectClose(r.mae, c.expected.mae, 'mae');
      expectClose(r.rmse, c.expected.rmse, 'rmse');
      expectClose(r.mean_error, c.expected.mean_error, 'mean error');
      expectClose(r.r2, c.expected.r2, 'r2');
    });
  }
});

describe('regressionMetrics by hand', () => {
  it('truth 1 2 3, predictions 2 2 2: MAE 2/3, RMSE sqrt(2/3), bias 0, R² 0', () => {
    const r = regressionMetrics(sumsOf([1, 2, 3], [2, 2, 2]));
    expectClose(r.mae, 2 / 3, 'mae');
    expectClose(r.rmse, Math.sqrt(2 / 3), 'rmse');
    expect(r.mean_error).toBe(0);
    expect(r.r2).toBe(0);
  });

  it("a constant truth: R² 1 when perfect, else 0 (sklearn's convention)", () => {
    expect(regressionMetrics(sumsOf([4, 4], [4, 4])).r2).toBe(1);
    expect(regressionMetrics(sumsOf([4, 4], [4, 5])).r2).toBe(0);
  });

  it('no rows: every metric null', () => {
    expect(
      regressionMetrics({
        n: 0,
        sumError: 0,
        sumAbsError: 0,
        sumSquaredError: 0,
        truthSumSquares: 0,
      }),
    ).toEqual({ mae: null, rmse: null, mean_error: null, r2: null });
  });
});
