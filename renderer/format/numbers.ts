// en-US everywhere: numbers read the same in the app, the report and the CLI's output, and tests
// do not depend on the machine's locale.
const wholeNumbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fourDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** A count with thousands separators: 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return wholeNumbers.format(n);
}

/**
 * A measured value, compact: four significant digits below 1,000 ("0.02081", "683", "-1.5"),
 * whole numbers with separators from 1,000 up ("12,346").
 */
export function formatNumber(x: number): string {
  return Math.abs(x) >= 1000 ? wholeNumbers.format(x) : fourDigits.format(x);
}

/**
 * A fraction as a percent with one decimal. Shares that would round to 0% or 100% but are not
 * read "<0.1%" and ">99.9%": a column missing 3 values in a million is not "0.0%" missing.
 */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  if (percent > 0 && percent < 0.05) return '<0.1%';
  if (percent < 100 && percent >= 99.95) return '>99.9%';
  return `${percent.toFixed(1)}%`;
}
