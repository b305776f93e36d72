/**
 * Counts kept while rows are written, for the answer key's "realized" section: what this
 * particular generated data shows (rates per week, the cohort's recall, calibration bins, the
 * canary per model). Everything is a count or a histogram, so 10M rows cost no extra memory.
 * For humans reading the key; the analyses' own tests compute their numbers independently.
 */
import type { DatasetPlan } from './datasets.ts';
import type { TxRow } from './transaction.ts';
import { utcDateMs, weekIndex, weekStarts } from './calendar.ts';

const SCORE_STEPS = 10_000; // scores are logged with 4 decimals
const LATENCY_CAP_MS = 100_000;
const CALIBRATION_BINS = 10;

/** Rounds a rate for the key (4 decimals); null when undefined (0/0). */
function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1e4) / 1e4 : null;
}

/** Confusion counts of a group, with score histograms for an exact (tie-aware) AUC. */
class Tally {
  rows = 0;
  frauds = 0;
  predictedPositive = 0;
  truePositives = 0;
  fraudScoreSum = 0;
  private readonly positives: Uint32Array | null;
  private readonly negatives: Uint32Array | null;

  constructor(withAuc: boolean) {
    this.positives = withAuc ? new Uint32Array(SCORE_STEPS + 1) : null;
    this.negatives = withAuc ? new Uint32Array(SCORE_STEPS + 1) : null;
  }

  add(row: TxRow): void {
    this.rows += 1;
    this.predictedPositive += row.predictedFraud;
    const step = Math.round(row.fraudScore * SCORE_STEPS);
    if (row.isFraud === 1) {
      this.frauds += 1;
      this.truePositives += row.predictedFraud;
      this.fraudScoreSum += row.fraudScore;
      if (this.positives) this.positives[step] = (this.positives[step] ?? 0) + 1;
    } else if (this.negatives) this.negatives[step] = (this.negatives[step] ?? 0) + 1;
  }

  /** Mann-Whitney AUC: P(score of a fraud > score of a legit), ties counting one half. */
  auc(): number | null {
    if (!this.positives || !this.negatives) return null;
    const legit = this.rows - this.frauds;
    if (this.frauds === 0 || legit === 0) return null;
    let negativesBelow = 0;
    let wins = 0;
    for (let s = 0; s <= SCORE_STEPS; s += 1) {
      const neg = this.negatives[s] ?? 0;
      wins += (this.positives[s] ?? 0) * (negativesBelow + neg / 2);
      negativesBelow += neg;
    }
    return Math.round((wins / (this.frauds * legit)) * 1e4) / 1e4;
  }

  summary(): Record<string, number | null> {
    return {
      rows: this.rows,
      frauds: this.frauds,
      truePositives: this.truePositives,
      baseRate: rate(this.frauds, this.rows),
      recall: rate(this.truePositives, this.frauds),
      precision: rate(this.truePositives, this.predictedPositive),
      predictedPositiveRate: rate(this.predictedPositive, this.rows),
      meanFraudScoreOfFrauds: rate(this.fraudScoreSum, this.frauds),
      ...(this.positives ? { auc: this.auc() } : {}),
    };
  }
}

/** numpy-linear quantile q of integer values given as a histogram. */
function histogramQuantile(counts: Uint32Array, total: number, q: number): number | null {
  if (total === 0) return null;
  const h = (total - 1) * q;
  const lowRank = Math.floor(h);
  const valueAtRank = (rank: number): number => {
    let seen = 0;
    for (let v = 0; v < counts.length; v += 1) {
      seen += counts[v] ?? 0;
      if (seen > rank) return v;
    }
    return counts.length - 1;
  };
  const a = valueAtRank(lowRank);
  const b = valueAtRank(Math.min(lowRank + 1, total - 1));
  return Math.round((a + (b - a) * (h - lowRank)) * 1e4) / 1e4;
}

class ModelCounts {
  readonly overall = new Tally(true);
  readonly prepaid = new Tally(true);
  readonly otherCards = new Tally(true);
  readonly latency = new Uint32Array(LATENCY_CAP_MS + 1);

  add(row: TxRow): void {
    this.overall.add(row);
    (row.cardType === 'prepaid' ? this.prepaid : this.otherCards).add(row);
    const ms = Math.min(row.latencyMs, LATENCY_CAP_MS);
    this.latency[ms] = (this.latency[ms] ?? 0) + 1;
  }

  summary(): Record<string, unknown> {
    const n = this.overall.rows;
    return {
      ...this.overall.summary(),
      prepaid: this.prepaid.summary(),
      otherCardTypes: this.otherCards.summary(),
      latencyMs: {
        p50: histogramQuantile(this.latency, n, 0.5),
        p99: histogramQuantile(this.latency, n, 0.99),
      },
    };
  }
}

