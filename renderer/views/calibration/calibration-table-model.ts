import type {
  CalibrationCohort,
  CalibrationCurve,
  CalibrationResult,
} from '../../../shared/analyses/calibration/calibration-result.ts';
import {
  nextTableSort,
  sortTableRows,
  type RowOrder,
  type TableSort,
} from '../../app/table-sort.ts';
import { compareCohorts } from '../performance/cohort-order.ts';
import { cohortKey, cohortValueText, cohortWords } from '../performance/cohort-words.ts';
import { binRangeText, confidence } from './calibration-words.ts';

/** One non-empty bin as the numbers table shows it. */
export interface BinLine {
  bin: number;
  /** "[0, 0.1]", "(0.1, 0.2]". */
  range: string;
  n: number;
  positives: number;
  meanScore: number;
  observed: number;
  low: number;
  high: number;
  /** Observed minus mean score: negative when the score claims too much. */
  gap: number;
  /** Where the 95% interval leaves the mean score out, if it does. */
  confidence: 'over' | 'under' | null;
}

/** A curve's non-empty bins, lowest first. */
export function binLines(curve: CalibrationCurve): BinLine[] {
  return curve.bins.map((b) => ({
    bin: b.bin,
    range: binRangeText(b),
    n: b.n,
    positives: b.positives,
    meanScore: b.mean_score,
    observed: b.observed,
    low: b.low,
    high: b.high,
    gap: b.observed - b.mean_score,
    confidence: confidence(b),
  }));
}

/** One row of the log-vs-reference numbers: a count or a score, per side. */
export interface CurveNumberRow {
  key: string;
  label: string;
  /** What it is, for the row's tooltip. */
  title: string;
  /** A count, a score, or a signed difference. */
  kind: 'count' | 'metric' | 'signed';
  log: number | null;
  /** Undefined without a reference. */
  reference?: number | null;
}

/** A row's value on one curve. */
type CurveValue = (c: CalibrationCurve) => number | null;

const rowDefinitions: readonly (Omit<CurveNumberRow, 'log' | 'reference'> & {
  pick: CurveValue;
})[] = [
  {
    key: 'n',
    label: 'Rows with a label and a score',
    title: 'The rows the curve counts',
    kind: 'count',
    pick: (c) => c.n,
  },
  {
    key: 'positives',
    label: 'Positives',
    title: 'Rows whose label is the positive value',
    kind: 'count',
    pick: (c) => c.positives,
  },
  {
    key: 'ece',
    label: 'ECE',
    title: "Expected calibration error: each bin's |observed − mean score|, weighted by its rows",
    kind: 'metric',
    pick: (c) => c.ece,
  },
  {
    key: 'mce',
    label: 'MCE',
    title: 'Maximum calibration error: the largest |observed − mean score| of a bin',
    kind: 'metric',
    pick: (c) => c.mce,
  },
  {
    key: 'brier',
    label: 'Brier score',
    title: 'Mean (score − label)²; = REL − RES + UNC + residual',
    kind: 'metric',
    pick: (c) => c.brier.total,
  },
  {
    key: 'rel',
    label: '= reliability (REL)',
    title:
      'Σ (n_b/N)(mean score − observed)²: how far the bins are from the diagonal (lower is better)',
    kind: 'metric',
    pick: (c) => c.brier.rel,
  },
  {
    key: 'res',
    label: '− resolution (RES)',
    title: 'Σ (n_b/N)(observed − overall rate)²: how much the bins tell apart (higher is better)',
    kind: 'metric',
    pick: (c) => c.brier.res,
  },
  {
    key: 'unc',
    label: '+ uncertainty (UNC)',
    title: 'Overall rate × (1 − overall rate): the Brier score of always predicting the base rate',
    kind: 'metric',
    pick: (c) => c.brier.unc,
  },
  {
    key: 'residual',
    label: '+ residual',
    title: "Brier − (REL − RES + UNC): from the scores' spread within each bin",
    kind: 'signed',
    pick: (c) => c.brier.residual,
  },
];

/** The log's and the reference's numbers side by side: counts, ECE, MCE, Brier and its parts. */
export function curveNumberRows(result: CalibrationResult): CurveNumberRow[] {
  const reference = result.reference;
  return rowDefinitions.map(({ pick, ...row }) => ({
    ...row,
    log: pick(result),
    ...(reference === undefined ? {} : { reference: pick(reference) }),
  }));
}

/** One cohort as its table row, its legend entry and the summary see it. */
export interface CalibrationCohortLine {
  key: string;
  cohort: CalibrationCohort;
  /** The cohort column's value: "APAC", "(12.5, 40]", "(missing)". */
  value: string;
  /** "region = APAC", "amount in (12.5, 40]". */
  words: string;
  /** Position in the result: worst ECE first, too small after the rest. */
  rank: number;
  /** Position in reading order: by value, numeric bins from the lowest. */
  order: number;
}

/** The result's cohorts, in its order (worst ECE first), with their reading order. */
export function calibrationCohortLines(result: CalibrationResult): CalibrationCohortLine[] {
  const cohorts = result.cohorts ?? [];
  const [by] = result.by;
  if (by === undefined) return [];
  const reading = [...cohorts].sort((a, b) => compareCohorts(result.by, a.cohort, b.cohort));
  return cohorts.map((cohort, rank) => ({
    key: cohortKey(result.by, cohort.cohort),
    cohort,
    value: cohortValueText(cohort.cohort[by.name]),
    words: cohortWords(result.by, cohort.cohort),
    rank,
    order: reading.indexOf(cohort),
  }));
}

/** The cohorts to draw as lines: none when the one cohort is every row (the filter picked it). */
export function overlaidCohorts(
  result: CalibrationResult,
  lines: readonly CalibrationCohortLine[],
): CalibrationCohortLine[] {
  const [only] = lines;
  if (lines.length === 1 && only !== undefined && only.cohort.rows === result.rows) return [];
  return [...lines];
}

/** What the cohorts table can be sorted by; `rank` is the result's order. */
export type CalibrationCohortSortKey = 'rank' | 'cohort' | 'n' | 'ece' | 'mce' | 'brier';

export type CalibrationCohortSort = TableSort<CalibrationCohortSortKey>;

export const defaultCalibrationCohortSort: CalibrationCohortSort = {
  key: 'rank',
  descending: false,
};

/** A click on a header: the same key flips the direction, a new key starts at its natural one. */
export const nextCalibrationCohortSort = (
  sort: CalibrationCohortSort,
  key: CalibrationCohortSortKey,
): CalibrationCohortSort => nextTableSort(sort, key, (k) => k !== 'rank' && k !== 'cohort');

const orders: Record<CalibrationCohortSortKey, RowOrder<CalibrationCohortLine>> = {
  rank: 'rank',
  cohort: { compare: (a, b) => a.order - b.order },
  n: { measure: (l) => l.cohort.n },
  ece: { measure: (l) => l.cohort.ece },
  mce: { measure: (l) => l.cohort.mce },
  brier: { measure: (l) => l.cohort.brier.total },
};

/** The lines in the chosen order; lines without the measure go last, ties keep the result's order. */
export function sortCalibrationCohorts(
  lines: readonly CalibrationCohortLine[],
  sort: CalibrationCohortSort,
): CalibrationCohortLine[] {
  return sortTableRows(lines, sort, orders, (l) => l.rank);
}
