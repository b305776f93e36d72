// One investigation: every existing analysis run with the same inputs (the reference, the current
// log, the cohort filter, the window, the threshold), one after the other, each building its spec
// as the CLI command and the worker do. An analysis these inputs cannot feed is listed as skipped
// with its reason; a cancel or an engine failure stops the whole run.
import { calibrationSpecFromSchemas } from '../analyses/calibration/calibration-spec.ts';
import { runCalibration } from '../analyses/calibration/run-calibration.ts';
import type { CanarySpecOptions } from '../analyses/canary/canary-spec.ts';
import type { CanaryResult } from '../analyses/canary/canary-result.ts';
import { runCanary } from '../analyses/canary/run-canary.ts';
import { driftSpecFromSchemas } from '../analyses/drift/drift-spec.ts';
import { runDrift } from '../analyses/drift/run-drift.ts';
import { errorsSpecFromSchemas } from '../analyses/errors/errors-spec.ts';
import { runErrorsPage } from '../analyses/errors/run-errors-page.ts';
import type { PerformanceSpecOptions } from '../analyses/performance/performance-spec.ts';
import { runPerformanceOfTask } from '../analyses/performance/run-performance-of-task.ts';
import { runSlices } from '../analyses/slices/run-slices.ts';
import { slicesSpecFromSchemas } from '../analyses/slices/slices-spec.ts';
import { throwIfAborted } from '../engine/abort.ts';
import type { Engine, RunContext } from '../engine/engine.ts';
import { FaultlineError, type FaultlineErrorCode } from '../errors.ts';
import { worstCohorts } from './investigation-cohorts.ts';
import { investigationCanarySpec } from './investigation-canary.ts';
import {
  NOT_ASKED,
  type Investigation,
  type InvestigationSection,
  type InvestigationSpec,
  type Pin,
  type PinnedResult,
  type SkippedSection,
} from './investigation.ts';

/** How many of the most confident errors illustrate the report, unless the spec says. */
export const DEFAULT_ERROR_ROWS = 20;

/** The steps' phases, in the order they run. */
export type InvestigationPhase = InvestigationSection | 'pinned';

/** Errors that stop the investigation instead of skipping one analysis: the user's or the engine's. */
const STOPPING: ReadonlySet<FaultlineErrorCode> = new Set(['cancelled', 'engine', 'out_of_memory']);

/**
 * Why an analysis cannot run on these inputs (its error's message), or null when the error must
 * propagate: a cancel, an engine failure, or anything that is not a FaultlineError (a bug).
 */
export function skipReason(e: unknown): string | null {
  if (!(e instanceof FaultlineError) || STOPPING.has(e.code)) return null;
  return e.message;
}

/**
 * Runs `analysis`; an input it cannot take gives null and the reason in `skipped`, as does a
 * section the spec did not ask for (`wanted` false).
 */
async function attempt<T>(
  section: SkippedSection['section'],
  skipped: SkippedSection[],
  analysis: () => Promise<T>,
  wanted = true,
): Promise<T | null> {
  if (!wanted) {
    skipped.push({ section, reason: NOT_ASKED });
    return null;
  }
  try {
    return await analysis();
  } catch (e) {
    const reason = skipReason(e);
    if (reason === null) throw e;
    skipped.push({ section, reason });
    return null;
  }
}

/** A pin's own performance: the investigation's filter and the pin's predicates, both. */
async function pinnedResult(
  engine: Engine,
  spec: InvestigationSpec,
  options: PerformanceSpecOptions,
  pin: Pin,
  ctx: RunContext,
): Promise<PinnedResult> {
  try {
    const result = await runPerformanceOfTask(
      engine,
      spec.current,
      spec.reference,
      { ...options, where: [...(spec.where ?? []), ...pin.predicates] },
      ctx,
    );
    if (result.task !== 'binary') {
      return {
        pin,
        performance: null,
        skipped: `a ${result.task} log: pins are judged on a binary label`,
      };
    }
    return { pin, performance: result, skipped: null };
  } catch (e) {
    const reason = skipReason(e);
    if (reason === null) throw e;
    return { pin, performance: null, skipped: reason };
  }
}

/**
 * Runs every analysis of an investigation on `spec`: drift (needs a reference), performance over
 * time, the worst cohorts, each pin, calibration, weak slices, the most confident errors and the
 * canary (when the spec has one). Progress counts the steps; a cancel rejects with the engine's
 * `cancelled` error and each analysis drops its temporary tables and views.
 */
