import type { ColumnSummary } from './column-summary.ts';
import { isNumericType, isTemporalType } from './duck-types.ts';

export type ColumnKind = 'numeric' | 'categorical' | 'datetime' | 'text';

export const columnKinds: readonly ColumnKind[] = ['numeric', 'categorical', 'datetime', 'text'];

/** STATS.md "Column kinds": numeric needs a number type and more than 20 distinct values. */
export const numericMinDistinct = 21;

/**
 * The kind of a column (STATS.md "Column kinds"); free text is text with mostly unique values,
 * which no analysis bins.
 */
export function inferKind(s: ColumnSummary): { kind: ColumnKind; reason: string } {
  if (isTemporalType(s.type)) return { kind: 'datetime', reason: `${s.type} values` };
  if (isNumericType(s.type)) {
    return s.distinct >= numericMinDistinct
      ? { kind: 'numeric', reason: `${s.type} with ${s.distinct} distinct values` }
      : {
          kind: 'categorical',
          reason: `${s.type} with only ${s.distinct} distinct values (20 or fewer)`,
        };
  }
  // Mostly unique text (ids, names, free text) is not a category any analysis can bin.
  if (s.type === 'VARCHAR' && s.distinct > 100 && s.distinct * 2 > s.nonNull) {
    return { kind: 'text', reason: `text with ${s.distinct} distinct values in ${s.nonNull} rows` };
  }
  return { kind: 'categorical', reason: `${s.type} with ${s.distinct} distinct values` };
}
