// Numbers and names as a finding's sentences say them: metrics to two decimals, counts with
// thousands separators, a cohort as `region = APAC AND device = android`, a yes/no label's
// positives by their name ("245 frauds").
import type { Predicate, PredicateValue } from '../sql/predicate.ts';

/** A metric's name at the start of a sentence. */
const metricTitles: Record<string, string> = {
  recall: 'Recall',
  precision: 'Precision',
  accuracy: 'Accuracy',
  fpr: 'The false-positive rate',
  mae: 'MAE',
};

/** "Recall", "The false-positive rate": a primary metric opening a sentence. */
export function metricTitle(metric: string): string {
  return metricTitles[metric] ?? metric;
}

/** A count for people: 1211 → "1,211". */
export function countText(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * Two values to the decimals that tell them apart: two (0.63 and 0.05), more only when two would
 * read the same (0.581 and 0.578), at most four.
 */
export function valuePair(a: number, b: number): [string, string] {
  for (let digits = 2; digits < 4; digits++) {
    const pair: [string, string] = [a.toFixed(digits), b.toFixed(digits)];
    if (pair[0] !== pair[1]) return pair;
  }
  return [a.toFixed(4), b.toFixed(4)];
}

/** A share as a percentage with one decimal: 0.0409 → "4.1%", never "0.0%" for a few rows. */
export function percentText(share: number | null): string {
  if (share === null) return 'n/a';
  if (share > 0 && share < 0.0005) return '<0.1%';
  return `${(share * 100).toFixed(1)}%`;
}

/** A relative change as a signed percentage: -0.916 → "-92%". */
export function relativeText(relative: number): string {
  const rounded = Math.round(relative * 100);
  return `${rounded > 0 ? '+' : ''}${rounded}%`;
}

/** PSI as people quote it: two significant digits (0.66, 3.2, 0.0055). */
export function psiText(psi: number): string {
  return String(Number(psi.toPrecision(2)));
}

/** An ECE (or any small calibration gap) to three decimals. */
export function eceText(ece: number): string {
  return ece.toFixed(3);
}

/** A p or q value: "< 1e-16" below what doubles tell apart, else two significant digits. */
export function pText(p: number | null): string {
  if (p === null) return 'n/a';
  if (p < 1e-16) return '< 1e-16';
  if (p >= 0.001) return `= ${Number(p.toPrecision(2))}`;
  return `= ${p.toExponential(1).replace('.0e', 'e')}`;
}

function predicateValueText(v: PredicateValue): string {
  if (v === null) return 'missing';
  return String(v);
}

/** The rows some predicates select, as people read them: `region = APAC AND device = android`. */
export function whoText(predicates: readonly Predicate[]): string {
  if (predicates.length === 0) return 'all rows';
  return predicates
    .map((p) => {
      if (p.op === 'IN') {
        const values = Array.isArray(p.value) ? p.value : [p.value];
        return `${p.column} in (${values.map(predicateValueText).join(', ')})`;
      }
      const value = Array.isArray(p.value) ? null : p.value;
      if (value === null) return `${p.column} ${p.op === '!=' ? 'is present' : 'is missing'}`;
      return `${p.column} ${p.op} ${predicateValueText(value)}`;
    })
    .join(' AND ');
}

/** Whether two sets of predicates share one (the same column, op and value). */
export function sharePredicate(a: readonly Predicate[], b: readonly Predicate[]): boolean {
  const key = (p: Predicate) => JSON.stringify([p.column, p.op, p.value]);
  const held = new Set(b.map(key));
  return a.some((p) => held.has(key(p)));
}

const YES_VALUES = new Set(['1', 'true', 'yes', 'y', 't']);

/** How a label's positive rows are counted in words. */
export interface PositiveWords {
  /** "fraud" for `is_fraud` = 1; null when the label names no thing (`species` = cat). */
  noun: string | null;
  /** "frauds", or "rows with species = cat". */
  plural: string;
  /** "fraud rate", or "rate of species = cat". */
  rate: string;
}

/**
 * A binary label's positives in words: a yes/no label reads by its name without is_/has_
 * (`is_fraud` = 1: "frauds", "fraud rate"); one that names its positive value reads by it.
 */
export function positiveWords(label: string, positive: string): PositiveWords {
  if (YES_VALUES.has(positive.trim().toLowerCase())) {
    const noun = label
      .replace(/^(is|has|was|did)[_\s-]+/i, '')
      .replace(/[_-]+/g, ' ')
      .trim();
    if (noun !== '') return { noun, plural: `${noun}s`, rate: `${noun} rate` };
  }
  const which = `${label} = ${positive}`;
  return { noun: null, plural: `rows with ${which}`, rate: `rate of ${which}` };
}

/**
 * What the primary metric counts, with its count: recall counts positives ("245 frauds"),
 * precision the rows predicted positive, the false-positive rate the negatives, the rest rows.
 */
export function denominatorText(metric: string, n: number, words: PositiveWords | null): string {
  const count = countText(n);
  if (metric === 'recall') return `${count} ${words?.plural ?? 'positives'}`;
  if (metric === 'precision') {
    return words?.noun ? `${count} predicted ${words.plural}` : `${count} predicted positive`;
  }
  if (metric === 'fpr') {
    return words?.noun ? `${count} rows without ${words.noun}` : `${count} negatives`;
  }
  return `${count} labelled rows`;
}