export async function runInvestigation(
  engine: Engine,
  spec: InvestigationSpec,
  ctx: RunContext = {},
): Promise<Investigation> {
  const { reference, current } = spec;
  const asked = (section: InvestigationSection) =>
    spec.sections === undefined || spec.sections.includes(section);
  const where = spec.where ?? [];
  const window = spec.window ?? 'auto';
  const threshold = spec.threshold !== undefined ? { threshold: spec.threshold } : {};
  // Each analysis reports its own steps in its own terms: only the investigation's are passed on.
  const inner: RunContext = ctx.signal ? { signal: ctx.signal } : {};
  const phases: InvestigationPhase[] = (
    [
      'drift',
      'performance',
      'cohorts',
      ...(spec.pinned && spec.pinned.length > 0 ? (['pinned'] as const) : []),
      'calibration',
      'slices',
      'errors',
      ...(spec.canary ? (['canary'] as const) : []),
    ] as const
  ).filter((phase) => phase === 'pinned' || asked(phase));
  let done = 0;
  const step = (phase: InvestigationPhase | 'done') => {
    throwIfAborted(ctx.signal);
    ctx.onProgress?.({ phase, done, total: phases.length, unit: 'steps' });
    if (phase !== 'done') done++;
  };
  const skipped: SkippedSection[] = [];
  const performanceOptions: PerformanceSpecOptions = { where, window, ...threshold };

  const stepIf = (phase: InvestigationPhase) => {
    if (phases.includes(phase)) step(phase);
  };
  stepIf('drift');
  const drift = await attempt(
    'drift',
    skipped,
    async () => {
      if (reference === null) {
        throw new FaultlineError({
          code: 'bad_argument',
          message: 'drift: no reference to compare the current data with',
        });
      }
      const driftSpec = driftSpecFromSchemas(reference, current, {
        impact: true,
        where,
        window,
        ...threshold,
      });
      return runDrift(engine, driftSpec, inner);
    },
    asked('drift'),
  );

  stepIf('performance');
  const performance = await attempt(
    'performance',
    skipped,
    () => runPerformanceOfTask(engine, current, reference, performanceOptions, inner),
    asked('performance'),
  );

  stepIf('cohorts');
  const cohorts =
    (await attempt(
      'cohorts',
      skipped,
      () => worstCohorts(engine, current, { reference, options: performanceOptions }, inner),
      asked('cohorts'),
    )) ?? [];

  const pinned: PinnedResult[] = [];
  if (phases.includes('pinned')) {
    step('pinned');
    for (const pin of spec.pinned ?? []) {
      throwIfAborted(ctx.signal);
      pinned.push(await pinnedResult(engine, spec, performanceOptions, pin, inner));
    }
  }

  stepIf('calibration');
  const calibration = await attempt(
    'calibration',
    skipped,
    () => runCalibration(engine, calibrationSpecFromSchemas(current, reference, { where }), inner),
    asked('calibration'),
  );

  stepIf('slices');
  const slices = await attempt(
    'slices',
    skipped,
    () =>
      runSlices(engine, slicesSpecFromSchemas(current, reference, { where, ...threshold }), inner),
    asked('slices'),
  );

  stepIf('errors');
  const errors = await attempt(
    'errors',
    skipped,
    () =>
      runErrorsPage(
        engine,
        // The default sort: the most confident errors first (regression: the largest errors).
        errorsSpecFromSchemas(current, reference, { where, ...threshold }),
        { offset: 0, limit: spec.errorRows ?? DEFAULT_ERROR_ROWS },
        inner,
      ),
    asked('errors'),
  );

  let canary: CanaryResult | null = null;
  if (spec.canary && !asked('canary')) skipped.push({ section: 'canary', reason: NOT_ASKED });
  else if (spec.canary) {
    step('canary');
    const model = spec.canary;
    // No window: the verdict per window is the Canary view's (a day per window of every segment's
    // checks would outweigh the rest of the investigation many times over).
    const options: CanarySpecOptions = {
      where,
      ...threshold,
      ...(spec.guardrails ? { guardrails: spec.guardrails } : {}),
    };
    canary = await attempt('canary', skipped, async () =>
      runCanary(engine, await investigationCanarySpec(engine, model, options, inner), inner),
    );
  }

  step('done');
  return {
    current: { rows: current.rows },
    reference: reference === null ? null : { rows: reference.rows },
    drift,
    performance,
    cohorts,
    pinned,
    calibration,
    slices,
    errors,
    canary,
    skipped,
  };
}
