import type {
  CalibrationBin,
  CalibrationCohort,
  CalibrationCurve,
  CalibrationResult,
} from '../../shared/analyses/calibration/calibration-result.ts';
import { skippedParts } from '../../shared/analyses/calibration/calibration-skipped-text.ts';
import type { CohortValue } from '../../shared/analyses/performance/performance-cohorts.ts';
import { describePredicates } from '../../shared/sql/predicate.ts';
import { MIN_JUDGED_PER_CLASS, MIN_JUDGED_ROWS } from '../../shared/stats/binary-metrics.ts';
import { plural } from '../../shared/text/plural.ts';
import { renderTable } from '../text-table.ts';
import { cohortName } from './cohort-name.ts';
import { count } from './performance-columns.ts';

/** Rates and scores: 4 decimals, since fraud scores live near 0. */
const rate = (x: number | null | undefined): string =>
  x === null || x === undefined ? '-' : x.toFixed(4);
/** A signed difference; one that rounds to zero reads ±0.0000, not -0.0000. */
const signedRate = (x: number | null): string => {
  if (x === null) return '-';
  const shown = Math.abs(x).toFixed(4);
  const sign = Number(shown) === 0 ? '±' : x > 0 ? '+' : '-';
  return `${sign}${shown}`;
};

/** A row count in words: `1 row`, `2,489 rows`. */
const rows = (n: number): string => `${count.format(n)} ${n === 1 ? 'row' : 'rows'}`;

/** An edge for reading: 4 significant digits (0.30000000000000004 reads 0.3). */
const edge = (x: number): string => String(Number(x.toPrecision(4)));

/** A bin's range: `[0, 0.1]` for the first (it holds 0), `(0.1, 0.2]` after it. */
export const binRange = (b: Pick<CalibrationBin, 'bin' | 'lo' | 'hi'>): string =>
  `${b.bin === 0 ? '[' : '('}${edge(b.lo)}, ${edge(b.hi)}]`;

/** Where the 95% interval of the observed rate excludes the mean score, which side it is on. */
function offSide(b: CalibrationBin): 'below' | 'above' | null {
  if (b.high < b.mean_score) return 'below';
  if (b.low > b.mean_score) return 'above';
  return null;
}

function binTable(curve: CalibrationCurve): string {
  return renderTable(
    ['bin', 'n', 'positives', 'mean score', 'observed [95% CI]', 'gap', 'note'],
    curve.bins.map((b) => {
      const side = offSide(b);
      return [
        binRange(b),
        count.format(b.n),
        count.format(b.positives),
        rate(b.mean_score),
        `${rate(b.observed)} [${rate(b.low)}, ${rate(b.high)}]`,
        signedRate(b.observed - b.mean_score),
        side === null ? '' : `observed ${side} the score`,
      ];
    }),
    [false, true, true, true, true, true, false],
  );
}

/** The bin with the largest gap (MCE's). */
function worstBin(curve: CalibrationCurve): CalibrationBin | null {
  let worst: CalibrationBin | null = null;
  for (const b of curve.bins) {
    const gap = Math.abs(b.observed - b.mean_score);
    if (worst === null || gap > Math.abs(worst.observed - worst.mean_score)) worst = b;
  }
  return worst;
}

/** ECE, MCE and the Brier decomposition, each in words. */
function summaryLines(curve: CalibrationCurve): string[] {
  const worst = worstBin(curve);
  const b = curve.brier;
  const residual = b.residual === null ? '-' : signedRate(b.residual);
  return [
    `ECE   ${rate(curve.ece)}  expected calibration error: the bins' |observed - mean score|, weighted by their rows`,
    `MCE   ${rate(curve.mce)}  maximum calibration error: the largest gap` +
      (worst ? `, in bin ${binRange(worst)} (${rows(worst.n)})` : ''),
    `Brier ${rate(b.total)}  = reliability ${rate(b.rel)} - resolution ${rate(b.res)} + uncertainty ${rate(b.unc)}` +
      ` (residual ${residual}, from the scores' spread within bins)`,
  ];
}

/** Rows the curve could not count, in words; empty when every row counted. */
function skippedLine(curve: CalibrationCurve): string[] {
  const parts = skippedParts(curve.skipped, rows);
  return parts.length > 0 ? [`not counted: ${parts.join(', ')}`] : [];
}

