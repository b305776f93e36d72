/**
 * A p or q value for people: three decimals while readable, then one significant digit, and
 * below 1e-16 as a bound (doubles cannot tell smaller p-values apart from rounding there).
 */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return '–';
  if (p < 1e-16) return '<1e-16';
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(0);
}
