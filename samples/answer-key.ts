/**
 * The answer key: what was planted where (from the planted/ modules' own constants, so the key
 * cannot drift from the code), what an analysis should find, the columns that must stay stable,
 * and the realized counts of the data that was actually written.
 */
import type { DatasetName, DatasetPlan } from './datasets.ts';
import type { RealizedCounts } from './realized-counts.ts';
import { DAY_MS, WEEK_MS, isoDate } from './calendar.ts';
import { CANARY_V2_SHARE } from './row-model.ts';
import { CANARY_SEGMENT } from './planted/canary-segment.ts';
import { COHORT_COLLAPSE } from './planted/cohort-collapse.ts';
import { LABEL_SHIFT } from './planted/label-shift.ts';
import { MISCALIBRATION } from './planted/miscalibration.ts';
import { MISSING_RATE_JUMP } from './planted/missing-rate.ts';
import { NEW_CATEGORY } from './planted/new-category.ts';
import { UNIT_CHANGE } from './planted/unit-change.ts';

/** Feature columns no plant touches: their PSI (training vs any production week) stays < 0.1. */
export const STABLE_COLUMNS = [
  'account_age_days',
  'txn_count_24h',
  'avg_amount_30d',
  'merchant_risk',
  'credit_limit',
  'utilization',
  'customer_age',
  'hour_of_day',
  'region',
  'device',
  'channel',
  'card_type',
];

export interface AnswerKeyInput {
  seed: number;
  productionRows: number;
  plans: DatasetPlan[];
  /** Written paths per dataset, relative to the data folder. */
  files: Record<DatasetName, string[]>;
  realized: Record<DatasetName, RealizedCounts>;
}

const PLANT_MODULES = 'samples/planted/';

/** The JSON-safe answer key. */
export function buildAnswerKey(input: AnswerKeyInput): Record<string, unknown> {
  const datasets = Object.fromEntries(
    input.plans.map((p) => [
      p.name,
      {
        role: p.name === 'training' ? 'reference' : 'current',
        files: input.files[p.name],
        rows: p.rows,
        from: isoDate(p.window.startMs),
        toInclusive: isoDate(p.window.startMs + p.window.weeks * WEEK_MS - DAY_MS),
        modelVersions:
          p.name === 'canary'
            ? { v1: `baseline, ${1 - CANARY_V2_SHARE} of rows`, v2: `canary, ${CANARY_V2_SHARE}` }
            : { v1: 'all rows' },
      },
    ]),
  );
  return {
    about:
      'Card-fraud prediction logs with planted failures. "planted" is what the generator put in ' +
      'and what an analysis should find; "realized" holds counts of this generated data, for humans.',
    generator: {
      command: `npx tsx samples/generate.ts --rows ${input.productionRows} --seed ${input.seed}`,
      seed: input.seed,
      productionRows: input.productionRows,
    },
    datasets,
    columns: {
      id: 'transaction_id',
      time: 'event_time',
      label: 'is_fraud',
      score: 'fraud_score',
      prediction: 'predicted_fraud',
      model: 'model_version',
      latency: 'latency_ms',
      threshold: 0.5,
    },
    planted: [
      {
        ...UNIT_CHANGE,
        module: PLANT_MODULES + 'unit-change.ts',
        expected: { psiBand: 'significant', fromWeek: UNIT_CHANGE.since, beforeThat: 'stable' },
      },
      {
        ...NEW_CATEGORY,
        module: PLANT_MODULES + 'new-category.ts',
        expected: { newCategories: [NEW_CATEGORY.value], absentBefore: NEW_CATEGORY.since },
      },
      {
        ...MISSING_RATE_JUMP,
        module: PLANT_MODULES + 'missing-rate.ts',
        expected: {
          referenceMissingRate: 0,
          currentMissingRateSince: MISSING_RATE_JUMP.missingRate,
          missingRateShiftFlagged: true,
          nonNullDistribution: 'stable',
        },
      },
      {
        ...COHORT_COLLAPSE,
        module: PLANT_MODULES + 'cohort-collapse.ts',
        expected: {
          referenceRecall: 0.6,
          recallSince: 0.1,
          onset: COHORT_COLLAPSE.since,
          worstCohort: true,
          topWeakSlice:
            'the cohort, or a slice refining it (a level-3 search can add amount,' +
            ' whose top bins are the weeks after the unit change)',
        },
      },
      {
        ...LABEL_SHIFT,
        module: PLANT_MODULES + 'label-shift.ts',
        expected: { baseRateFirstWeek: 0.035, baseRateLastWeek: 0.06, direction: 'up' },
      },
      {
        ...MISCALIBRATION,
        module: PLANT_MODULES + 'miscalibration.ts',
        expected: {
          binsAbove: 0.7,
          observedBelowScore: true,
          observedFraudRateInBins07To09: 0.45,
          trainingCalibration: 'good (ECE below 0.01)',
        },
      },
      {
        ...CANARY_SEGMENT,
        module: PLANT_MODULES + 'canary-segment.ts',
        expected: {
          overall: 'v2 has the higher AUC and recall',
          segmentRecall: { v1: 0.6, v2: 0.15 },
          failedCriticalCheck: 'recall on card_type = prepaid',
          verdict: 'FAIL',
          populationCheck: 'same population (every feature PSI < 0.1)',
          p99LatencyMsBelow: 500,
        },
      },
    ],
    stableColumns: STABLE_COLUMNS,
    realized: {
      note:
        'Realized counts of the generated rows (not targets), for humans: the headline numbers, ' +
        'then rates per dataset, per week and per model version. Rates are rounded to 4 decimals.',
      headline: headline(input.realized),
      training: input.realized.training.summary(),
      production: input.realized.production.summary(),
      canary: input.realized.canary.summary(),
    },
  };
}

function headline(realized: Record<DatasetName, RealizedCounts>): Record<string, unknown> {
  const weekly = realized.production.weeklyBaseRates();
  return {
    cohortRecall: {
      training: realized.training.cohortRecallAround(COHORT_COLLAPSE.since).before,
      productionBefore: realized.production.cohortRecallAround(COHORT_COLLAPSE.since).before,
      productionSince: realized.production.cohortRecallAround(COHORT_COLLAPSE.since).since,
    },
    baseRate: {
      training: realized.training.weeklyBaseRates(),
      productionByWeek: weekly,
    },
    canaryByModel: realized.canary.modelHeadlines(),
  };
}
