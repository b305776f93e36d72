/**
 * Missing-rate jump. From Monday 2026-10-12 `distance_from_home_km` is null in ~35% of rows: the
 * log's geo-enrichment step calls an IP-geolocation service that started timing out, and a
 * timeout is written as null. The model scored upstream with the real value, so only the log
 * loses it: a missing-rate shift (+35 points) with no change in the non-null distribution.
 */
import type { Rng } from '../prng.ts';
import type { TxRow } from '../transaction.ts';
import { activeFromMs } from './plant-context.ts';

export const MISSING_RATE_JUMP = {
  failure: 'missing_rate_jump',
  dataset: 'production',
  column: 'distance_from_home_km',
  since: '2026-10-12',
  missingRate: 0.35,
} as const;

const ACTIVE_FROM_MS = activeFromMs(MISSING_RATE_JUMP.since);

/** Nulls `distance_from_home_km` with probability MISSING_RATE_JUMP.missingRate once active. */
export function plantMissingRate(row: TxRow, rng: Rng): TxRow {
  if (row.eventTimeMs < ACTIVE_FROM_MS) return row;
  return rng.chance(MISSING_RATE_JUMP.missingRate) ? { ...row, distanceFromHomeKm: null } : row;
}
