// AUC as Mann-Whitney (STATS.md "Classification metrics (binary)": AUC), from the rank sum DuckDB
// aggregates: scores grouped by value, each group's midrank = (rows of lower scores) + (t + 1)/2,
// so ties get the average rank and no row ever leaves the database.

/** What the AUC needs: class sizes and the positives' summed midranks among all scored rows. */
export interface AucInputs {
  positives: number;
  negatives: number;
  /** Sum over positives of their midrank (1-based) among all scored rows. */
  positiveRankSum: number;
}

/**
 * (sum of midranks of positives - n1(n1+1)/2) / (n1 n0), equal to sklearn's roc_auc_score; null
 * when a class is absent (Classification metrics (binary), AUC).
 */
export function aucFromRankSum({
  positives,
  negatives,
  positiveRankSum,
}: AucInputs): number | null {
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
