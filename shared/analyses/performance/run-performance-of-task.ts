// The performance analysis a log's task calls for: binary, multiclass or regression, from the
// schemas of the log and the reference (the CLI's `performance` and the app's views run this).
import type { Engine, RunContext } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { performanceSpecFromSchemas, type PerformanceSpecOptions } from './performance-spec.ts';
import type { AnyPerformanceResult } from './performance-task-result.ts';
import { multiclassSpecFromSchemas, regressionSpecFromSchemas } from './performance-task-spec.ts';
import { runMulticlassPerformance } from './run-multiclass-performance.ts';
import { runPerformance } from './run-performance.ts';
import { runRegressionPerformance } from './run-regression-performance.ts';

/**
 * Runs the log's task's analysis: multiclass and regression logs by their own metrics, anything
 * else as binary (whose spec names the missing label, prediction or score when there is none).
 */
export async function runPerformanceOfTask(
  engine: Engine,
  log: DatasetSchema,
  reference: DatasetSchema | null,
  options: PerformanceSpecOptions,
  ctx: RunContext = {},
): Promise<AnyPerformanceResult> {
  if (log.task === 'multiclass') {
    return runMulticlassPerformance(
      engine,
      multiclassSpecFromSchemas(log, reference, options),
      ctx,
    );
  }
  if (log.task === 'regression') {
    return runRegressionPerformance(
      engine,
      regressionSpecFromSchemas(log, reference, options),
      ctx,
    );
  }
  return runPerformance(engine, performanceSpecFromSchemas(log, reference, options), ctx);
}
