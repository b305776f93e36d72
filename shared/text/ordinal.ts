/** An ordinal for people: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd. */
export function ordinal(n: number): string {
  const tens = Math.abs(n) % 100;
  const ones = Math.abs(n) % 10;
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : ones === 1
        ? 'st'
        : ones === 2
          ? 'nd'
          : ones === 3
            ? 'rd'
            : 'th';
  return `${n}${suffix}`;
}

/**
 * A percentile (a share in [0, 1]) as words, to one decimal: "99.8th percentile", "50th
 * percentile", "1st percentile". A share that would round to 0 or 100 without being it reads
 * "below the 0.1th" / "above the 99.9th percentile": the largest value of a million is not the
 * 100th percentile.
 */
export function formatPercentile(share: number): string {
  const tenths = Math.round(share * 1000);
  if (tenths >= 1000 && share < 1) return 'above the 99.9th percentile';
  if (tenths <= 0 && share > 0) return 'below the 0.1th percentile';
  const percent = tenths / 10;
  return `${Number.isInteger(percent) ? ordinal(percent) : `${percent.toFixed(1)}th`} percentile`;
}
