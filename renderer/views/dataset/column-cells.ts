import type { SchemaColumn } from '../../../shared/schema/dataset-schema.ts';
import { isTemporalType } from '../../../shared/schema/duck-types.ts';
import { formatUtcDate } from '../../format/dates.ts';
import { formatCount, formatNumber, formatPercent } from '../../format/numbers.ts';

/** A column's value as the table writes it: a UTC date for time columns, else a number. */
export function formatColumnValue(column: Pick<SchemaColumn, 'type'>, value: number): string {
  // Time columns' min and max are epoch milliseconds (shared/schema/column-summary.ts).
  return isTemporalType(column.type) ? formatUtcDate(value) : formatNumber(value);
}

/** "min – max", one value when they are equal, or "—" for columns without an order. */
export function formatRange(column: Pick<SchemaColumn, 'type' | 'min' | 'max'>): string {
  if (column.min === null || column.max === null) return '—';
  const min = formatColumnValue(column, column.min);
  const max = formatColumnValue(column, column.max);
  return min === max ? min : `${min} – ${max}`;
}

/** "1,234 (12.3%)", or "0" for a column with every value present. */
export function formatNulls(column: Pick<SchemaColumn, 'nulls' | 'nullRate'>): string {
  if (column.nulls === 0) return '0';
  return `${formatCount(column.nulls)} (${formatPercent(column.nullRate)})`;
}
