// The Slices view in words: a slice's terms, its error, its history against the reference, the
// headline, and the notes on what was searched. Pure.
import type {
  Slice,
  SliceHistory,
  SliceInReference,
  SliceLevel,
  SlicesResult,
} from '../../../shared/analyses/slices/slices-result.ts';
import { formatCount, formatNumber } from '../../format/numbers.ts';

type ErrorMeasure = SlicesResult['error_measure'];

/** A slice in plain words: "region = APAC and device = android". */
export function sliceWords(slice: Pick<Slice, 'terms'>): string {
  return slice.terms.map((t) => t.text).join(' and ');
}

/**
 * A rate as a percent for reading: whole percents from 10% ("43%"), one decimal below ("6.4%",
 * "7.0%"), two significant digits under 1% ("0.52%"); never a rounded 100% or 0% for a rate that
 * is not.
 */
export function percentText(rate: number): string {
  const percent = rate * 100;
  if (percent === 0 || percent === 100) return `${percent}%`;
  if (percent >= 99.5) return '>99%';
  if (percent >= 9.95) return `${Math.round(percent)}%`;
  if (percent >= 1) return `${percent.toFixed(1)}%`;
  if (percent < 0.01) return '<0.01%';
  return `${Number(percent.toPrecision(2))}%`;
}

/** A slice's error as its measure reads: an error rate in percent, a squared error as a number. */
export function errorText(value: number | null, measure: ErrorMeasure): string {
  if (value === null) return '–';
  return measure === 'misclassification' ? percentText(value) : formatNumber(value);
}

/** An interval as "[36%, 50%]"; empty without one (regression). */
export function intervalText(
  low: number | null,
  high: number | null,
  measure: ErrorMeasure,
): string {
  if (low === null || high === null) return '';
  return `[${errorText(low, measure)}, ${errorText(high, measure)}]`;
}

/** "3.0×": how many times the overall error. */
export function liftText(lift: number): string {
  return `${lift >= 10 ? lift.toFixed(0) : lift.toFixed(1)}×`;
}

/** A history as its badge reads. */
export function historyWords(history: SliceHistory): string {
  switch (history) {
    case 'broke':
      return 'broke';
    case 'always_hard':
      return 'always hard';
    case 'unchanged':
      return 'unchanged';
    case 'unknown':
      return 'not judged';
  }
}

/** What a history means, for a badge's title and the chart's hover. */
export function historyMeaning(history: SliceHistory): string {
  switch (history) {
    case 'broke':
      return 'Its error now is significantly above its error in the reference (q < 0.05).';
    case 'always_hard':
      return 'Not significantly worse than in the reference, where it was already worse than average.';
    case 'unchanged':
      return 'Its error did not change significantly, and the reference shows nothing special there.';
    case 'unknown':
      return 'Too few reference rows in it (or a regression log: no test) to judge.';
  }
}

/** The slice in the reference, after the headline's ";": "in the reference it erred 9% there — it broke". */
export function referenceClause(reference: SliceInReference, measure: ErrorMeasure): string {
  if (reference.size === 0 || reference.error === null) {
    return 'the reference has no rows there to compare with';
  }
  const then =
    measure === 'misclassification'
      ? `in the reference it erred ${errorText(reference.error, measure)} there`
      : `in the reference its squared error was ${errorText(reference.error, measure)} there`;
  switch (reference.history) {
    case 'broke':
      return `${then} — it broke`;
    case 'always_hard':
      return `${then} too — it was always hard`;
    case 'unchanged':
      return `${then} — no significant change`;
    case 'unknown':
      return measure === 'misclassification'
        ? `${then}, in only ${formatCount(reference.size)} ${reference.size === 1 ? 'row' : 'rows'}: too few to judge`
        : `${then} (regression: not tested)`;
  }
}

/**
 * The Slices view's headline: the top slice in plain words, its error with its interval against
 * the overall error, its lift and size, and what it was in the reference. Says why when no slice
 * was found.
 */
export function slicesHeadline(result: SlicesResult): string {
  const measure = result.error_measure;
  const [top] = result.slices;
  if (top === undefined) {
    if (result.empty_reason !== null) return `No weak slices: ${result.empty_reason}.`;
    return `No slice of at least ${formatCount(result.min_support)} rows (up to ${result.max_level} ${result.max_level === 1 ? 'column' : 'columns'}) errs enough above the ${errorText(result.mean_error, measure)} overall to score: the errors are spread out.`;
  }
  const interval = intervalText(top.low, top.high, measure);
  const error =
    measure === 'misclassification'
      ? `${errorText(top.error, measure)} errors${interval === '' ? '' : ` ${interval}`}`
      : `mean squared error ${errorText(top.error, measure)}`;
  const rows = `${formatCount(top.size)} ${top.size === 1 ? 'row' : 'rows'}`;
  const verb = measure === 'misclassification' ? 'errs most on' : 'is furthest off on';
  const now = `The model ${verb} ${sliceWords(top)}: ${error} vs ${errorText(result.mean_error, measure)} overall (${liftText(top.lift)}), ${rows}`;
  return top.reference === undefined
    ? `${now}.`
    : `${now}; ${referenceClause(top.reference, measure)}.`;
}

/** What was searched, overall: "Searched 26,000 rows of the log: 2.6% of them wrong." */
export function scopeWords(result: Pick<SlicesResult, 'n' | 'mean_error' | 'error_measure'>) {
  const rows = `Searched ${formatCount(result.n)} ${result.n === 1 ? 'row' : 'rows'} of the log`;
  const overall =
    result.error_measure === 'misclassification'
      ? `${errorText(result.mean_error, result.error_measure)} of them wrong`
      : `mean squared error ${errorText(result.mean_error, result.error_measure)}`;
  return `${rows}: ${overall}.`;
}

/** How the lattice was searched, level by level, for the footnote. */
export function levelsWords(levels: readonly SliceLevel[]): string {
  return levels
    .map((l) => {
      const pruned = l.pruned > 0 ? `, ${formatCount(l.pruned)} pruned by bounds` : '';
      return `level ${l.level}: ${formatCount(l.candidates)} candidates${pruned}, ${formatCount(l.evaluated)} evaluated, ${formatCount(l.qualifying)} qualifying`;
    })
    .join('; ');
}

/** The feature columns left out and why, or null when every one was searched. */
export function skippedWords(skipped: SlicesResult['skipped_columns']): string | null {
  if (skipped.length === 0) return null;
  return `Not searched: ${skipped.map((s) => `${s.column} (${s.reason})`).join('; ')}.`;
}
