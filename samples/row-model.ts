/**
 * One log row from its dataset, seed and index: draw the transaction, let the planted failures
 * act in pipeline order (population -> fraud mechanism -> serving -> logging), score, and log.
 * Each row has its own random stream, so rows can be made in any chunking with the same bytes.
 */
import type { DatasetPlan } from './datasets.ts';
import type { FixedValues } from './population.ts';
import type { ModelVersion, TxDraft, TxRow } from './transaction.ts';
import { DAY_MS, EventTimeSampler } from './calendar.ts';
import {
  decision,
  drawLatencyMs,
  loggedScore,
  v1Probability,
  v2Probability,
} from './fraud-model.ts';
import { labelTransaction } from './fraud-truth.ts';
import { drawFeatures } from './population.ts';
import { Rng, rowSeed } from './prng.ts';
import { canarySegmentShift } from './planted/canary-segment.ts';
import { plantCohortCollapse } from './planted/cohort-collapse.ts';
import { plantLabelShift } from './planted/label-shift.ts';
import { plantMiscalibration } from './planted/miscalibration.ts';
import { plantMissingRate } from './planted/missing-rate.ts';
import { plantNewCategory } from './planted/new-category.ts';
import type { PlantContext } from './planted/plant-context.ts';
import { plantUnitChange } from './planted/unit-change.ts';

const HOUR_MS = 3_600_000;

/** Share of canary traffic routed to v2 (the rest stays on v1). */
export const CANARY_V2_SHARE = 0.5;

/** Makes the rows of one dataset; `rowAt(i)` is a pure function of (plan, seed, i). */
export class RowModel {
  private readonly rng = new Rng(0);
  private readonly times: EventTimeSampler;
  private readonly isProduction: boolean;
  private utcHour = 0;
  private readonly ctx: PlantContext;

  constructor(
    private readonly plan: DatasetPlan,
    private readonly seed: number,
  ) {
    this.times = new EventTimeSampler(plan.window, plan.rows);
    this.isProduction = plan.name === 'production';
    this.ctx = {
      timeMs: 0,
      rng: this.rng,
      drawTransaction: (fixed) => this.drawTransaction(fixed),
    };
  }

  /** A transaction at the current row's time from the population as it is at that time. */
  private drawTransaction(fixed: FixedValues): TxDraft {
    let features = drawFeatures(this.rng, this.utcHour, fixed);
    if (this.isProduction) features = plantNewCategory(features, this.ctx);
    return labelTransaction(this.rng, features);
  }

  /** Row `index` (0-based) of the dataset. */
  rowAt(index: number): TxRow {
    const rng = this.rng;
    rng.reseed(rowSeed(this.seed, this.plan.streamSalt, index));
    const timeMs = this.times.timeOf(index, rng.uniform());
    this.ctx.timeMs = timeMs;
    this.utcHour = Math.floor((timeMs % DAY_MS) / HOUR_MS);
    const version: ModelVersion =
      this.plan.name === 'canary' && rng.chance(CANARY_V2_SHARE) ? 'v2' : 'v1';

    let draft = this.drawTransaction({});
    if (this.isProduction) {
      draft = plantLabelShift(draft, this.ctx);
      draft = plantCohortCollapse(draft, this.ctx);
    }
    let probability =
      version === 'v2'
        ? v2Probability(draft, canarySegmentShift(draft.features))
        : v1Probability(draft);
    if (this.isProduction) probability = plantMiscalibration(probability, timeMs);
    const fraudScore = loggedScore(probability);

    let row: TxRow = {
      txIndex: this.plan.firstTxIndex + index,
      eventTimeMs: timeMs,
      ...draft.features,
      isFraud: draft.isFraud,
      fraudScore,
      predictedFraud: decision(fraudScore),
      modelVersion: version,
      latencyMs: drawLatencyMs(rng, version),
    };
    if (this.isProduction) {
      row = plantUnitChange(row);
      row = plantMissingRate(row, rng);
    }
    return row;
  }
}
