import { readScalar } from '../../engine/arrow-columns.ts';
import type { Engine, QueryOptions, RunContext } from '../../engine/engine.ts';
import type { Sql } from '../../sql/sql.ts';
import {
  categoryCountsQuery,
  readCategoryRows,
  type CategoryRow,
} from './drift-category-queries.ts';
import { columnResult } from './drift-column-result.ts';
import { addDriftExtras, hasDriftExtras } from './drift-extras.ts';
import { measureNumeric } from './drift-numeric-measures.ts';
import { driftReason } from './drift-reason.ts';
import type { DriftResult } from './drift-result.ts';
import { applySignificance } from './drift-significance.ts';
import type { DriftSpec } from './drift-spec.ts';
import { readSideFacts, sideSummaryQuery } from './drift-summary-query.ts';

const STEPS = 6;

/**
 * Drift of every spec column between the reference and the current table (STATS.md "Numeric
 * drift", "Categorical drift"), both restricted to the spec's `where`. DuckDB aggregates in a
 * fixed number of queries whatever the column count; JS receives summaries and finishes the
 * statistics.
 */
export async function runDrift(
  engine: Engine,
  spec: DriftSpec,
  ctx: RunContext = {},
): Promise<DriftResult> {
  const opts: QueryOptions = ctx.signal ? { signal: ctx.signal } : {};
  const run = (q: Sql) => engine.query(q, opts);
  const step = (done: number, phase: string) =>
    ctx.onProgress?.({ phase, done, total: STEPS, unit: 'steps' });

  step(0, 'counting values');
  const [referenceSummary, currentSummary] = await Promise.all([
    run(sideSummaryQuery(spec, 'reference')),
    run(sideSummaryQuery(spec, 'current')),
  ]);
  const summaries = { reference: referenceSummary, current: currentSummary };
  const numeric = await measureNumeric(engine, opts, spec, readSideFacts(spec, summaries), step);
  const facts = readSideFacts(spec, summaries, numeric.moments);

  step(4, 'counting categories');
  const byValue = [
    ...spec.columns.flatMap((c, i) => (c.kind === 'categorical' ? [i] : [])),
    ...numeric.binnedByValue,
  ];
  const categories =
    byValue.length > 0
      ? readCategoryRows(await run(categoryCountsQuery(spec, byValue)))
      : new Map<number, CategoryRow[]>();

  step(5, 'testing');
  const columns = spec.columns.map((column, i) => {
    const f = facts[i];
    if (!f) throw new RangeError(`runDrift: no facts for column ${i}`);
    return columnResult(column, i, f, numeric, categories);
  });
  applySignificance(columns);
  const result: DriftResult = {
    reference: { rows: Number(readScalar(referenceSummary)) },
    current: { rows: Number(readScalar(currentSummary)) },
    columns,
  };
  if (spec.where !== undefined && spec.where.length > 0) result.where = spec.where;
  if (hasDriftExtras(spec)) await addDriftExtras(run, spec, result, (phase) => step(5, phase));
  // Last, so a reason can say since when (the timeline's `missing.since`).
  for (const c of columns) c.reason = driftReason(c);
  step(STEPS, 'done');
  return result;
}
