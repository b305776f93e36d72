/**
 * Unit change. From Monday 2026-10-05 the log's `amount` arrives in cents (x100) for every row:
 * the logging job switched to the payment API's minor-unit field. It is a logging bug only (the
 * model was served dollars), so the drift is loud (PSI far above 0.2 from that week on) while
 * the model's performance does not move: the classic alarm that is real but not a model failure.
 */
import type { TxRow } from '../transaction.ts';
import { activeFromMs } from './plant-context.ts';

export const UNIT_CHANGE = {
  failure: 'unit_change',
  dataset: 'production',
  column: 'amount',
  since: '2026-10-05',
  factor: 100,
} as const;

const ACTIVE_FROM_MS = activeFromMs(UNIT_CHANGE.since);

/** Logs `amount` in cents from UNIT_CHANGE.since on. */
export function plantUnitChange(row: TxRow): TxRow {
  if (row.eventTimeMs < ACTIVE_FROM_MS) return row;
  // Round: 45.12 * 100 is 4511.999... in binary floating point.
  return { ...row, amount: Math.round(row.amount * UNIT_CHANGE.factor) };
}
