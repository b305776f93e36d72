import type {
  Slice,
  SliceInReference,
  SliceLevel,
  SlicesResult,
} from '../../shared/analyses/slices/slices-result.ts';
import { describePredicates, type Predicate } from '../../shared/sql/predicate.ts';
import { plural } from '../../shared/text/plural.ts';
import { renderTable } from '../text-table.ts';
import { count } from './performance-columns.ts';

type Measure = SlicesResult['error_measure'];

/** A row count in words: `1 row`, `2,489 rows`. */
const rows = (n: number): string => `${count.format(n)} ${n === 1 ? 'row' : 'rows'}`;

/** An error: a rate to 4 decimals; a squared error to 4 significant digits (it has a unit). */
function errorValue(x: number | null | undefined, measure: Measure): string {
  if (x === null || x === undefined) return '-';
  return measure === 'misclassification' ? x.toFixed(4) : String(Number(x.toPrecision(4)));
}

/** An error with its 95% interval when it has one (classification). */
function withInterval(
  e: { error: number | null; low: number | null; high: number | null },
  measure: Measure,
): string {
  const shown = errorValue(e.error, measure);
  if (e.low === null || e.high === null) return shown;
  return `${shown} [${errorValue(e.low, measure)}, ${errorValue(e.high, measure)}]`;
}

/** The slice in words: its terms' text joined by "and". */
export const sliceWords = (s: Pick<Slice, 'terms'>): string =>
  s.terms.map((t) => t.text).join(' and ');

/** How the slice fared in the reference, in words: "broke: was 0.0812 in the reference". */
function history(r: SliceInReference, measure: Measure): string {
  const there = errorValue(r.error, measure);
  switch (r.history) {
    case 'broke':
      return `broke: was ${there} in the reference`;
    case 'always_hard':
      return `always hard: ${there} in the reference too`;
    case 'unchanged':
      return `unchanged: ${there} in the reference`;
    case 'unknown':
      if (r.size === 0) return 'unknown: no rows in the reference';
      if (measure === 'squared_error') return `${there} in the reference (not tested)`;
      return `unknown: ${rows(r.size)} in the reference, too few to judge`;
  }
}

function slicesTable(r: SlicesResult): string {
  const withReference = r.reference_mean_error !== null || r.slices.some((s) => s.reference);
  const error = r.error_measure === 'misclassification' ? 'error [95% CI]' : 'squared error';
  return renderTable(
    ['#', 'slice', 'rows', error, 'lift', 'score', ...(withReference ? ['in the reference'] : [])],
    r.slices.map((s, i) => [
      String(i + 1),
      sliceWords(s),
      count.format(s.size),
      withInterval(s, r.error_measure),
      `${s.lift.toFixed(1)}×`,
      s.score.toFixed(3),
      ...(withReference ? [s.reference ? history(s.reference, r.error_measure) : '-'] : []),
    ]),
    [true, false, true, true, true, true, false],
  );
}

/** The columns searched: by value, then the numeric ones cut into equal-mass bins. */
function searched(r: SlicesResult): string {
  // Without rows no column is cut into bins: just the names.
  if (r.n === 0)
    return `${plural(r.columns.length, 'column')}: ${r.columns.map((c) => c.name).join(', ')}`;
  const byValue = r.columns.filter((c) => c.edges === null).map((c) => c.name);
  const binned = r.columns.filter((c) => c.edges !== null).map((c) => c.name);
  return [
    plural(r.columns.length, 'column'),
    ...(byValue.length > 0 ? [`by value: ${byValue.join(', ')}`] : []),
    ...(binned.length > 0 ? [`in 5 equal-mass bins: ${binned.join(', ')}`] : []),
  ].join('; ');
}

const levelText = (l: SliceLevel): string =>
  `${l.level}: ${count.format(l.candidates)} candidates, ${count.format(l.pruned)} pruned, ` +
  `${count.format(l.evaluated)} evaluated, ${count.format(l.qualifying)} qualifying`;

/** The readable summary: what was searched and how, then the top slices best first. */
export function slicesText(
  r: SlicesResult,
  log: string,
  reference: string | null,
  where: readonly Predicate[] = [],
): string {
  const measure = r.error_measure;
  const what = measure === 'misclassification' ? 'error rate' : 'mean squared error';
  const overall = (x: number | null) =>
    x === null ? 'no rows with a known error' : `${what} ${errorValue(x, measure)} overall`;
  const lines = [
    `log:       ${log} (${rows(r.n)} searched${r.mean_error === null ? '' : `, ${overall(r.mean_error)}`})`,
    ...(reference ? [`reference: ${reference} (${overall(r.reference_mean_error)})`] : []),
    ...(where.length > 0 ? [`cohort:    ${describePredicates(where)}`] : []),
    `searched:  ${searched(r)}`,
    ...(r.skipped_columns.length > 0
      ? [`skipped:   ${r.skipped_columns.map((s) => `${s.column} (${s.reason})`).join(', ')}`]
      : []),
    `settings:  up to ${plural(r.max_level, 'term')} a slice, min support ${rows(r.min_support)}, ` +
      `alpha ${r.alpha} (the weight of error against size), k ${r.k}`,
    ...r.levels.map((l, i) => `${i === 0 ? 'levels:    ' : '           '}${levelText(l)}`),
    '',
  ];
  if (r.empty_reason !== null) {
    lines.push(`no slices: ${r.empty_reason}`);
  } else if (r.slices.length === 0) {
    lines.push(
      `no slices: no slice of at least ${rows(r.min_support)} scores above 0 ` +
        `(none is worse than the ${what} of ${errorValue(r.mean_error, measure)} by enough for its size)`,
    );
  } else {
    lines.push(
      `the ${plural(r.slices.length, 'weakest slice')}, highest score first ` +
        `(lift = the slice's ${what} / the overall one; the score weighs lift against size):`,
      slicesTable(r),
    );
  }
  return lines.join('\n');
}
