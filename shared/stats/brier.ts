// Brier score (STATS.md "Classification metrics (binary)": Brier), summed in DuckDB.
import { sql, type Sql } from '../sql/sql.ts';

/**
 * SQL for the summed (p - y)^2 of `positives` rows labelled 1 and `negatives` labelled 0 that
 * share the score `p` (Brier = this sum over every group / n).
 */
export function brierSumSql(p: Sql, positives: Sql, negatives: Sql): Sql {
  return sql`((${positives}) * (${p} - 1) * (${p} - 1) + (${negatives}) * ${p} * ${p})`;
}