/** One curve: its bins and what they add up to; or why there is nothing to show. */
function curveSection(title: string, curve: CalibrationCurve, filtered: boolean): string[] {
  if (curve.n === 0) {
    const none =
      curve.rows > 0
        ? 'no rows with both a label and a score'
        : filtered
          ? 'no rows match the cohort filter'
          : 'no rows';
    return [title, none, ...skippedLine(curve)];
  }
  const small = curve.too_small
    ? [
        `too small to judge (n < ${MIN_JUDGED_ROWS} or fewer than ${MIN_JUDGED_PER_CLASS} positives or negatives): shown, not judged`,
      ]
    : [];
  return [title, binTable(curve), '', ...summaryLines(curve), ...skippedLine(curve), ...small];
}

const cohortValue = (v: CohortValue | undefined): string =>
  v === null || v === undefined ? '(null)' : String(v);

/** The cohorts side by side, in the result's order (worst ECE first, too small last). */
function cohortTable(r: CalibrationResult, cohorts: readonly CalibrationCohort[]): string {
  const names = r.by.map((b) => b.name);
  return renderTable(
    [...names, 'n', 'positives', 'ECE', 'MCE', 'Brier', 'note'],
    cohorts.map((c) => [
      ...names.map((n) => cohortValue(c.cohort[n])),
      count.format(c.n),
      count.format(c.positives),
      rate(c.ece),
      rate(c.mce),
      rate(c.brier.total),
      c.n === 0 ? 'no rows' : c.too_small ? 'too small' : '',
    ]),
    [...names.map(() => false), true, true, true, true, true, false],
  );
}

/** The headline: where the score is off beyond noise, and the log against the reference. */
function findings(r: CalibrationResult): string[] {
  const lines: string[] = [];
  for (const side of ['below', 'above'] as const) {
    const bins = r.bins.filter((b) => offSide(b) === side);
    if (bins.length === 0) continue;
    const meaning = side === 'below' ? 'over-confident' : 'under-confident';
    lines.push(
      `observed rate ${side} the score beyond its 95% interval (${meaning}) in ${plural(bins.length, 'bin')}: ` +
        bins.map(binRange).join(', '),
    );
  }
  if (r.n > 0 && lines.length === 0) {
    lines.push("every bin's 95% interval holds its mean score: no gap beyond noise");
  }
  if (r.reference && r.reference.ece !== null && r.ece !== null) {
    lines.push(`ECE ${rate(r.ece)} in the log vs ${rate(r.reference.ece)} in the reference`);
  }
  return lines;
}

/** The readable summary: what was judged, the log's curve, the reference's, then each cohort's. */
export function calibrationText(
  r: CalibrationResult,
  log: string,
  reference: string | null,
): string {
  const filtered = r.where !== undefined;
  const counted = (c: CalibrationCurve) =>
    `(${count.format(c.rows)} rows, ${count.format(c.n)} with a label and a score)`;
  const cut =
    r.strategy === 'uniform'
      ? `${r.bin_count} equal-width bins of [0, 1] (uniform)`
      : `${r.bin_count} equal-mass bins (quantile: each side and cohort cut at its own score quantiles)`;
  const lines = [
    `log:       ${log} ${counted(r)}`,
    ...(reference && r.reference ? [`reference: ${reference} ${counted(r.reference)}`] : []),
    ...(r.where ? [`cohort:    ${describePredicates(r.where)}`] : []),
    `judged:    '${r.outcome.score}' as the probability that '${r.outcome.label}' = ${r.outcome.positive}`,
    `bins:      ${cut}; a score on an edge goes to the lower bin; empty bins are not shown`,
    '',
    ...curveSection('the log:', r, filtered),
  ];
  if (r.reference) lines.push('', ...curveSection('the reference:', r.reference, filtered));
  if (r.cohorts) {
    const cutBy = r.by.map((b) =>
      b.mode === 'quantile' ? `${b.name} (10 equal-mass bins)` : b.name,
    );
    if (r.cohorts.length === 0) lines.push('', `by ${cutBy.join(', ')}: no cohorts, no rows`);
    else lines.push('', `by ${cutBy.join(', ')}, worst ECE first:`, cohortTable(r, r.cohorts));
    for (const c of r.cohorts)
      lines.push('', ...curveSection(`${cohortName(c.cohort, r.by)}:`, c, filtered));
  }
  const found = findings(r);
  if (found.length > 0) lines.push('', ...found);
  return lines.join('\n');
}
