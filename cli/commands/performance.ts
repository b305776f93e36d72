import { checkedCohortFilter } from '../../shared/analyses/cohort-source.ts';
import {
  performanceSpecFromSchemas,
  primaryMetrics,
  type PerformanceSpecOptions,
  type PrimaryMetric,
} from '../../shared/analyses/performance/performance-spec.ts';
import {
  multiclassSpecFromSchemas,
  regressionSpecFromSchemas,
} from '../../shared/analyses/performance/performance-task-spec.ts';
import { runMulticlassPerformance } from '../../shared/analyses/performance/run-multiclass-performance.ts';
import { runPerformance } from '../../shared/analyses/performance/run-performance.ts';
import { runRegressionPerformance } from '../../shared/analyses/performance/run-regression-performance.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { parseWhere } from '../../shared/sql/parse-where.ts';
import {
  columnList,
  parse,
  roleOptions,
  openOptions,
  threshold,
  windowUnit,
  withFlag,
} from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { openInput } from '../open-dataset.ts';
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

function primaryMetric(value: string | undefined): PrimaryMetric | undefined {
  if (value === undefined) return undefined;
  const found = primaryMetrics.find((m) => m === value);
  if (found) return found;
  throw new FaultlineError({
    code: 'bad_argument',
    message: `--metric must be ${primaryMetrics.join(', ')}, not '${value}'`,
  });
}

/** `faultline performance --log L [--reference R]`: metrics per cohort and over time (CLI.md). */
export async function performanceCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, performanceOptions);
  if (values.help) return { text: performanceUsage, json: null, exitCode: 0 };
  const unit = windowUnit(values.window);
  const primary = primaryMetric(values.metric);
  const { log, reference } = values;
  if (log === undefined || positionals.length > 0) {
    const what =
      positionals.length > 0 ? `unexpected argument '${positionals[0] ?? ''}'` : 'missing --log';
    throw new FaultlineError({
      code: 'bad_argument',
      message: `performance: ${what}; usage: faultline performance --log L [--reference R] (--help for more)`,
    });
  }
  // Checked before any file is read: a malformed filter or threshold fails at once.
  const predicates = values.where === undefined ? [] : parseWhere(values.where);
  const cut = values.threshold === undefined ? undefined : threshold(values);
  const opts = openOptions(values);
  const progress = terminalProgress();
  try {
    const e = await engine();
    const l = await openInput(e, 'log', log, opts, progress.onProgress);
    const r = reference
      ? await openInput(e, 'reference', reference, opts, progress.onProgress)
      : null;
    const where = withFlag('--where', () =>
      checkedCohortFilter(predicates, [
        ['log', l.schema],
        ...(r ? [['reference', r.schema] as const] : []),
      ]),
    );
    const options: PerformanceSpecOptions = {
      where,
      ...(values.by ? { by: columnList('--by', values.by, l.schema) } : {}),
      ...(unit !== undefined ? { window: unit } : {}),
      ...(values.time !== undefined ? { time: values.time } : {}),
      ...(cut !== undefined ? { threshold: cut } : {}),
      ...(primary !== undefined ? { primary } : {}),
    };
    const ctx = { onProgress: progress.onProgress };
    const task = l.schema.task;
    const result =
      task === 'multiclass'
        ? await runMulticlassPerformance(
            e,
            multiclassSpecFromSchemas(l.schema, r?.schema ?? null, options),
            ctx,
          )
        : task === 'regression'
          ? await runRegressionPerformance(
              e,
              regressionSpecFromSchemas(l.schema, r?.schema ?? null, options),
              ctx,
            )
          : await runPerformance(
              e,
              performanceSpecFromSchemas(l.schema, r?.schema ?? null, options),
              ctx,
            );
    return {
      text: performanceText(result, log, reference ?? null),
      json: result,
      exitCode: exitCodes.ok,
    };
  } finally {
    progress.done();
  }
}
