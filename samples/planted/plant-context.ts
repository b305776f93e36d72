/** What every planted failure receives besides the row: the row's time, randomness and population. */
import type { FixedValues } from '../population.ts';
import type { Rng } from '../prng.ts';
import type { TxDraft } from '../transaction.ts';
import { utcDateMs } from '../calendar.ts';

export interface PlantContext {
  /** The row's event time (epoch ms, UTC). */
  timeMs: number;
  /** The row's own random stream: a plant's draws stay deterministic per row. */
  rng: Rng;
  /** A fresh labelled transaction at the same time from the current population. */
  drawTransaction: (fixed: FixedValues) => TxDraft;
}

/** A cohort or segment as CLI.md's slice shape: a conjunction of `column = value`. */
export interface EqualsPredicate {
  column: string;
  op: '=';
  value: string;
}

/** Epoch ms of 00:00 UTC on the ISO date `since`: a plant is active from then on. */
export function activeFromMs(since: string): number {
  return utcDateMs(since);
}
