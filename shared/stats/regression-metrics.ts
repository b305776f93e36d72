// Regression metrics (STATS.md, the "Regression" sentence after "Classification metrics"): from
// the sums DuckDB aggregates over rows with a finite truth and prediction; error = prediction -
// truth, the absolute error is a row's "error".

/** What DuckDB sums for a group of rows. */
export interface RegressionSums {
  n: number;
  /** Sum of (prediction - truth). */
  sumError: number;
  sumAbsError: number;
  sumSquaredError: number;
  /** Sum of (truth - mean truth)², e.g. var_pop(truth) · n. */
  truthSumSquares: number;
}

export interface RegressionMetrics {
  mae: number | null;
  rmse: number | null;
  /** Mean of prediction - truth (bias). */
  mean_error: number | null;
  /** 1 - SSE/SST; with a constant truth, 1 if the predictions are perfect else 0 (as sklearn). */
  r2: number | null;
}

/** MAE, RMSE, mean error and R² of a group (Regression); all null without rows. */
export function regressionMetrics(s: RegressionSums): RegressionMetrics {
  if (s.n === 0) return { mae: null, rmse: null, mean_error: null, r2: null };
  const r2 =
    s.truthSumSquares === 0
      ? s.sumSquaredError === 0
        ? 1
        : 0
      : 1 - s.sumSquaredError / s.truthSumSquares;
  return {
    mae: s.sumAbsError / s.n,
    rmse: Math.sqrt(s.sumSquaredError / s.n),
    mean_error: s.sumError / s.n,
    r2,
  };
}
