// Chi-square test of homogeneity of STATS.md "Categorical drift (R vs C)": the 2 x K table of
// counts, no Yates correction (scipy.stats.chi2_contingency(table, correction=False)).
import { chiSquareSf } from './distributions.ts';

export interface ChiSquareTest {
  stat: number;
  dof: number;
  p: number;
}

/**
 * Homogeneity of two rows of counts over the same K categories; null when a row or a category
 * is empty (expected counts of 0, where scipy refuses).
 */
export function chiSquareHomogeneity(
  reference: readonly number[],
  current: readonly number[],
): ChiSquareTest | null {
  if (reference.length !== current.length) {
    throw new RangeError('chiSquareHomogeneity: rows differ in length');
  }
  const rows = [reference, current];
  const rowTotals = rows.map((r) => r.reduce((s, v) => s + v, 0));
  const colTotals = reference.map((r, j) => r + (current[j] ?? 0));
  const total = colTotals.reduce((s, v) => s + v, 0);
  if (rowTotals.some((t) => t <= 0) || colTotals.some((t) => t <= 0)) return null;
  const dof = colTotals.length - 1;
  // As scipy: with one category the table has nothing to test.
  if (dof === 0) return { stat: 0, dof: 0, p: 1 };
  let stat = 0;
  rows.forEach((row, i) => {
    row.forEach((observed, j) => {
      const expected = ((rowTotals[i] ?? 0) * (colTotals[j] ?? 0)) / total;
      stat += (observed - expected) ** 2 / expected;
    });
  });
  return { stat, dof, p: chiSquareSf(stat, dof) ?? 1 };
}
