import { throwIfAborted } from '../../engine/abort.ts';
import type { Engine, RunContext } from '../../engine/engine.ts';
import { FaultlineError } from '../../errors.ts';
import { detailText, rarity, type FeatureFacts } from './error-detail-text.ts';
import { readRawRows, toCell } from './errors-cells.ts';
import {
  comparedFeatures,
  errorDetailQuery,
  errorRangeQuery,
  errorRowQuery,
} from './errors-queries.ts';
import type { ErrorDetail, ErrorFeature } from './errors-result.ts';
import type { ErrorsFeature, ErrorsSpec } from './errors-spec.ts';
import { errorRowOf } from './run-errors-page.ts';

/** A count from DuckDB (a BIGINT, so a bigint); none over no rows. */
function count(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'bigint' || typeof v === 'number') return Number(v);
  throw new TypeError(`errors: a count came back as ${typeof v}, not a number`);
}

/** One feature's facts from the row's value and the compared side's counts (no range yet). */
function featureFacts(
  f: ErrorsFeature,
  i: number,
  row: Record<string, unknown>,
  stats: Record<string, unknown>,
): FeatureFacts {
  const missing = row[`m${i}`] === true;
  const n = f.referenceType === null ? 0 : count(stats[`n${i}`]);
  const feature: ErrorFeature = {
    name: f.name,
    kind: f.kind,
    value: toCell(row[`c${i}`], f.logType),
    percentile: null,
    reference_share: null,
    reference_n: n,
    outside_reference: false,
    missing,
  };
  const facts: FeatureFacts = { feature, min: null, max: null };
  if (missing || n === 0) return facts;
  const equal = count(stats[`eq${i}`]);
  if (f.comparison === 'value') {
    feature.reference_share = equal / n;
    feature.outside_reference = equal === 0;
    return facts;
  }
  const below = count(stats[`lt${i}`]);
  // The midrank percentile: the values below, plus half of those equal.
  feature.percentile = (below + 0.5 * equal) / n;
  // Below the minimum: nothing below or equal; above the maximum: everything below.
  feature.outside_reference = below + equal === 0 || below === n;
  return facts;
}

/** The compared range of the ranked features outside it, for the text: one scan of them. */
async function addRanges(
  engine: Engine,
  spec: ErrorsSpec,
  facts: FeatureFacts[],
  ctx: RunContext,
): Promise<void> {
  const outside = comparedFeatures(spec).filter(({ i }) => {
    const feature = facts[i]?.feature;
    return feature?.outside_reference === true && feature.percentile !== null;
  });
  if (outside.length === 0) return;
  const [ranges = {}] = readRawRows(await engine.query(errorRangeQuery(spec, outside), ctx));
  for (const { f, i } of outside) {
    const fact = facts[i];
    if (fact === undefined) continue;
    // Times come back as the TIMESTAMP they were compared as, shown in the reference's own type.
    const type = f.comparison === 'time' ? (f.referenceType ?? 'TIMESTAMP') : 'DOUBLE';
    fact.min = toCell(ranges[`lo${i}`], type);
    fact.max = toCell(ranges[`hi${i}`], type);
  }
}

/** Outside the compared range first, then the rarest; features not compared last. */
function unusualFirst(a: FeatureFacts, b: FeatureFacts): number {
  const group = (f: ErrorFeature) => (f.outside_reference ? 0 : rarity(f) === null ? 2 : 1);
  const byGroup = group(a.feature) - group(b.feature);
  if (byGroup !== 0) return byGroup;
  return (rarity(a.feature) ?? 1) - (rarity(b.feature) ?? 1);
}

/**
 * One row of the log (by the `row` of a page) with every feature set against the reference — or,
 * without one, against the log itself: numbers and times by midrank percentile and range,
 * categories by share. The cohort filter picks which rows are listed, not what a row is compared
 * with: filtered alike, the reference would hold no row at all for a filter on a value it never
 * saw, which hides just what this shows. Queries: the row by rowid, one scan of the compared
 * table for all features at once, and only for values outside the range, one for the range.
 */
export async function runErrorDetail(
  engine: Engine,
  spec: ErrorsSpec,
  row: number,
  ctx: RunContext = {},
): Promise<ErrorDetail> {
  if (!Number.isSafeInteger(row) || row < 0) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `errors: row ${row}: expected a row number (a whole number >= 0)`,
    });
  }
  throwIfAborted(ctx.signal);
  const [found] = readRawRows(await engine.query(errorRowQuery(spec, row), ctx));
  if (found === undefined) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `errors: no row ${row} in the log (rows are numbered from 0 in load order)`,
    });
  }
  const [stats = {}] =
    comparedFeatures(spec).length > 0
      ? readRawRows(await engine.query(errorDetailQuery(spec, row), ctx))
      : [];
  const facts = spec.features.map((f, i) => featureFacts(f, i, found, stats));
  await addRanges(engine, spec, facts, ctx);
  const ordered = facts.sort(unusualFirst);
  const comparedWith = spec.reference ? 'reference' : 'log';
  return {
    ...errorRowOf(spec, found),
    compared_with: comparedWith,
    features: ordered.map((f) => f.feature),
    text: detailText(ordered, comparedWith),
  };
}
