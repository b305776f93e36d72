// A grid cell's text: the same value reads the same in every row. Pure.
import type { Cell, ErrorsPageColumn } from '../../../shared/analyses/errors/errors-result.ts';
import { formatNumber } from '../../format/numbers.ts';

/** Shown for a null (missing) value. */
export const MISSING_TEXT = '–';

/** An ISO timestamp as the analysis sends it: "2026-09-01T12:34:56.000Z". */
const isoTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;

/**
 * A value for its column: ids as written (no thousands separators), other numbers compact
 * ("0.9731", "12,346"), times as "2026-09-01 12:34:56" (UTC, as DuckDB stores them; milliseconds
 * only when there are some), booleans and text as they are.
 */
export function formatCell(value: Cell, column?: Pick<ErrorsPageColumn, 'role'>): string {
  if (value === null) return MISSING_TEXT;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return column?.role === 'id' ? String(value) : formatNumber(value);
  const time = isoTime.exec(value);
  if (time !== null) {
    const [, date, clock, fraction] = time;
    const millis = fraction !== undefined && /[1-9]/.test(fraction) ? fraction : '';
    return `${date} ${clock}${millis}`;
  }
  return value;
}

/**
 * A confidence (a probability) to four decimals, "0.9731" (the most confident errors differ in
 * the fourth), or as many more as it takes not to read 1.0000 or 0.0000 when it is not:
 * "0.99996". A confident error is not a certain one.
 */
export function formatConfidence(confidence: number | null): string {
  if (confidence === null) return MISSING_TEXT;
  for (let digits = 4; digits < 8; digits++) {
    const text = confidence.toFixed(digits);
    const roundsToOne = confidence < 1 && text === (1).toFixed(digits);
    const roundsToZero = confidence > 0 && text === (0).toFixed(digits);
    if (!roundsToOne && !roundsToZero) return text;
  }
  return confidence.toFixed(8);
}

/** A confidence bar's width in percent, 0 to 100. */
export function confidenceWidth(confidence: number | null): number {
  if (confidence === null) return 0;
  return Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 10;
}
