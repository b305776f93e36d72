// Log loss (STATS.md "Classification metrics (binary)": Log loss), summed in DuckDB.
import { sql, type Sql } from '../sql/sql.ts';

/** STATS.md's eps: scores are clipped to [eps, 1 - eps] (sklearn's float64 eps). */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

/**
 * SQL for the summed -(y ln p + (1-y) ln(1-p)) of `positives` rows labelled 1 and `negatives`
 * labelled 0 that share the score `p`, with p clipped to [eps, 1 - eps] (Log loss).
 */
export function logLossSumSql(p: Sql, positives: Sql, negatives: Sql): Sql {
  const clipped = sql`greatest(least(${p}, ${1 - LOG_LOSS_EPS}), ${LOG_LOSS_EPS})`;
  return sql`(-(${positives}) * ln(${clipped}) - (${negatives}) * ln(1 - ${clipped}))`;
}