class WeekCounts {
  readonly all = new Tally(true);
  readonly cohort = new Tally(false);
  readonly outsideCohort = new Tally(false);
  crypto = 0;
  distanceNull = 0;
  amountSum = 0;
}

/** The realized numbers of one dataset. */
export class RealizedCounts {
  private readonly overall = new Tally(true);
  private readonly cohort = new Tally(true);
  private readonly weeks: WeekCounts[];
  private readonly calibration = Array.from({ length: CALIBRATION_BINS }, () => ({
    rows: 0,
    scoreSum: 0,
    frauds: 0,
  }));
  private readonly models = new Map<string, ModelCounts>();

  constructor(private readonly plan: DatasetPlan) {
    this.weeks = Array.from({ length: plan.window.weeks }, () => new WeekCounts());
  }

  /** Counts one written row. */
  add(row: TxRow): void {
    const inCohort = row.region === 'APAC' && row.device === 'android';
    this.overall.add(row);
    if (inCohort) this.cohort.add(row);
    const week = this.weeks[weekIndex(this.plan.window, row.eventTimeMs)];
    if (week) {
      week.all.add(row);
      (inCohort ? week.cohort : week.outsideCohort).add(row);
      if (row.merchantCategory === 'crypto') week.crypto += 1;
      if (row.distanceFromHomeKm === null) week.distanceNull += 1;
      week.amountSum += row.amount;
    }
    // STATS.md calibration bins: inner edges k * (1/B) (a product, as numpy.linspace), and a
    // score goes to the number of edges strictly below it.
    let bin = 0;
    for (let k = 1; k < CALIBRATION_BINS; k += 1) {
      if (k * (1 / CALIBRATION_BINS) < row.fraudScore) bin = k;
    }
    const b = this.calibration[bin];
    if (b) {
      b.rows += 1;
      b.scoreSum += row.fraudScore;
      b.frauds += row.isFraud;
    }
    let model = this.models.get(row.modelVersion);
    if (!model) {
      model = new ModelCounts();
      this.models.set(row.modelVersion, model);
    }
    model.add(row);
  }

  /** Recall of the APAC x android cohort in the weeks before `since` (a Monday) and from it. */
  cohortRecallAround(since: string): Record<string, Record<string, number | null>> {
    const split = weekIndex(this.plan.window, utcDateMs(since));
    const sum = (weeks: WeekCounts[]) => {
      const frauds = weeks.reduce((a, w) => a + w.cohort.frauds, 0);
      const truePositives = weeks.reduce((a, w) => a + w.cohort.truePositives, 0);
      return { frauds, truePositives, recall: rate(truePositives, frauds) };
    };
    return { before: sum(this.weeks.slice(0, split)), since: sum(this.weeks.slice(split)) };
  }

  /** Base rate of each week, in order. */
  weeklyBaseRates(): (number | null)[] {
    return this.weeks.map((w) => rate(w.all.frauds, w.all.rows));
  }

  /** Per model version: recall and AUC overall, recall on prepaid cards, p99 latency. */
  modelHeadlines(): Record<string, Record<string, number | null>> {
    return Object.fromEntries(
      [...this.models.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([version, m]) => [
          version,
          {
            recall: rate(m.overall.truePositives, m.overall.frauds),
            auc: m.overall.auc(),
            prepaidRecall: rate(m.prepaid.truePositives, m.prepaid.frauds),
            prepaidFrauds: m.prepaid.frauds,
            p99LatencyMs: histogramQuantile(m.latency, m.overall.rows, 0.99),
          },
        ]),
    );
  }

  /** Plain JSON for the answer key. */
  summary(): Record<string, unknown> {
    const starts = weekStarts(this.plan.window);
    return {
      ...this.overall.summary(),
      cohortApacAndroid: this.cohort.summary(),
      weeks: this.weeks.map((w, i) => ({
        weekStart: starts[i],
        ...w.all.summary(),
        cohortApacAndroid: w.cohort.summary(),
        outsideCohort: { recall: rate(w.outsideCohort.truePositives, w.outsideCohort.frauds) },
        cryptoShare: rate(w.crypto, w.all.rows),
        distanceNullRate: rate(w.distanceNull, w.all.rows),
        meanAmount: rate(w.amountSum, w.all.rows),
      })),
      calibrationBins: this.calibration.map((b, k) => ({
        bin: `${k === 0 ? '[' : '('}${k / CALIBRATION_BINS}, ${(k + 1) / CALIBRATION_BINS}]`,
        rows: b.rows,
        meanScore: rate(b.scoreSum, b.rows),
        observedFraudRate: rate(b.frauds, b.rows),
      })),
      byModelVersion: Object.fromEntries(
        [...this.models.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([v, m]) => [v, m.summary()]),
      ),
    };
  }
}
