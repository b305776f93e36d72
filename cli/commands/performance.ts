import {
  primaryMetrics,
  type PerformanceSpecOptions,
} from '../../shared/analyses/performance/performance-spec.ts';
import { runPerformanceOfTask } from '../../shared/analyses/performance/run-performance-of-task.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { choiceFlag, columnList, parse, roleOptions, threshold, windowUnit } from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { logInputs, openLogInputs } from '../log-inputs.ts';
import { terminalProgress } from '../progress.ts';
import { performanceText } from './performance-text.ts';

export const performanceUsage = `faultline performance --log L [--reference R] [--by a,b] [--where "PREDICATES"]
                [--window day|week|month] [--metric recall|precision|accuracy|fpr] [--json]
                [--label COL] [--score COL] [--prediction COL] [--time COL] [--threshold T]
                [--task binary|multiclass|regression] [--positive VALUE]
                [--kind COL=numeric|categorical|datetime|text] [--delimiter C]
  The model's metrics overall and per cohort, each cohort against the same cohort in R, or without
  R against the rest of L. Binary: accuracy, precision, recall, FPR, F1, AUC, log loss, Brier, base
  rate, each proportion with its 95% Wilson interval (two-proportion z-test, BH-adjusted q).
  Multiclass: accuracy, macro and weighted F1, per-class precision and recall, confusion matrix.
  Regression: MAE, RMSE, bias (mean of prediction - truth), R² (changes shown without a test).
  --by names one or two cohort columns (numeric ones in 10 equal-mass bins; repeat --by NAME for
  a name with a comma). --where restricts L and R to a cohort: "region = 'APAC'".
  --window adds every metric per window of L's time column, and since when each cohort's primary
  metric (binary: --metric, default recall; multiclass: accuracy) stays worse. --threshold cuts the
  score there instead of using the logged prediction column.`;

const performanceOptions = {
  ...roleOptions,
  log: { type: 'string' },
  reference: { type: 'string' },
  by: { type: 'string', multiple: true },
  where: { type: 'string' },
  window: { type: 'string' },
  metric: { type: 'string' },
} as const;

/** `faultline performance --log L [--reference R]`: metrics per cohort and over time (CLI.md). */
export async function performanceCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, performanceOptions);
  if (values.help) return { text: performanceUsage, json: null, exitCode: 0 };
  const unit = windowUnit(values.window);
  const primary = choiceFlag('--metric', values.metric, primaryMetrics);
  // Checked before any file is read: a malformed filter or threshold fails at once.
  const inputs = logInputs('performance', values, positionals);
  const cut = values.threshold === undefined ? undefined : threshold(values);
  const progress = terminalProgress();
  try {
    const e = await engine();
    const { log, reference, where } = await openLogInputs(e, inputs, values, progress.onProgress);
    const options: PerformanceSpecOptions = {
      where,
      ...(values.by ? { by: columnList('--by', values.by, log.schema) } : {}),
      ...(unit !== undefined ? { window: unit } : {}),
      ...(values.time !== undefined ? { time: values.time } : {}),
      ...(cut !== undefined ? { threshold: cut } : {}),
      ...(primary !== undefined ? { primary } : {}),
    };
    const result = await runPerformanceOfTask(e, log.schema, reference?.schema ?? null, options, {
      onProgress: progress.onProgress,
    });
    return {
      text: performanceText(result, inputs.log, inputs.reference),
      json: result,
      exitCode: exitCodes.ok,
    };
  } finally {
    progress.done();
  }
}
