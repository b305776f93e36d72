import type { ColumnShape } from '../../../shared/schema/column-shape.ts';
import type { SchemaColumn } from '../../../shared/schema/dataset-schema.ts';
import { formatCount } from '../../format/numbers.ts';
import { formatColumnValue } from './column-cells.ts';

/** Bar heights to draw and the same picture in words (the SVG's <title>). */
export interface SparklineData {
  counts: number[];
  description: string;
}

/** Categories drawn at most; the rest are summed up in words. */
export const maxCategoryBars = 12;

/**
 * What a column's sparkline shows: a numeric or time column's equal-width bins, or a categorical
 * column's most frequent values; null when there is neither (free text, an all-null column).
 */
export function sparklineOf(
  column: Pick<SchemaColumn, 'name' | 'type' | 'kind' | 'topValues'>,
  shape: ColumnShape | undefined,
): SparklineData | null {
  if (column.kind === 'categorical') {
    const values = column.topValues ?? [];
    if (values.length === 0) return null;
    const shown = values.slice(0, maxCategoryBars);
    const named = values
      .slice(0, 5)
      .map((v) => `${v.value} (${formatCount(v.count)})`)
      .join(', ');
    const more = values.length > 5 ? ` and ${values.length - 5} more` : '';
    return {
      counts: shown.map((v) => v.count),
      description: `Most frequent values of ${column.name}: ${named}${more}`,
    };
  }
  if ((column.kind === 'numeric' || column.kind === 'datetime') && shape !== undefined) {
    if (shape.counts.length === 0) return null;
    const from = formatColumnValue(column, shape.min);
    const to = formatColumnValue(column, shape.max);
    const fullest = Math.max(...shape.counts);
    const bins = shape.counts.length === 1 ? 'one bin' : `${shape.counts.length} equal-width bins`;
    return {
      counts: shape.counts,
      description: `Distribution of ${column.name} in ${bins} from ${from} to ${to}; the fullest holds ${formatCount(fullest)} rows`,
    };
  }
  return null;
}

/** One bar of a sparkline, in SVG user units (y grows downwards). */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Bars scaled to the largest count, bottom-aligned in a width × height box. Any non-zero count
 * gets at least one unit of height, so a rare bin is never drawn as empty.
 */
export function sparklineBars(counts: readonly number[], width: number, height: number): Bar[] {
  const largest = Math.max(0, ...counts);
  const step = width / Math.max(counts.length, 1);
  const gap = step >= 3 ? 1 : 0;
  return counts.map((count, i) => {
    const h = largest === 0 || count <= 0 ? 0 : Math.max(1, (count / largest) * height);
    return { x: i * step, y: height - h, width: step - gap, height: h };
  });
}
