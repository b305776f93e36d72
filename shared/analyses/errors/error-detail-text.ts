// A row's unusual features in words, most unusual first: "amount = 9,400: 99.8th percentile of
// the reference", "merchant_category = crypto: never seen in the reference". Pure.
import { formatPercentile } from '../../text/ordinal.ts';
import { formatShare } from '../drift/drift-reason.ts';
import type { Cell, ErrorFeature } from './errors-result.ts';

/** A value is unusual beyond the 5th/95th percentile, or as a category of under 5% of rows. */
export const UNUSUAL_SHARE = 0.05;

/** Sentences about single features; the rest are counted in one more. */
const MAX_FEATURE_SENTENCES = 5;

/** What the text knows of a feature: the result's fields and the compared side's range. */
export interface FeatureFacts {
  feature: ErrorFeature;
  /** The smallest and largest compared value (ranked features), as cells. */
  min: Cell;
  max: Cell;
}

// en-US always: the same text in the app, the report and the CLI, whatever the machine's locale.
const wholeNumbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fourDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** A value for a sentence: numbers with four significant digits, or whole with separators. */
export function formatValue(v: Cell): string {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    return Math.abs(v) >= 1000 ? wholeNumbers.format(v) : fourDigits.format(v);
  }
  return String(v);
}

/**
 * How rare a feature's value is on the compared side, in [0, 1], smaller = rarer: the tail a
 * ranked value sits in (min(p, 1 - p)), or a category's share; null when not compared.
 */
export function rarity(f: ErrorFeature): number | null {
  if (f.percentile !== null) return Math.min(f.percentile, 1 - f.percentile);
  return f.reference_share;
}

export function isUnusual(f: ErrorFeature): boolean {
  const r = rarity(f);
  return f.outside_reference || (r !== null && r < UNUSUAL_SHARE);
}

function sentence({ feature: f, min, max }: FeatureFacts, side: string): string {
  const head = `${f.name} = ${formatValue(f.value)}`;
  if (f.percentile !== null) {
    if (f.outside_reference) {
      return f.percentile === 0
        ? `${head}: below every value in the ${side} (min ${formatValue(min)})`
        : `${head}: above every value in the ${side} (max ${formatValue(max)})`;
    }
    return `${head}: ${formatPercentile(f.percentile)} of the ${side}`;
  }
  if (f.reference_share === 0) return `${head}: never seen in the ${side}`;
  return `${head}: ${formatShare(f.reference_share)} of the ${side}'s rows`;
}

const list = (names: readonly string[]) => names.join(', ');

/**
 * Plain sentences for a row's features, given most unusual first: one per unusual feature (up to
 * five, then a count of the rest), then the features missing in the row, then those the compared
 * side lacks; or why there is nothing to say.
 */
export function detailText(facts: readonly FeatureFacts[], side: 'reference' | 'log'): string[] {
  if (facts.length === 0) return ['the log has no feature columns to compare'];
  const unusual = facts.filter((f) => !f.feature.missing && isUnusual(f.feature));
  const text = unusual.slice(0, MAX_FEATURE_SENTENCES).map((f) => sentence(f, side));
  const more = unusual.slice(MAX_FEATURE_SENTENCES).map((f) => f.feature.name);
  if (more.length > 0) {
    text.push(`${more.length} more unusual feature${more.length === 1 ? '' : 's'}: ${list(more)}`);
  }
  const missing = facts.filter((f) => f.feature.missing).map((f) => f.feature.name);
  if (missing.length > 0) {
    text.push(`${list(missing)} ${missing.length === 1 ? 'is' : 'are'} missing in this row`);
  }
  const unmatched = facts
    .filter((f) => !f.feature.missing && f.feature.reference_n === 0)
    .map((f) => f.feature.name);
  if (unmatched.length > 0) {
    text.push(`no values in the ${side} to compare ${list(unmatched)} with`);
  }
  if (text.length === 0) {
    text.push(
      `every feature is usual for the ${side}: between its 5th and 95th percentiles, or a category of at least 5% of its rows`,
    );
  }
  return text;
}
