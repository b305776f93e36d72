/** A numeric or time column's distribution as equal-width bin counts: what a sparkline draws. */
export interface ColumnShape {
  /** Lower edge of the first bin (epoch ms for time columns). */
  min: number;
  /** Upper edge of the last bin. */
  max: number;
  /** Non-null finite values per bin, left to right; one bin when min = max. */
  counts: number[];
}
