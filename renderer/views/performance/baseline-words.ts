import type { RowDelta } from './performance-rows.ts';

/** Where a row's baseline is, for sentences: "in the reference" or "in the rest of the log". */
export function baselineWords(against: RowDelta['against'] | null | undefined): string {
  return against === 'rest' ? 'in the rest of the log' : 'in the reference';
}
