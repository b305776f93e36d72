/**
 * Miscalibration. On 2026-08-31 v1 moved to a new serving runtime whose model export dropped the
 * temperature-scaling layer fitted on the training window. The raw scores are overconfident:
 * in logit space they are stretched by 1 / temperature and shifted up, so transactions the
 * model judged ~35% likely to be fraud now show 0.7 to 0.9, where the observed fraud rate is about
 * 0.45; the near-certain card-testing sessions above 0.9 stay near-certain. The fixed 0.5
 * threshold now flags more transactions (recall up, precision down). Same weights, same
 * model_version: only a calibration view (or the score's drift) shows it.
 */
import { activeFromMs } from './plant-context.ts';

export const MISCALIBRATION = {
  failure: 'miscalibration',
  dataset: 'production',
  column: 'fraud_score',
  since: '2026-08-31',
  /** The dropped layer: calibrated logit = TEMPERATURE * raw logit - BIAS. */
  temperature: 0.5,
  bias: 1.1,
} as const;

const ACTIVE_FROM_MS = activeFromMs(MISCALIBRATION.since);

/** The score v1 serves from the new runtime, given the calibrated probability. */
export function plantMiscalibration(probability: number, timeMs: number): number {
  if (timeMs < ACTIVE_FROM_MS) return probability;
  const clipped = Math.min(Math.max(probability, 1e-12), 1 - 1e-12);
  const calibratedLogit = Math.log(clipped / (1 - clipped));
  const rawLogit = (calibratedLogit + MISCALIBRATION.bias) / MISCALIBRATION.temperature;
  return 1 / (1 + Math.exp(-rawLogit));
}
