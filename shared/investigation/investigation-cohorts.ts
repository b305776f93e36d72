// The investigation's worst cohorts: `faultline performance --by COLUMN --window` over every
// default segment column (the canary's rule: categorical features with 2 to 20 values), then over
// pairs of the columns whose cohorts dropped (region × device finds `region = APAC AND device =
// android` where each column alone dilutes it), ranked together, most degraded first.
import { isDefaultSegmentColumn } from '../analyses/canary/canary-spec.ts';
import { degradation, isSignificantDrop } from '../analyses/performance/performance-order.ts';
import type { PerformanceCohort } from '../analyses/performance/performance-result.ts';
import { higherIsBetter as metricDirection } from '../analyses/performance/performance-metrics.ts';
import type {
  PerformanceSpecOptions,
  PrimaryMetric,
} from '../analyses/performance/performance-spec.ts';
import { runPerformanceOfTask } from '../analyses/performance/run-performance-of-task.ts';
import { throwIfAborted } from '../engine/abort.ts';
import type { Engine, RunContext } from '../engine/engine.ts';
import { FaultlineError } from '../errors.ts';
import type { DatasetSchema } from '../schema/dataset-schema.ts';

/** At most this many cohorts are kept (the findings name at most 5 of them). */
export const MAX_COHORTS = 10;

/** Pairs are cut from at most this many of the columns whose cohorts dropped (3 pairs). */
export const MAX_PAIRED_COLUMNS = 3;

/**
 * The columns cohorts are cut by: the current log's default segment columns (canary-spec.ts's
 * rule), held by the reference too when there is one, in the log's column order.
 */
export function cohortColumns(current: DatasetSchema, reference: DatasetSchema | null): string[] {
  return current.columns
    .filter(isDefaultSegmentColumn)
    .filter((c) => reference === null || reference.columns.some((r) => r.name === c.name))
    .map((c) => c.name);
}

/** The primary metric's relative drop (positive = worse); null when the cohort is not judged. */
export function relativeDrop(
  cohort: PerformanceCohort,
  metric: PrimaryMetric,
  higherIsBetter: boolean,
): number | null {
  const worse = degradation(cohort, metric, higherIsBetter);
  if (worse === null) return null;
  const baseline = cohort.delta?.metrics[metric].baseline ?? null;
  return baseline !== null && baseline !== 0 ? worse / Math.abs(baseline) : worse;
}

/**
 * Most degraded first: significant drops of the primary metric (q < 0.05) by relative drop, then
 * the other judged cohorts by relative change, then the unjudged (too small, no baseline) by size.
 */
export function rankByRelativeDrop(
  cohorts: readonly PerformanceCohort[],
  metric: PrimaryMetric,
  higherIsBetter: boolean,
): PerformanceCohort[] {
  const drop = (c: PerformanceCohort) => relativeDrop(c, metric, higherIsBetter);
  const tier = (c: PerformanceCohort) =>
    drop(c) === null ? 2 : isSignificantDrop(c, metric, higherIsBetter) ? 0 : 1;
  return [...cohorts].sort(
    (a, b) => tier(a) - tier(b) || (drop(b) ?? 0) - (drop(a) ?? 0) || b.n - a.n,
  );
}

/** What the cohort runs share with the investigation. */
export interface CohortRunOptions {
  reference: DatasetSchema | null;
  options: Omit<PerformanceSpecOptions, 'by'>;
}

/** One run `--by columns`: its cohorts, its primary metric and direction. */
async function cohortsBy(
  engine: Engine,
  current: DatasetSchema,
  run: CohortRunOptions,
  by: string[],
  ctx: RunContext,
): Promise<{ cohorts: PerformanceCohort[]; metric: PrimaryMetric; higherIsBetter: boolean }> {
  throwIfAborted(ctx.signal);
  const result = await runPerformanceOfTask(
    engine,
    current,
    run.reference,
    { ...run.options, by },
    ctx.signal ? { signal: ctx.signal } : {},
  );
  if (result.task !== 'binary') return { cohorts: [], metric: 'accuracy', higherIsBetter: true };
  const metric = result.primary_metric;
  return { cohorts: result.cohorts, metric, higherIsBetter: metricDirection[metric] ?? true };
}

/**
 * The worst cohorts of a binary log (at most MAX_COHORTS, most degraded first), each with its
 * timeline and `since`. A multiclass or regression log, or one without a column to cut by, fails
 * with the reason (the investigation lists it as skipped).
 */
export async function worstCohorts(
  engine: Engine,
  current: DatasetSchema,
  run: CohortRunOptions,
  ctx: RunContext = {},
): Promise<PerformanceCohort[]> {
  if (current.task === 'multiclass' || current.task === 'regression') {
    throw new FaultlineError({
      code: 'bad_role',
      message: `cohorts: a ${current.task} log; the cohort ranking judges a binary label's primary metric (see performance --by COLUMN)`,
    });
  }
  const columns = cohortColumns(current, run.reference);
  if (columns.length === 0) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `cohorts: no categorical feature with 2 to 20 values${run.reference ? ' in both the log and the reference' : ''} to cut the log by`,
    });
  }
  const all: PerformanceCohort[] = [];
  let metric: PrimaryMetric = 'recall';
  let higherIsBetter = true;
  const dropped: { column: string; drop: number }[] = [];
  for (const column of columns) {
    const found = await cohortsBy(engine, current, run, [column], ctx);
    ({ metric, higherIsBetter } = found);
    all.push(...found.cohorts);
    const drops = found.cohorts
      .filter((c) => isSignificantDrop(c, metric, higherIsBetter))
      .map((c) => relativeDrop(c, metric, higherIsBetter) ?? 0);
    if (drops.length > 0) dropped.push({ column, drop: Math.max(...drops) });
  }
  const paired = dropped
    .sort((a, b) => b.drop - a.drop)
    .slice(0, MAX_PAIRED_COLUMNS)
    .map((d) => d.column)
    // The log's column order, so a pair reads as the file does (region before device).
    .sort((a, b) => columns.indexOf(a) - columns.indexOf(b));
  for (let i = 0; i < paired.length; i++) {
    for (let j = i + 1; j < paired.length; j++) {
      const pair = [paired[i], paired[j]].filter((c): c is string => c !== undefined);
      all.push(...(await cohortsBy(engine, current, run, pair, ctx)).cohorts);
    }
  }
  return rankByRelativeDrop(all, metric, higherIsBetter).slice(0, MAX_COHORTS);
}
